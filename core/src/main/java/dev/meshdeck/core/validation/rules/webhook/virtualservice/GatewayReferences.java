package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.function.BiConsumer;

/** The gateway names of a VirtualService: its own list and those its routes' matches narrow to. */
final class GatewayReferences {

    private GatewayReferences() {
    }

    /** Calls {@code check} with each candidate's spec and each gateway name it writes. */
    static void forEach(ValidationContext context, BiConsumer<Part, Part> check) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            spec.items("gateways").forEach(g -> check.accept(spec, g));
            for (String protocol : new String[] {"http", "tcp", "tls"}) {
                for (Part route : spec.items(protocol)) {
                    route.items("match").forEach(m -> m.items("gateways").forEach(g -> check.accept(spec, g)));
                }
            }
        }
    }
}
