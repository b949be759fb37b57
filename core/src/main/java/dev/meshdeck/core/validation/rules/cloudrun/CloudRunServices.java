package dev.meshdeck.core.validation.rules.cloudrun;

import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;

import java.util.List;

/**
 * MeshDeck's YAML form of a Cloud Run service's traffic, which the slider produces for Cloud Run functions:
 * <pre>
 * apiVersion: cloudrun.meshdeck.dev/v1
 * kind: CloudRunService
 * metadata: {name: checkout-api, resourceVersion: "etag"}
 * spec:
 *   traffic:
 *   - {type: TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION, revision: checkout-api-00001-kiv, percent: 90, tag: stable}
 *   - {type: TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST, percent: 10}
 * </pre>
 * It maps one to one to the Admin API v2's {@code Service.traffic}.
 */
final class CloudRunServices {

    static final String GROUP = "cloudrun.meshdeck.dev";
    static final String KIND = "CloudRunService";

    private CloudRunServices() {
    }

    static List<Resource> candidates(ValidationContext context) {
        return context.ofKind(KIND).stream().filter(r -> r.candidate() && r.group().equals(GROUP)).toList();
    }
}
