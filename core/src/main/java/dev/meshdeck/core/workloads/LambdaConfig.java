package dev.meshdeck.core.workloads;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of a Lambda function. Its environment variables are known by name only: Lambda has no Secret
 * kind, so every value is treated as one and never read into MeshDeck.
 *
 * @param environment         the names of its environment variables, sorted
 * @param reservedConcurrency reserved concurrent executions; empty when none is reserved
 * @param provisioned         provisioned concurrent executions requested per alias or version
 */
public record LambdaConfig(String runtime, int memoryMb, int timeoutSeconds, Optional<Integer> reservedConcurrency,
                           List<String> environment, Map<String, Integer> provisioned) {

    public LambdaConfig {
        environment = List.copyOf(environment);
        provisioned = Map.copyOf(provisioned);
    }
}
