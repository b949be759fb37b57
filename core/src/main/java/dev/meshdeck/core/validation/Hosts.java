package dev.meshdeck.core.validation;

/**
 * Istio's host naming: a short name is resolved in the namespace of the resource that names it, as
 * {@code name.namespace.svc.cluster.local}.
 */
public final class Hosts {

    public static final String CLUSTER_SUFFIX = ".svc.cluster.local";

    private Hosts() {
    }

    /** The fully qualified form of {@code host} as written in a resource of {@code namespace}. */
    public static String qualify(String host, String namespace) {
        if (host.contains("*")) {
            return host;
        }
        String ns = namespace.isEmpty() ? "default" : namespace;
        if (host.endsWith(CLUSTER_SUFFIX)) {
            return host;
        }
        if (host.endsWith(".svc")) {
            return host + ".cluster.local";
        }
        String[] parts = host.split("\\.");
        if (parts.length == 1) {
            return host + "." + ns + CLUSTER_SUFFIX;
        }
        if (parts.length == 2) {
            // "svc.ns" is a service in another namespace, as Kubernetes DNS reads it.
            return host + CLUSTER_SUFFIX;
        }
        return host;
    }

    /** The FQDN of a Kubernetes Service. */
    public static String ofService(String name, String namespace) {
        return name + "." + (namespace.isEmpty() ? "default" : namespace) + CLUSTER_SUFFIX;
    }

    /** Whether a (possibly wildcard) host pattern matches a concrete host, as Istio compares hosts. */
    public static boolean matches(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    /** Whether two host patterns may select a common host. */
    public static boolean overlap(String a, String b) {
        return matches(a, b) || matches(b, a);
    }
}
