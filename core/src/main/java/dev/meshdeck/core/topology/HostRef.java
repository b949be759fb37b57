package dev.meshdeck.core.topology;

/**
 * A destination host as Istio resolves it: {@code svc}, {@code svc.ns}, {@code svc.ns.svc} and
 * {@code svc.ns.svc.cluster.local} name Service {@code svc} (short names in the VirtualService's namespace);
 * anything else is a host outside the cluster (a ServiceEntry, a Lambda function URL).
 *
 * @param qualified how the graph names the host when no function answers it
 */
record HostRef(String service, String namespace, boolean inCluster, String qualified) {

    static HostRef parse(String host, String defaultNamespace) {
        String[] parts = host.split("\\.");
        if (parts.length == 1) {
            return new HostRef(host, defaultNamespace, true, host + "." + defaultNamespace);
        }
        boolean kubernetesName = parts.length == 2
                || (parts.length == 3 && parts[2].equals("svc"))
                || (parts.length == 5 && host.endsWith(".svc.cluster.local"));
        return kubernetesName ? new HostRef(parts[0], parts[1], true, parts[0] + "." + parts[1])
                : new HostRef(host, "", false, host);
    }
}
