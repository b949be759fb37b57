package dev.meshdeck.sandbox.lambda;

import java.util.Map;

/**
 * A Lambda alias: its primary version and at most one additional version with a weight in [0, 1]
 * (the primary receives the rest).
 */
record Alias(String name, String functionVersion, String description, Map<String, Double> additionalWeights,
             String revisionId) {

    Alias {
        description = description == null ? "" : description;
        additionalWeights = Map.copyOf(additionalWeights);
    }
}
