package dev.meshdeck.core.resilience;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named version of a host, selected by pod labels, with an optional policy of its own. */
public record Subset(String name, Map<String, String> labels, ResiliencePolicy policy) {

    public Subset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a subset needs a name");
        }
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        policy = policy == null ? ResiliencePolicy.none() : policy;
    }

    /** The common case: subset {@code v2} selects pods labelled {@code version: v2}. */
    public static Subset ofVersion(String version) {
        return new Subset(version, Map.of("version", version), ResiliencePolicy.none());
    }

    public Subset withPolicy(ResiliencePolicy newPolicy) {
        return new Subset(name, labels, newPolicy);
    }
}
