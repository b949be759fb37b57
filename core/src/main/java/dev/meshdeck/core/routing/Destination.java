package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationBuilder;
import java.util.Objects;

/**
 * Where a route sends traffic: a host, optionally one subset of it and one port.
 *
 * @param subset the DestinationRule subset, or null for every endpoint of the host
 * @param port   the service port, or null when the host has a single port
 */
public record Destination(String host, String subset, Integer port) {

    public Destination {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a destination needs a host");
        }
        if (subset != null && subset.isBlank()) {
            subset = null;
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is outside 1-65535");
        }
    }

    public static Destination host(String host) {
        return new Destination(host, null, null);
    }

    public static Destination subset(String host, String subset) {
        return new Destination(host, subset, null);
    }

    public Destination withPort(int newPort) {
        return new Destination(host, subset, newPort);
    }

    /** The subset if there is one, else the host: what an SRE calls "the version". */
    public String label() {
        return subset != null ? subset : host;
    }

    public io.fabric8.istio.api.api.networking.v1alpha3.Destination toFabric8() {
        DestinationBuilder b = new DestinationBuilder().withHost(host).withSubset(subset);
        if (port != null) {
            b.withNewPort(port.longValue());
        }
        return b.build();
    }

    public static Destination from(io.fabric8.istio.api.api.networking.v1alpha3.Destination d) {
        Integer port = d.getPort() == null || d.getPort().getNumber() == null ? null : d.getPort().getNumber().intValue();
        return new Destination(d.getHost(), d.getSubset(), port);
    }
}
