package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import dev.meshdeck.core.validation.Resource;
import java.util.Optional;

/** How a ServiceEntry finds the addresses of its hosts (spec.resolution). */
enum Resolution {
    NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS;

    /** The resolution of a ServiceEntry: NONE when unset, as Istio reads it; empty when unknown (the schema's finding). */
    static Optional<Resolution> of(Resource serviceEntry) {
        try {
            return Optional.of(valueOf(serviceEntry.spec().path("resolution").asText("NONE")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean isDns() {
        return this == DNS || this == DNS_ROUND_ROBIN;
    }
}
