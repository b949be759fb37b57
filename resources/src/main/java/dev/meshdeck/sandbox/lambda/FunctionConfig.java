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

    /** {@code $LATEST} after UpdateFunctionConfiguration: null fields of {@code change} keep their value. */
    FunctionConfig with(ConfigurationChange change, String modified, String newRevisionId) {
        return new FunctionConfig(name, or(change.runtime(), runtime), or(change.handler(), handler),
                or(change.memorySize(), memorySize), or(change.timeout(), timeout),
                or(change.description(), description), or(change.environment(), environment), state, modified,
                codeSha256, version, newRevisionId);
    }

    /** {@code $LATEST} after UpdateFunctionCode. */
    FunctionConfig withCode(String newCodeSha256, String modified, String newRevisionId) {
        return new FunctionConfig(name, runtime, handler, memorySize, timeout, description, environment, state,
                modified, newCodeSha256, version, newRevisionId);
    }

    /** True when publishing this would give nothing new: same code and same configuration as {@code other}. */
    boolean deploysSameAs(FunctionConfig other) {
        return codeSha256.equals(other.codeSha256) && runtime.equals(other.runtime) && handler.equals(other.handler)
                && memorySize == other.memorySize && timeout == other.timeout
                && environment.equals(other.environment);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** The snapshot a PublishVersion stores. */
    FunctionConfig publishedAs(String newVersion, String newDescription, String newRevisionId) {
        return new FunctionConfig(name, runtime, handler, memorySize, timeout, newDescription, environment, state,
                lastModified, codeSha256, newVersion, newRevisionId);
    }
}
