package dev.meshdeck.sandbox.lambda;

import java.util.Map;

/** The fields of an UpdateFunctionConfiguration request; null leaves a field as it is. */
record ConfigurationChange(String runtime, String handler, Integer memorySize, Integer timeout, String description,
                           Map<String, String> environment) {

    ConfigurationChange {
        environment = environment == null ? null : Map.copyOf(environment);
    }

    /** The API model's ranges, checked before anything else as Lambda does. */
    void checkConstraints() {
        if (memorySize != null && (memorySize < 128 || memorySize > 10240)) {
            throw LambdaException.validation("1 validation error detected: Value '" + memorySize
                    + "' at 'memorySize' failed to satisfy constraint: Member must have value "
                    + (memorySize < 128 ? "greater than or equal to 128" : "less than or equal to 10240"));
        }
        if (timeout != null && timeout < 1) {
            throw LambdaException.validation("1 validation error detected: Value '" + timeout
                    + "' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (timeout != null && timeout > 900) {
            throw LambdaException.invalidParameter("Timeout value " + timeout + " is greater than the maximum"
                    + " allowed value of 900 seconds");
        }
    }
}
