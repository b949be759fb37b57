package dev.meshdeck.core.workloads;

import dev.meshdeck.core.inventory.FunctionId;
import java.util.Optional;

/**
 * The configuration of a Kubernetes-hosted function, and the one masked value a person asks to see. Connectors
 * implement it for the platforms that run pods; every call may block on the network.
 */
public interface ConfigSource {

    /** Whether the function's configuration can be read here (a Kubernetes context; not a Lambda region). */
    boolean covers(FunctionId function);

    /** @throws IllegalStateException with a message for the user when the context cannot be read */
    FunctionConfig configOf(FunctionId function);

    /**
     * The value of one key, read now for a person who asked to see it; empty when the key does not exist. The
     * value is never kept, logged or recorded.
     *
     * @throws IllegalStateException with a message for the user when it cannot be read (not allowed, unreachable)
     */
    Optional<RevealedValue> reveal(FunctionId function, ConfigKey key);
}
