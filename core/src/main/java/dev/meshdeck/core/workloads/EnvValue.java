package dev.meshdeck.core.workloads;

import java.util.Optional;

/**
 * Where one environment variable of a container gets its value, resolved as far as the cluster allows. A Secret's
 * value is never part of it: {@link SecretKey} only says whether the key exists.
 */
public sealed interface EnvValue {

    /** What a person is shown of Secret values, in the CLI and the window alike. */
    String MASK = "••••••";

    /**
     * The value as shown to a person: the text of a literal or ConfigMap key, {@link #MASK} for a Secret key; empty
     * when it is missing or only the pod knows it (a pod field, a resource).
     */
    Optional<String> shown();

    /** A ConfigMap or Secret key that does not exist: the variable has no value (or the pod does not start). */
    default boolean missing() {
        return false;
    }

    /** {@code value: "8080"} */
    record Literal(String value) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return Optional.of(value);
        }
    }

    /** {@code valueFrom.configMapKeyRef}; the value is empty when the ConfigMap or key does not exist. */
    record ConfigMapKey(String configMap, String key, boolean optional, Optional<String> value) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return value;
        }

        @Override
        public boolean missing() {
            return value.isEmpty();
        }
    }

    /** {@code valueFrom.secretKeyRef}: only whether the key exists is known, never its value. */
    record SecretKey(String secret, String key, boolean optional, boolean exists) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return exists ? Optional.of(MASK) : Optional.empty();
        }

        @Override
        public boolean missing() {
            return !exists;
        }
    }

    /** {@code valueFrom.fieldRef}: a field of the pod (the downward API), known only inside the pod. */
    record FieldRef(String fieldPath) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return Optional.empty();
        }
    }

    /**
     * {@code valueFrom.resourceFieldRef}: a request or limit of a container, e.g. {@code limits.memory}.
     *
     * @param quantity the request or limit as the template sets it; empty when it sets none (then the node's
     *                 allocatable applies, known only in the pod)
     */
    record ResourceFieldRef(String containerName, String resource, Optional<String> quantity) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return quantity;
        }
    }
}
