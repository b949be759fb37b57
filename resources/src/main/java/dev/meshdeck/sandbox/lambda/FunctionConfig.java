package dev.meshdeck.sandbox.lambda;

import java.util.Map;

/** One version of a function's configuration: {@code $LATEST} or a published, immutable version. */
record FunctionConfig(
        String name,
        String runtime,
        String handler,
        int memorySize,
        int timeout,
        String description,
        Map<String, String> environment,
        String state,
        String lastModified,
        String codeSha256,
        String version,
        String revisionId) {

    static final String LATEST = "$LATEST";

    FunctionConfig {
        environment = Map.copyOf(environment);
    }

    /** The snapshot a PublishVersion stores. */
    FunctionConfig publishedAs(String newVersion, String newDescription, String newRevisionId) {
        return new FunctionConfig(name, runtime, handler, memorySize, timeout, newDescription, environment, state,
                lastModified, codeSha256, newVersion, newRevisionId);
    }
}
