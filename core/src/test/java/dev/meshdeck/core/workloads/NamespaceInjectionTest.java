package dev.meshdeck.core.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a pod gets a sidecar, as Istio's injector decides it from the namespace's labels and the pod template's. */
class NamespaceInjectionTest {

    private static final Optional<Boolean> NONE = Optional.empty();

    @Test
    void theNamespaceLabelDecidesForATemplateWithoutAChoice() {
        assertThat(labelled("enabled", null).injects(NONE)).isTrue();
        assertThat(labelled(null, "canary").injects(NONE)).as("a revision label injects").isTrue();
        assertThat(labelled(null, null).injects(NONE)).isFalse();
        assertThat(labelled(null, null).why(NONE)).isEqualTo("namespace not labelled for injection");
    }

    @Test
    void theTemplatesChoiceWinsUnlessTheNamespaceIsDisabled() {
        assertThat(labelled("enabled", null).injects(Optional.of(false))).isFalse();
        assertThat(labelled(null, null).injects(Optional.of(true))).isTrue();
        assertThat(labelled("disabled", null).injects(Optional.of(true))).isFalse();
        assertThat(labelled("disabled", "canary").why(Optional.of(true))).isEqualTo("namespace istio-injection=disabled");
        assertThat(labelled("enabled", "canary").labels()).isEqualTo("istio-injection=enabled, istio.io/rev=canary");
    }

    private static NamespaceInjection labelled(String injection, String revision) {
        return new NamespaceInjection(Optional.ofNullable(injection), Optional.ofNullable(revision));
    }
}
