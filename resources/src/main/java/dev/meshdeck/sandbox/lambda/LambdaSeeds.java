package dev.meshdeck.sandbox.lambda;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The functions the sandbox starts with: the estate file and generated functions for scale tests. */
final class LambdaSeeds {

    static final String RESOURCE = "/sandbox/lambda/functions.yaml";

    private static final List<String> RUNTIMES = List.of("python3.12", "nodejs20.x", "java17", "provided.al2023");

    private LambdaSeeds() {
    }

    static List<FunctionSeed> defaults() {
        try (InputStream in = LambdaSeeds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from meshdeck-resources");
            }
            Map<String, List<FunctionSeed>> file = new ObjectMapper(new YAMLFactory())
                    .readValue(in, new TypeReference<Map<String, List<FunctionSeed>>>() { });
            List<FunctionSeed> functions = file.get("functions");
            if (functions == null) {
                throw new IllegalStateException(RESOURCE + " has no top-level 'functions' list");
            }
            return functions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code synthetic-fn-0001}..{@code n}: runtimes rotate, every function has 2 published versions and a
     * {@code live} alias on version 2; every fifth one is a canary sending 20% to version 2 from version 1.
     */
    static List<FunctionSeed> synthetic(int n) {
        List<FunctionSeed> seeds = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String name = "synthetic-fn-%04d".formatted(i);
            boolean canary = i % 5 == 0;
            FunctionSeed.AliasSeed live = canary
                    ? new FunctionSeed.AliasSeed("live", "1", "canary", Map.of("2", 0.2))
                    : new FunctionSeed.AliasSeed("live", "2", "", Map.of());
            seeds.add(new FunctionSeed(name, RUNTIMES.get(i % RUNTIMES.size()), "app.handler", 128 * (1 + i % 4),
                    3 + i % 30, "synthetic function " + i, Map.of("INDEX", Integer.toString(i)),
                    Map.of("meshdeck.dev/synthetic", "true"), "Active", 2, List.of(live)));
        }
        return seeds;
    }
}
