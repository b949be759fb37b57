package dev.meshdeck.core.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Istio's host naming, as its analyzers read it: only a name without a dot is short, and it is resolved in
 * the namespace of the resource that names it ({@code name.namespace.svc.cluster.local}); a name with a dot
 * ("reviews.bookinfo", "httpbin.org") or a leading "*" is taken as written. An omitted namespace stays
 * empty, as in istioctl's own test harness, so objects without a namespace only see each other.
 */
public final class Hosts {

    public static final String CLUSTER_SUFFIX = ".svc.cluster.local";

    private static final Pattern CLUSTER_FQDN = Pattern.compile("^(.+)\\.(.+)\\.svc\\.cluster\\.local$");

    private Hosts() {
    }

    /** The fully qualified form of {@code host} as written in a resource of {@code namespace}. */
    public static String qualify(String host, String namespace) {
        if (host.startsWith("*") || host.contains(".")) {
            return host;
        }
        return host + "." + namespace + CLUSTER_SUFFIX;
    }

    /** The FQDN of a Kubernetes Service. */
    public static String ofService(String name, String namespace) {
        return name + "." + namespace + CLUSTER_SUFFIX;
    }

    /** The namespace of a cluster-local FQDN ("ratings.bookinfo.svc.cluster.local" gives "bookinfo"), or null. */
    public static String namespaceOf(String fqdn) {
        Matcher m = CLUSTER_FQDN.matcher(fqdn);
        return m.matches() ? m.group(2) : null;
    }

    /** Whether a host pattern ("*.example.com", "*", or a plain name) matches a concrete host. */
    public static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    /**
     * Whether two host patterns may select a common host, as Istio's {@code host.Name.Matches}: equal names,
     * or a wildcard whose suffix the other name (or the other wildcard's suffix) ends with.
     */
    public static boolean overlap(String a, String b) {
        boolean aWild = a.startsWith("*");
        boolean bWild = b.startsWith("*");
        if (aWild && bWild) {
            String sa = a.substring(1);
            String sb = b.substring(1);
            return sa.length() < sb.length() ? sb.endsWith(sa) : sa.endsWith(sb);
        }
        if (aWild) {
            return b.endsWith(a.substring(1));
        }
        if (bWild) {
            return a.endsWith(b.substring(1));
        }
        return a.equals(b);
    }
}
