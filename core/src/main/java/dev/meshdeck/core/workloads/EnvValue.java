package dev.meshdeck.core.workloads;

import dev.meshdeck.core.validation.rules.config.CredentialInConfigMap;
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

    /** Where the value comes from, as `kubectl describe` says it: "ConfigMap payment-settings/REGION (optional)". */
    String origin();

    /** What a table shows: the value, "<missing>" for a key that does not exist, "-" for what only the pod knows. */
    default String display() {
        return shown().orElse(missing() ? "<missing>" : "-");
    }

    /**
     * The key whose value is masked here, read only when a person asks to see it; empty when the value is shown as
     * it is (or there is none).
     *
     * @param namespace the workload's, where the ConfigMap or Secret lives
     */
    default Optional<ConfigKey> maskedKey(String namespace) {
        return Optional.empty();
    }

    /** {@code value: "8080"} */
    record Literal(String value) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return Optional.of(value);
        }

        @Override
        public String origin() {
            return "value";
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

        @Override
        public String origin() {
            return "ConfigMap " + configMap + "/" + key + (optional ? " (optional)" : "");
        }

        /** A credential-looking key is masked like a Secret's (MD0705). */
        @Override
        public Optional<ConfigKey> maskedKey(String namespace) {
            return value.isPresent() && CredentialInConfigMap.looksLikeCredential(key)
                    ? Optional.of(new ConfigKey(ConfigKind.CONFIG_MAP, namespace, configMap, key)) : Optional.empty();
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

        @Override
        public String origin() {
            return "Secret " + secret + "/" + key + (optional ? " (optional)" : "");
        }

        @Override
        public Optional<ConfigKey> maskedKey(String namespace) {
            return exists ? Optional.of(new ConfigKey(ConfigKind.SECRET, namespace, secret, key)) : Optional.empty();
        }
    }

    /** {@code valueFrom.fieldRef}: a field of the pod (the downward API), known only inside the pod. */
    record FieldRef(String fieldPath) implements EnvValue {
        @Override
        public Optional<String> shown() {
            return Optional.empty();
        }

        @Override
        public String origin() {
            return "field " + fieldPath;
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

        @Override
        public String origin() {
            return "resource " + (containerName.isEmpty() ? "" : containerName + "/") + resource;
        }
    }
}
