package dev.meshdeck.core.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A namespace's Istio injection labels, and what they make of a pod template: Istio's injector skips a namespace
 * labelled {@code istio-injection=disabled}; otherwise a template's own {@code sidecar.istio.io/inject} (label, else
 * annotation) decides; otherwise {@code istio-injection=enabled} or an {@code istio.io/rev} label injects.
 *
 * @param istioInjection the {@code istio-injection} label's value
 * @param revision       the {@code istio.io/rev} label's value (a revision-tagged control plane)
 */
public record NamespaceInjection(Optional<String> istioInjection, Optional<String> revision) {

    public static final String ISTIO_INJECTION = "istio-injection";
    public static final String REVISION = "istio.io/rev";
    public static final String INJECT = "sidecar.istio.io/inject";

    /** A namespace read as it is: its labels. */
    public static NamespaceInjection of(JsonNode namespace) {
        JsonNode labels = namespace.path("metadata").path("labels");
        return new NamespaceInjection(text(labels.get(ISTIO_INJECTION)), text(labels.get(REVISION)));
    }

    /** The pod template's own choice: its {@code sidecar.istio.io/inject} label, else annotation; empty for none. */
    public static Optional<Boolean> templateChoice(JsonNode template) {
        return text(template.path("metadata").path("labels").get(INJECT))
                .or(() -> text(template.path("metadata").path("annotations").get(INJECT))).map("true"::equals);
    }

    /** Whether pods of a template with {@code choice} get a sidecar here. */
    public boolean injects(Optional<Boolean> choice) {
        if (istioInjection.filter("disabled"::equals).isPresent()) {
            return false;
        }
        return choice.orElse(istioInjection.filter("enabled"::equals).isPresent() || revision.isPresent());
    }

    /** Why a template with {@code choice} is injected or not, as a person reads it. */
    public String why(Optional<Boolean> choice) {
        if (istioInjection.filter("disabled"::equals).isPresent()) {
            return "namespace " + ISTIO_INJECTION + "=disabled";
        }
        if (choice.isPresent()) {
            return "pod template " + INJECT + "=" + choice.get();
        }
        return istioInjection.map(v -> "namespace " + ISTIO_INJECTION + "=" + v)
                .or(() -> revision.map(r -> "namespace " + REVISION + "=" + r))
                .orElse("namespace not labelled for injection");
    }

    /** "istio-injection=enabled", "istio.io/rev=canary", both, or "no injection label". */
    public String labels() {
        String shown = istioInjection.map(v -> ISTIO_INJECTION + "=" + v).orElse("")
                + (istioInjection.isPresent() && revision.isPresent() ? ", " : "")
                + revision.map(r -> REVISION + "=" + r).orElse("");
        return shown.isEmpty() ? "no injection label" : shown;
    }

    private static Optional<String> text(JsonNode value) {
        return value == null || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
    }
}
