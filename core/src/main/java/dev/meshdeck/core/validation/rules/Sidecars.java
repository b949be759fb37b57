package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;

/** What the Sidecar rules read of a Sidecar: its workload selector. */
final class Sidecars {

    static final String SELECTOR_POINTER = "/spec/workloadSelector/labels";

    private Sidecars() {
    }

    /** The workloadSelector labels, or null when the Sidecar applies to its whole namespace (none, or empty). */
    static JsonNode selector(Resource sidecar) {
        JsonNode labels = sidecar.spec().path("workloadSelector").path("labels");
        return labels.isObject() && !labels.isEmpty() ? labels : null;
    }

    static boolean isIstioSidecar(Resource r) {
        return r.kind().equals("Sidecar") && r.group().equals(MeshIndex.ISTIO_NETWORKING);
    }
}
