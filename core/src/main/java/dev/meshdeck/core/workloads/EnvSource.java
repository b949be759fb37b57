package dev.meshdeck.core.workloads;

import java.util.List;
import java.util.Map;

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

    /** The variables it brings, prefixed, in key order. */
    public List<String> variables() {
        return values.keySet().stream().sorted().map(k -> prefix + k).toList();
    }
}
