package dev.meshdeck.core.failover;

import java.net.URI;
import java.util.Locale;

/**
 * Where a failover sends all of a function's traffic. Written as {@code subset:v2} (also {@code version:},
 * {@code revision:}), {@code host:payment-function.payments-dr.svc.cluster.local}, or
 * {@code url:https://abc.lambda-url.eu-west-1.on.aws/}; a bare name is a host.
 */
public sealed interface FailoverTarget {

    /** Another version of the same function: an Istio subset or version host, a Knative revision, a Lambda version. */
    record Version(String name) implements FailoverTarget {
        public Version {
            requireText(name, "version");
        }

        @Override
        public String toString() {
            return "subset:" + name;
        }
    }

    /** Another host in the mesh (the same function in another cluster, region or namespace). */
    record Host(String host) implements FailoverTarget {
        public Host {
            requireText(host, "host");
        }

        @Override
        public String toString() {
            return "host:" + host;
        }
    }

    /**
     * An HTTPS endpoint outside the mesh, such as a Lambda function URL, reached through a ServiceEntry.
     *
     * @param origin what the person named, for messages ("Lambda invoice-pdf:live"), or ""
     */
    record External(String host, int port, String origin) implements FailoverTarget {
        public External {
            requireText(host, "external host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " of " + host + " is outside 1-65535");
            }
            origin = origin == null ? "" : origin;
        }

        /** An HTTPS URL's host and port (443 unless given). */
        public static External ofUrl(String url, String origin) {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("'" + url + "' is not an https:// URL; a failover outside the mesh"
                        + " goes to an HTTPS endpoint such as a Lambda function URL");
            }
            return new External(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 443 : uri.getPort(), origin);
        }

        @Override
        public String toString() {
            return "url:https://" + host + (port == 443 ? "" : ":" + port) + "/";
        }
    }

    /**
     * Reads a target as the CLI and the {@code meshdeck.dev/failover-target} annotation write it.
     *
     * @throws IllegalArgumentException naming the forms understood
     */
    static FailoverTarget parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        String form = colon < 0 ? "host" : t.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = colon < 0 ? t : t.substring(colon + 1);
        switch (form) {
            case "subset":
            case "version":
            case "revision":
                return new Version(value);
            case "host":
                return new Host(value);
            case "url":
                return External.ofUrl(value, "");
            case "https":
                return External.ofUrl(t, "");
            default:
                throw new IllegalArgumentException("failover target '" + text + "' is not understood; write subset:VERSION,"
                        + " host:HOST, url:https://HOST/ or lambda:FUNCTION[:ALIAS]");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a failover target needs a " + what);
        }
    }
}
