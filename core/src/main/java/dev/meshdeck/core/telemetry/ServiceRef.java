package dev.meshdeck.core.telemetry;

import java.util.Objects;

/**
 * A node as telemetry names it. For mesh workloads this is Istio's canonical service
 * ({@code *_canonical_service}, the {@code app} label) in its namespace, within one telemetry scope (a kube
 * context id or a Lambda source id from {@code SourceRef.id()}). For Lambda the namespace is empty and the
 * service is the function name. Unknown callers (ingress without labels, outside the mesh) use {@link #UNKNOWN}.
 */
public record ServiceRef(String scope, String namespace, String service) {

    public static final ServiceRef UNKNOWN = new ServiceRef("", "", "unknown");

    public ServiceRef {
        Objects.requireNonNull(service, "service");
        scope = scope == null ? "" : scope;
        namespace = namespace == null ? "" : namespace;
    }
}
