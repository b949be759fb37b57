package dev.meshdeck.core.workloads;

import dev.meshdeck.core.validation.rules.config.CredentialInConfigMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code envFrom} entry: every key of a ConfigMap or Secret becomes a variable (after {@code prefix}).
 *
 * @param values the ConfigMap's keys and values; for a Secret its keys with {@link EnvValue#MASK}, never the values;
 *               empty when the object does not exist
 * @param exists whether the ConfigMap or Secret exists
 */
public record EnvSource(ConfigKind kind, String name, String prefix, boolean optional, boolean exists,
                        Map<String, String> values) {

    public EnvSource {
        values = Map.copyOf(values);
    }

    /** Where its variables come from, as a table says it: "envFrom Secret payment-db (optional)". */
    public String origin() {
        return "envFrom " + kind.kind() + " " + name + (optional ? " (optional)" : "");
    }

    /**
     * The key whose value {@link #values} masks (every key of a Secret, a credential-looking key of a ConfigMap),
     * read only when a person asks to see it; empty for a value shown as it is.
     */
    public Optional<ConfigKey> maskedKey(String namespace, String key) {
        return kind == ConfigKind.SECRET || CredentialInConfigMap.looksLikeCredential(key)
                ? Optional.of(new ConfigKey(kind, namespace, name, key)) : Optional.empty();
    }

    /** The variables it brings, prefixed, in key order. */
    public List<String> variables() {
        return values.keySet().stream().sorted().map(k -> prefix + k).toList();
    }
}
