package dev.meshdeck.views.workloads;

import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.ConfigKind;
import dev.meshdeck.core.workloads.ConfigMount;
import dev.meshdeck.core.workloads.ContainerConfig;
import dev.meshdeck.core.workloads.EnvSource;
import dev.meshdeck.core.workloads.EnvValue;
import dev.meshdeck.core.workloads.EnvVar;
import dev.meshdeck.core.workloads.FunctionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One line of the Config tab: an env variable, a variable brought by envFrom, a mount, a request or limit, or a
 * Knative autoscaling setting of one container (or workload).
 *
 * @param owner     "Deployment payments/payment-function · payment": the workload and container it belongs to
 * @param section   env, envFrom, mount, request, limit, autoscaling or sidecar (injection of the workload's pods)
 * @param value     what is shown (the mask for a Secret's value)
 * @param origin    where the value comes from ("Secret payment-db/password", "field metadata.namespace")
 * @param masked    the key to read when the person asks to see the masked value; empty when nothing is masked
 * @param missing   the ConfigMap, Secret or key does not exist
 * @param edit      what editing the row changes: a literal env variable, a ConfigMap key; empty when it cannot be
 *                  edited here (a Secret, a pod field, a mount, a resource)
 */
public record ConfigRow(String owner, String section, String name, String value, String origin,
                        Optional<ConfigKey> masked, boolean missing, Optional<ConfigEdit> edit) {

    /** The rows of a configuration, per workload and container in their order: env, envFrom, mounts, resources. */
    public static List<ConfigRow> of(FunctionConfig config) {
        List<ConfigRow> rows = new ArrayList<>();
        for (FunctionConfig.Workload w : config.workloads()) {
            String workload = w.kind() + " " + w.namespace() + "/" + w.name();
            for (ContainerConfig c : w.containers()) {
                String owner = workload + " · " + c.name();
                for (EnvVar e : c.env()) {
                    rows.add(new ConfigRow(owner, "env", e.name(), e.value().display(), e.value().origin(),
                            e.value().maskedKey(w.namespace()), e.value().missing(), edit(w, c, e)));
                }
                for (EnvSource from : c.envFrom()) {
                    if (!from.exists()) {
                        rows.add(new ConfigRow(owner, "envFrom", from.prefix() + "*", from.optional() ? "-" : "<missing>",
                                from.origin(), Optional.empty(), !from.optional(), Optional.empty()));
                    }
                    new TreeMap<>(from.values()).forEach((key, value) -> rows.add(new ConfigRow(owner, "envFrom",
                            from.prefix() + key, value, from.origin(), from.maskedKey(w.namespace(), key), false,
                            from.kind() == ConfigKind.CONFIG_MAP ? Optional.of(new ConfigEdit.ConfigMapData(
                                    new ConfigKey(ConfigKind.CONFIG_MAP, w.namespace(), from.name(), key))) : Optional.empty())));
                }
                for (ConfigMount m : c.mounts()) {
                    rows.add(new ConfigRow(owner, "mount", m.mountPath(), m.readOnly() ? "read-only" : "read-write",
                            m.kind().kind() + " " + m.name() + " (volume " + m.volume() + ")", Optional.empty(), !m.exists(),
                            Optional.empty()));
                }
                quantities(rows, owner, "request", "resources.requests", c.requests());
                quantities(rows, owner, "limit", "resources.limits", c.limits());
            }
            quantities(rows, workload, "autoscaling", "template annotation autoscaling.knative.dev", w.autoscaling());
            rows.add(sidecar(config, w, workload));
        }
        return rows;
    }

    /** Whether the workload's pods get an istio-proxy, and which label decides it. */
    private static ConfigRow sidecar(FunctionConfig config, FunctionConfig.Workload w, String owner) {
        String value = config.sidecarInjected(w).map(on -> on ? "injected" : "not injected").orElse("unknown");
        String origin = config.namespace().map(ns -> ns.why(w.sidecarInject()) + " (namespace: " + ns.labels() + ")")
                .orElse("namespace " + w.namespace() + " not readable");
        return new ConfigRow(owner, "sidecar", "istio-proxy", value, origin, Optional.empty(), false, Optional.empty());
    }

    private static void quantities(List<ConfigRow> rows, String owner, String section, String origin,
            Map<String, String> values) {
        new TreeMap<>(values).forEach((name, value) ->
                rows.add(new ConfigRow(owner, section, name, value, origin, Optional.empty(), false, Optional.empty())));
    }

    /** A literal is edited in the template, a ConfigMap key in its ConfigMap; other sources are not edited here. */
    private static Optional<ConfigEdit> edit(FunctionConfig.Workload w, ContainerConfig c, EnvVar e) {
        if (e.value() instanceof EnvValue.Literal) {
            return Optional.of(new ConfigEdit.Env(w.name(), c.name(), e.name()));
        }
        if (e.value() instanceof EnvValue.ConfigMapKey k && !k.missing()) {
            return Optional.of(new ConfigEdit.ConfigMapData(new ConfigKey(ConfigKind.CONFIG_MAP, w.namespace(), k.configMap(), k.key())));
        }
        return Optional.empty();
    }
}
