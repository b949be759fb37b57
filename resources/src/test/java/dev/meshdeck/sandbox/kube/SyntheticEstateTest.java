package dev.meshdeck.sandbox.kube;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticEstateTest {

    @Test
    void threeHundredFunctionsSplitOverPlatformsAndNamespaces() {
        try (KubeSandbox sandbox = KubeSandbox.start(0)) {
            sandbox.preload(Estate.synthetic(300));

            assertThat(functionsPerPlatform(sandbox.client()))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("knative", 90L, "openfaas", 60L, "kubeless", 30L,
                            "kubernetes", 120L));
            assertThat(sandbox.client().namespaces().list().getItems())
                    .extracting(ns -> ns.getMetadata().getName())
                    .contains("synth-0000", "synth-0001", "synth-0002").doesNotContain("synth-0003");
        }
    }

    @Test
    void theSameSizeAlwaysGivesTheSameEstate() {
        assertThat(names(Estate.synthetic(50))).isEqualTo(names(Estate.synthetic(50)));
    }

    @Test
    void seedingThroughTheApiGivesWhatPreloadingGives() {
        try (KubeSandbox viaApi = KubeSandbox.start(0); KubeSandbox preloaded = KubeSandbox.start(0)) {
            EstateSeeder.seedSynthetic(viaApi.client(), 20);
            preloaded.preload(Estate.synthetic(20));

            assertThat(functionsPerPlatform(viaApi.client())).isEqualTo(functionsPerPlatform(preloaded.client()));
            assertThat(viaApi.client().pods().inAnyNamespace().list().getItems())
                    .hasSameSizeAs(preloaded.client().pods().inAnyNamespace().list().getItems());
        }
    }

    private static String names(Estate estate) {
        return estate.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(Collectors.joining(","));
    }

    /** Counts functions the way conventions.md recognises them, in the synthetic namespaces. */
    static Map<String, Long> functionsPerPlatform(KubernetesClient client) {
        long knative = client.adapt(KnativeClient.class).services().inAnyNamespace().list().getItems().stream()
                .filter(SyntheticEstateTest::synthetic).count();
        long openFaas = client.genericKubernetesResources("openfaas.com/v1", "Function").inAnyNamespace().list()
                .getItems().stream().filter(SyntheticEstateTest::synthetic).count();
        long kubeless = client.genericKubernetesResources("kubeless.io/v1beta1", "Function").inAnyNamespace().list()
                .getItems().stream().filter(SyntheticEstateTest::synthetic).count();
        long plain = client.apps().deployments().inAnyNamespace().list().getItems().stream()
                .filter(SyntheticEstateTest::synthetic)
                .filter(SyntheticEstateTest::markedAsFunction)
                .map(d -> d.getMetadata().getLabels().get("app"))
                .distinct().count();
        return Map.of("knative", knative, "openfaas", openFaas, "kubeless", kubeless, "kubernetes", plain);
    }

    private static boolean synthetic(HasMetadata object) {
        return object.getMetadata().getNamespace().startsWith("synth-");
    }

    private static boolean markedAsFunction(Deployment deployment) {
        Map<String, String> labels = deployment.getMetadata().getLabels();
        return "true".equals(labels.get("meshdeck.dev/function"))
                || "function".equals(labels.get("app.kubernetes.io/component"));
    }
}
