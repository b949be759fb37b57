package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.validation.FindingFormat;
import dev.meshdeck.core.workloads.ConfigMount;
import dev.meshdeck.core.workloads.ContainerConfig;
import dev.meshdeck.core.workloads.EnvSource;
import dev.meshdeck.core.workloads.EnvValue;
import dev.meshdeck.core.workloads.EnvVar;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.LambdaConfig;
import dev.meshdeck.core.workloads.NamespaceInjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = {
            "The configuration of a function, per workload and container: each env variable with where its value comes",
            "from (literal, ConfigMap or Secret key, pod field, resource), envFrom sources with their keys, mounted",
            "ConfigMaps and Secrets, requests and limits, and what is wrong (a missing ConfigMap, Secret or key, a",
            "credential kept in a ConfigMap, a downward-API field that does not exist). Secret values are never read",
            "into MeshDeck: they are shown as " + EnvValue.MASK + " with the Secret's name and key. For a Lambda",
            "function: runtime, memory, timeout, reserved and provisioned (per alias) concurrency and its environment",
            "variables, every value masked."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown (findings included)", "1:the function was not found or its context cannot be read",
            "2:usage error"},
        subcommands = {ConfigSetCommand.class, ConfigSetDataCommand.class},
        modelTransformer = FunctionOptions.FunctionNotRequired.class)
final class ConfigCommand extends KubeFunctionCommand {

    @Override
    public Integer call() throws Exception {
        if (target.function == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--function=NAME'");
        }
        return super.call();
    }

    /** A Lambda function's runtime, memory, timeout, reserved concurrency and environment, every value masked. */
    @Override
    Optional<String> renderLambda(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
        Optional<LambdaConfig> found = sources.lambda().flatMap(l -> l.configOf(fn.id()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LambdaConfig c = found.get();
        if (json) {
            ObjectNode o = JSON.createObjectNode().put("runtime", c.runtime()).put("memoryMb", c.memoryMb())
                    .put("timeoutSeconds", c.timeoutSeconds());
            c.reservedConcurrency().ifPresent(r -> o.put("reservedConcurrency", r));
            ObjectNode provisioned = o.putObject("provisionedConcurrency");
            new TreeMap<>(c.provisioned()).forEach(provisioned::put);
            ArrayNode env = o.putArray("environment");
            c.environment().forEach(name -> env.addObject().put("name", name).put("value", EnvValue.MASK));
            return Optional.of(JSON.writeValueAsString(o) + "\n");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"ENV", "VALUE"});
        c.environment().forEach(name -> rows.add(new String[]{name, EnvValue.MASK}));
        StringBuilder s = new StringBuilder("Lambda " + fn.name() + " (" + c.runtime() + "), memory " + c.memoryMb()
                + " MB, timeout " + c.timeoutSeconds() + " s, reserved concurrency "
                + c.reservedConcurrency().map(String::valueOf).orElse("none") + ", provisioned concurrency "
                + (c.provisioned().isEmpty() ? "none" : perQualifier(c.provisioned())) + "\n");
        indent(s, TextTable.render(rows));
        return Optional.of(s.toString());
    }

    @Override
    String render(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
        FunctionConfig config = sources.kube().configOf(fn.id());
        return json ? JSON.writeValueAsString(json(config)) + "\n" : table(config);
    }

    private static String table(FunctionConfig config) {
        StringBuilder s = new StringBuilder();
        for (FunctionConfig.Workload w : config.workloads()) {
            for (ContainerConfig c : w.containers()) {
                s.append(w.kind()).append(' ').append(w.namespace()).append('/').append(w.name())
                        .append(", container ").append(c.name()).append(" (").append(c.image()).append(")\n");
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{"ENV", "FROM", "VALUE"});
                for (EnvVar e : c.env()) {
                    rows.add(new String[]{e.name(), e.value().origin(), e.value().display()});
                }
                for (EnvSource from : c.envFrom()) {
                    String source = from.origin();
                    if (!from.exists()) {
                        rows.add(new String[]{from.prefix() + "*", source, from.optional() ? "-" : "<missing>"});
                    }
                    new TreeMap<>(from.values()).forEach((key, value) -> rows.add(new String[]{from.prefix() + key, source, value}));
                }
                if (rows.size() == 1) {
                    s.append("  no environment variables\n");
                } else {
                    indent(s, TextTable.render(rows));
                }
                if (!c.mounts().isEmpty()) {
                    List<String[]> mounts = new ArrayList<>();
                    mounts.add(new String[]{"MOUNT", "FROM", "VOLUME", "MODE"});
                    for (ConfigMount m : c.mounts()) {
                        mounts.add(new String[]{m.mountPath(), m.kind().kind() + " " + m.name() + (m.exists() ? "" : " <missing>"),
                            m.volume(), m.readOnly() ? "ro" : "rw"});
                    }
                    indent(s, TextTable.render(mounts));
                }
                s.append("  requests: ").append(quantities(c.requests())).append("   limits: ").append(quantities(c.limits()))
                        .append("\n\n");
            }
            if (!w.autoscaling().isEmpty()) {
                s.append("  Knative autoscaling: ").append(quantities(w.autoscaling())).append("\n\n");
            }
            w.autoscaler().ifPresent(a -> s.append("  autoscaler: ").append(a.display()).append('\n'));
            s.append("  sidecar injection: ").append(injection(config, w)).append("\n\n");
        }
        if (config.findings().isEmpty()) {
            s.append("No problems found.\n");
        }
        config.findings().forEach(f -> s.append(f.toCompilerLine()).append('\n'));
        return s.toString();
    }

    /** "on (namespace istio-injection=enabled)", "off (pod template sidecar.istio.io/inject=false)". */
    private static String injection(FunctionConfig config, FunctionConfig.Workload w) {
        return config.namespace().map(ns -> (ns.injects(w.sidecarInject()) ? "on" : "off") + " (" + ns.why(w.sidecarInject())
                        + "; namespace " + w.namespace() + ": " + ns.labels() + ")")
                .orElse(w.sidecarInject().map(c -> "pod template " + NamespaceInjection.INJECT + "=" + c).orElse("not set by the pod template")
                        + " (namespace " + w.namespace() + " not readable)");
    }

    private static void indent(StringBuilder s, String table) {
        table.lines().forEach(l -> s.append("  ").append(l).append('\n'));
    }

    /** "live=5 v3=2": provisioned concurrency per alias or version, in name order. */
    private static String perQualifier(Map<String, Integer> provisioned) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(provisioned).forEach((q, n) -> s.append(s.isEmpty() ? "" : " ").append(q).append('=').append(n));
        return s.toString();
    }

    /** "cpu=100m memory=128Mi", in key order; "-" for none. */
    private static String quantities(Map<String, String> values) {
        if (values.isEmpty()) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    private static ObjectNode json(FunctionConfig config) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode workloads = root.putArray("workloads");
        for (FunctionConfig.Workload w : config.workloads()) {
            ObjectNode wo = workloads.addObject().put("kind", w.kind()).put("namespace", w.namespace()).put("name", w.name());
            ObjectNode sidecar = wo.putObject("sidecarInjection");
            w.sidecarInject().ifPresent(c -> sidecar.put("template", c));
            config.sidecarInjected(w).ifPresent(on -> sidecar.put("injected", on));
            w.autoscaler().ifPresent(a -> {
                ObjectNode hpa = wo.putObject("autoscaler").put("name", a.name()).put("maxReplicas", a.maxReplicas());
                a.minReplicas().ifPresent(min -> hpa.put("minReplicas", min));
                ArrayNode metrics = hpa.putArray("metrics");
                a.metrics().forEach(m -> metrics.addObject().put("type", m.type()).put("name", m.name())
                        .put("target", m.target()).put("value", m.value()));
            });
            ObjectNode autoscaling = wo.putObject("autoscaling");
            new TreeMap<>(w.autoscaling()).forEach(autoscaling::put);
            ArrayNode containers = wo.putArray("containers");
            for (ContainerConfig c : w.containers()) {
                ObjectNode co = containers.addObject().put("name", c.name()).put("image", c.image());
                ArrayNode env = co.putArray("env");
                c.env().forEach(e -> env(env.addObject().put("name", e.name()), e.value()));
                ArrayNode envFrom = co.putArray("envFrom");
                for (EnvSource from : c.envFrom()) {
                    ObjectNode fo = envFrom.addObject().put("kind", from.kind().kind()).put("name", from.name())
                            .put("prefix", from.prefix()).put("optional", from.optional()).put("exists", from.exists());
                    ObjectNode values = fo.putObject("values");
                    new TreeMap<>(from.values()).forEach(values::put);
                }
                ArrayNode mounts = co.putArray("mounts");
                c.mounts().forEach(m -> mounts.addObject().put("kind", m.kind().kind()).put("name", m.name())
                        .put("volume", m.volume()).put("mountPath", m.mountPath()).put("readOnly", m.readOnly())
                        .put("exists", m.exists()));
                ObjectNode requests = co.putObject("requests");
                new TreeMap<>(c.requests()).forEach(requests::put);
                ObjectNode limits = co.putObject("limits");
                new TreeMap<>(c.limits()).forEach(limits::put);
            }
        }
        config.namespace().ifPresent(ns -> {
            ObjectNode labels = root.putObject("namespaceInjection");
            ns.istioInjection().ifPresent(v -> labels.put(NamespaceInjection.ISTIO_INJECTION, v));
            ns.revision().ifPresent(v -> labels.put(NamespaceInjection.REVISION, v));
        });
        root.set("findings", FindingFormat.json(config.findings()));
        return root;
    }

    private static void env(ObjectNode o, EnvValue value) {
        if (value instanceof EnvValue.ConfigMapKey k) {
            o.put("source", "configMapKeyRef").put("configMap", k.configMap()).put("key", k.key()).put("optional", k.optional());
        } else if (value instanceof EnvValue.SecretKey k) {
            o.put("source", "secretKeyRef").put("secret", k.secret()).put("key", k.key()).put("optional", k.optional());
        } else if (value instanceof EnvValue.FieldRef f) {
            o.put("source", "fieldRef").put("fieldPath", f.fieldPath());
        } else if (value instanceof EnvValue.ResourceFieldRef r) {
            o.put("source", "resourceFieldRef").put("containerName", r.containerName()).put("resource", r.resource());
        } else {
            o.put("source", "value");
        }
        value.shown().ifPresent(v -> o.put("value", v));
        if (value instanceof EnvValue.ConfigMapKey || value instanceof EnvValue.SecretKey) {
            o.put("exists", !value.missing());
        }
    }
}
