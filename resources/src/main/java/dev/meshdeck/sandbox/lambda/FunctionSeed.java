package dev.meshdeck.sandbox.lambda;

import java.util.List;
import java.util.Map;

/**
 * A function as written in {@code sandbox/lambda/functions.yaml}: its {@code $LATEST} configuration, how many
 * versions are published (1..n, each a snapshot with its own code hash) and its aliases.
 */
record FunctionSeed(
        String name,
        String runtime,
        String handler,
        int memorySize,
        int timeout,
        String description,
        Map<String, String> environment,
        Map<String, String> tags,
        String state,
        int publishedVersions,
        List<AliasSeed> aliases) {

    FunctionSeed {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Lambda seed function has no name");
        }
        runtime = runtime == null ? "python3.12" : runtime;
        handler = handler == null ? "app.handler" : handler;
        memorySize = memorySize == 0 ? 128 : memorySize;
        timeout = timeout == 0 ? 3 : timeout;
        description = description == null ? "" : description;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        state = state == null ? "Active" : state;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** An alias of a seeded function; {@code weights} maps the one additional version to its weight. */
    record AliasSeed(String name, String version, String description, Map<String, Double> weights) {
        AliasSeed {
            weights = weights == null ? Map.of() : Map.copyOf(weights);
        }
    }
}
