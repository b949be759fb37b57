package dev.meshdeck.core.validation.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.PodTemplates;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.workloads.ConfigKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ConfigMaps and Secrets a workload's pod template reads (env {@code valueFrom}, {@code envFrom}, volumes), and
 * the keys of those that exist. Of a Secret only its key names are read, never a value.
 */
public final class ConfigReferences {

    private ConfigReferences() {
    }

    /**
     * One reference from a pod template to a ConfigMap or Secret.
     *
     * @param key         the key it reads; empty for envFrom and whole-volume mounts
     * @param namePointer the JSON pointer of the field naming the object
     * @param keyPointer  the JSON pointer of the field naming the key ("" without a key)
     */
    public record Reference(ConfigKind kind, String namespace, String name, Optional<String> key, boolean optional,
                            String namePointer, String keyPointer) {
    }

    /** The JSON pointer of a workload's pod template: a CronJob nests it in its job template. */
    public static String templatePointer(Resource workload) {
        return workload.kind().equals("CronJob") ? "/spec/jobTemplate/spec/template" : "/spec/template";
    }

    /** The containers of a workload's pod template, init containers first, each with its JSON pointer. */
    public static List<Map.Entry<String, JsonNode>> containers(Resource workload) {
        String spec = templatePointer(workload) + "/spec";
        JsonNode podSpec = PodTemplates.of(workload).path("spec");
        List<Map.Entry<String, JsonNode>> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            JsonNode list = podSpec.path(field);
            for (int i = 0; i < list.size(); i++) {
                containers.add(Map.entry(spec + "/" + field + "/" + i, list.get(i)));
            }
        }
        return containers;
    }

    /** Every ConfigMap and Secret the workload's pods read. */
    public static List<Reference> of(Resource workload) {
        List<Reference> refs = new ArrayList<>();
        String ns = workload.namespace();
        for (Map.Entry<String, JsonNode> c : containers(workload)) {
            JsonNode env = c.getValue().path("env");
            for (int i = 0; i < env.size(); i++) {
                String at = c.getKey() + "/env/" + i + "/valueFrom/";
                keyRef(refs, ConfigKind.CONFIG_MAP, ns, env.get(i).path("valueFrom").path("configMapKeyRef"), at + "configMapKeyRef");
                keyRef(refs, ConfigKind.SECRET, ns, env.get(i).path("valueFrom").path("secretKeyRef"), at + "secretKeyRef");
            }
            JsonNode envFrom = c.getValue().path("envFrom");
            for (int i = 0; i < envFrom.size(); i++) {
                String at = c.getKey() + "/envFrom/" + i + "/";
                whole(refs, ConfigKind.CONFIG_MAP, ns, envFrom.get(i).path("configMapRef"), "name", at + "configMapRef");
                whole(refs, ConfigKind.SECRET, ns, envFrom.get(i).path("secretRef"), "name", at + "secretRef");
            }
        }
        JsonNode volumes = PodTemplates.of(workload).path("spec").path("volumes");
        for (int v = 0; v < volumes.size(); v++) {
            String at = templatePointer(workload) + "/spec/volumes/" + v + "/";
            volume(refs, ConfigKind.CONFIG_MAP, ns, volumes.get(v).path("configMap"), "name", at + "configMap");
            volume(refs, ConfigKind.SECRET, ns, volumes.get(v).path("secret"), "secretName", at + "secret");
        }
        return refs;
    }

    private static void keyRef(List<Reference> refs, ConfigKind kind, String ns, JsonNode ref, String at) {
        if (ref.isObject()) {
            refs.add(new Reference(kind, ns, ref.path("name").asText(""), Optional.of(ref.path("key").asText("")),
                    ref.path("optional").asBoolean(false), at + "/name", at + "/key"));
        }
    }

    private static void whole(List<Reference> refs, ConfigKind kind, String ns, JsonNode ref, String nameField, String at) {
        if (ref.isObject()) {
            refs.add(new Reference(kind, ns, ref.path(nameField).asText(""), Optional.empty(),
                    ref.path("optional").asBoolean(false), at + "/" + nameField, ""));
        }
    }

    private static void volume(List<Reference> refs, ConfigKind kind, String ns, JsonNode source, String nameField, String at) {
        whole(refs, kind, ns, source, nameField, at);
        JsonNode items = source.path("items");
        for (int i = 0; i < items.size(); i++) {
            refs.add(new Reference(kind, ns, source.path(nameField).asText(""), Optional.of(items.get(i).path("key").asText("")),
                    source.path("optional").asBoolean(false), at + "/" + nameField, at + "/items/" + i + "/key"));
        }
    }

    /**
     * The key names of a ConfigMap ({@code data}, {@code binaryData}) or Secret ({@code data}, {@code stringData}) in
     * the context; empty when it does not exist.
     */
    public static Optional<Set<String>> keys(ValidationContext context, ConfigKind kind, String namespace, String name) {
        return Optional.ofNullable(context.index(Index.class, Index::new).keys.get(kind.kind() + "/" + namespace + "/" + name));
    }

    /** ConfigMaps and Secrets by kind/namespace/name, each with its key names. */
    private static final class Index {
        final Map<String, Set<String>> keys = new HashMap<>();

        Index(ValidationContext context) {
            for (ConfigKind kind : ConfigKind.values()) {
                for (Resource r : context.ofKind(kind.kind())) {
                    if (!r.group().isEmpty()) {
                        continue;
                    }
                    Set<String> names = new TreeSet<>();
                    for (String field : kind == ConfigKind.SECRET ? List.of("data", "stringData") : List.of("data", "binaryData")) {
                        r.tree().path(field).fieldNames().forEachRemaining(names::add);
                    }
                    keys.put(kind.kind() + "/" + r.namespace() + "/" + r.name(), names);
                }
            }
        }
    }

    /**
     * Reports each non-optional reference of a workload to a {@code kind} object that does not exist
     * ({@code keyLevel} false) or, the object existing, to a key it lacks ({@code keyLevel} true). Judged only when
     * the context knows that kind, so a Deployment validated without its ConfigMaps is not accused.
     */
    static void reportMissing(ValidationContext context, Findings findings, RuleInfo rule, ConfigKind kind, boolean keyLevel) {
        if (!context.knows(kind.kind())) {
            return;
        }
        for (Resource workload : context.all()) {
            if (!workload.candidate() || !PodTemplates.runsPods(workload)) {
                continue;
            }
            for (Reference ref : of(workload)) {
                if (ref.kind() != kind || ref.optional()) {
                    continue;
                }
                Optional<Set<String>> keys = keys(context, kind, ref.namespace(), ref.name());
                if (!keyLevel && keys.isEmpty()) {
                    findings.report(rule, workload, ref.namePointer(), kind.kind() + " \"" + ref.name() + "\" does not exist in namespace "
                            + ref.namespace() + ": the pod cannot start (CreateContainerConfigError). Create it, or mark the reference optional: true");
                } else if (keyLevel && keys.isPresent() && ref.key().isPresent() && !keys.get().contains(ref.key().get())) {
                    findings.report(rule, workload, ref.keyPointer(), kind.kind() + " \"" + ref.name() + "\" has no key \""
                            + ref.key().get() + "\" (it has " + String.join(", ", keys.get())
                            + "): the pod cannot start. Add the key, or mark the reference optional: true");
                }
            }
        }
    }
}
