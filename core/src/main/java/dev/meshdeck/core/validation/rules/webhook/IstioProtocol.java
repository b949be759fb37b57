package dev.meshdeck.core.validation.rules.webhook;

import java.util.Locale;
import java.util.Optional;

/**
 * A port protocol as Istio reads it (istio/istio pkg/config/protocol): case-insensitive names; anything else is
 * "unsupported", which the webhook rejects where a protocol is declared.
 */
public enum IstioProtocol {
    TCP, UDP, GRPC, GRPC_WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL;

    /** The protocol named {@code name} ("http", "GRPC-Web", ...), empty when Istio does not support it. */
    public static Optional<IstioProtocol> parse(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals("GRPC-WEB")) {
            return Optional.of(GRPC_WEB);
        }
        if (n.equals("GRPC_WEB")) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(n));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
    }

    /** TCP-based and not HTTP: Istio's IsTCP (plain TCP, TLS and the TCP database protocols). */
    public boolean isTcp() {
        return this == TCP || this == HTTPS || this == TLS || this == MONGO || this == REDIS || this == MYSQL;
    }

    public boolean isTls() {
        return this == HTTPS || this == TLS;
    }
}
