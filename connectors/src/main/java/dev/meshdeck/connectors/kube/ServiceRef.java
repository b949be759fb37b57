package dev.meshdeck.connectors.kube;

/** A Kubernetes Service named by namespace and name: what an Istio host points at inside the cluster. */
record ServiceRef(String namespace, String name) {

    private static final String CLUSTER_SUFFIX = ".svc.cluster.local";

    /**
     * Resolves an Istio host as Istio does for in-cluster services: {@code svc}, {@code svc.ns},
     * {@code svc.ns.svc}, {@code svc.ns.svc.cluster.local}; short names resolve in {@code ownNamespace}.
     *
     * @return null for hosts outside the cluster (external names, wildcards, gateway hosts)
     */
    static ServiceRef resolve(String host, String ownNamespace) {
        if (host == null || host.isEmpty() || host.contains("*")) {
            return null;
        }
        String h = host.endsWith(CLUSTER_SUFFIX) ? host.substring(0, host.length() - CLUSTER_SUFFIX.length())
                : host.endsWith(".svc") ? host.substring(0, host.length() - ".svc".length()) : host;
        String[] parts = h.split("\\.");
        if (parts.length == 1) {
            return new ServiceRef(ownNamespace, parts[0]);
        }
        if (parts.length == 2) {
            return new ServiceRef(parts[1], parts[0]);
        }
        return null;
    }
}
