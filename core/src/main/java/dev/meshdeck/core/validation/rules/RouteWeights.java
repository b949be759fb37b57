package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.function.BiConsumer;

/** Walks the weighted destination lists of every candidate VirtualService. */
final class RouteWeights {

    private RouteWeights() {
    }

    /** Calls {@code check} with each candidate VirtualService and each of its route lists. */
    static void forEachRouteList(ValidationContext context, BiConsumer<Resource, RouteDestinations> check) {
        for (Resource vs : context.ofKind("VirtualService")) {
            if (vs.candidate()) {
                RouteDestinations.of(vs).forEach(list -> check.accept(vs, list));
            }
        }
    }

    /** The weight as written, 0 when absent (Istio's default for an unweighted destination among several). */
    static long weight(JsonNode destination) {
        return destination.path("weight").asLong(0);
    }
}
