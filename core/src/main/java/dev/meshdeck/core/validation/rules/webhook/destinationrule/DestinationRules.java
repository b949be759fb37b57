package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.NetworkingObjects;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the webhook rules of a DestinationRule share: the candidates they judge, and every traffic policy Istio
 * reads in one (the top level, each subset's, and the port-level settings of either), each judged alike.
 */
final class DestinationRules {

    /** One traffic policy of a DestinationRule, with the JSON pointer it was written at. */
    record Policy(Resource rule, JsonNode node, String pointer, boolean portLevel) {

        JsonNode get(String field) {
            return node.path(field);
        }

        boolean has(String field) {
            return isSet(node, field);
        }

        String at(String relative) {
            return pointer + relative;
        }
    }

    private DestinationRules() {
    }

    static List<Resource> candidates(ValidationContext context) {
        return NetworkingObjects.candidates(context, "DestinationRule");
    }

    static void eachPolicy(ValidationContext context, Consumer<Policy> visit) {
        for (Resource dr : candidates(context)) {
            level(dr, dr.spec().path("trafficPolicy"), "/spec/trafficPolicy", visit);
            JsonNode subsets = dr.spec().path("subsets");
            for (int i = 0; i < subsets.size(); i++) {
                level(dr, subsets.get(i).path("trafficPolicy"), "/spec/subsets/" + i + "/trafficPolicy", visit);
            }
        }
    }

    private static void level(Resource dr, JsonNode policy, String pointer, Consumer<Policy> visit) {
        if (!policy.isObject()) {
            return;
        }
        visit.accept(new Policy(dr, policy, pointer, false));
        JsonNode ports = policy.path("portLevelSettings");
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).isObject()) {
                visit.accept(new Policy(dr, ports.get(i), pointer + "/portLevelSettings/" + i, true));
            }
        }
    }

    /** A field written with a value (an explicit null is as good as absent, as protobuf reads it). */
    static boolean isSet(JsonNode parent, String field) {
        return parent.has(field) && !parent.get(field).isNull();
    }

    /**
     * A duration field Istio's proxy takes in whole milliseconds. Below 1 ms, or not a duration at all, is the
     * schema's finding (MD0104, offline and from the CRD's rules): this answers only the finer precision.
     */
    static Optional<String> wholeMillis(JsonNode value) {
        return IstioValues.parseDuration(value.asText(""))
                .filter(d -> d.toNanos() >= 1_000_000)
                .flatMap(d -> IstioValues.duration(value.asText()));
    }

    /** A negative number where Istio wants a count: "http1MaxPendingRequests must be non-negative". */
    static boolean negative(JsonNode parent, String field) {
        return parent.path(field).isNumber() && parent.path(field).asDouble() < 0;
    }
}
