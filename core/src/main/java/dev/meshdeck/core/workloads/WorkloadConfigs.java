package dev.meshdeck.core.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.PodTemplates;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.validation.rules.config.ConfigChecks;
import dev.meshdeck.core.validation.rules.config.ConfigReferences;
import dev.meshdeck.core.validation.rules.config.CredentialInConfigMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link FunctionConfig} from the function's workloads (Deployments, a Knative Service) and the ConfigMaps
 * and Secrets of their namespace, and checks it with {@link ConfigChecks}. Secrets are expected with their key names
 * only; even so, no Secret value is ever read from them.
 */
public final class WorkloadConfigs {

    private static final String KNATIVE_AUTOSCALING = "autoscaling.knative.dev/";

    private WorkloadConfigs() {
    }

    /**
     * @param objects the workloads, and the ConfigMaps and Secrets they name that exist (a reference to one absent
     *                from the list is a reference to nothing), their Namespace when it could be read, and the
     *                HorizontalPodAutoscalers (autoscaling/v2) of that namespace
     */
    public static FunctionConfig read(List<Resource> objects) {
        ValidationContext context = new ValidationContext(objects, true);
        List<FunctionConfig.Workload> workloads = new ArrayList<>();
        for (Resource r : objects) {
            if (PodTemplates.runsPods(r)) {
                List<ContainerConfig> containers = new ArrayList<>();
                JsonNode volumes = PodTemplates.of(r).path("spec").path("volumes");
                List<Map.Entry<String, JsonNode>> templateContainers = ConfigReferences.containers(r);
                for (Map.Entry<String, JsonNode> c : templateContainers) {
                    containers.add(container(context, r.namespace(), c.getValue(), templateContainers, volumes, defaultName(r)));
                }
                String kind = r.group().isEmpty() || r.group().equals("apps") ? r.kind() : r.kind() + "." + r.group();
                workloads.add(new FunctionConfig.Workload(kind, r.namespace(), r.name(), containers, autoscaling(r),
                        NamespaceInjection.templateChoice(PodTemplates.of(r)), autoscaler(objects, r)));
            }
        }
        Optional<NamespaceInjection> namespace = objects.stream().filter(r -> r.kind().equals("Namespace") && r.group().isEmpty())
                .findFirst().map(r -> NamespaceInjection.of(r.tree()));
        return new FunctionConfig(workloads, new Validator(ConfigChecks.rules()).validate(context), namespace);
    }

    /** The HPA among {@code objects} that scales the Deployment {@code workload}. */
    private static Optional<Autoscaler> autoscaler(List<Resource> objects, Resource workload) {
        return objects.stream().filter(o -> o.kind().equals("HorizontalPodAutoscaler") && o.namespace().equals(workload.namespace())
                        && workload.kind().equals("Deployment") && Autoscaler.scales(o.tree(), workload.name()))
                .findFirst().map(o -> Autoscaler.of(o.tree()));
    }

    /** Knative names an unnamed container user-container; elsewhere a container always has a name. */
    private static String defaultName(Resource workload) {
        return workload.group().equals("serving.knative.dev") ? "user-container" : "";
    }

    /** The template's {@code autoscaling.knative.dev/*} annotations (min-scale, max-scale, target, ...). */
    private static Map<String, String> autoscaling(Resource workload) {
        Map<String, String> found = new HashMap<>();
        PodTemplates.of(workload).path("metadata").path("annotations").fields().forEachRemaining(a -> {
            if (a.getKey().startsWith(KNATIVE_AUTOSCALING)) {
                found.put(a.getKey().substring(KNATIVE_AUTOSCALING.length()), a.getValue().asText());
            }
        });
        return found;
    }

    private static ContainerConfig container(ValidationContext context, String ns, JsonNode c,
            List<Map.Entry<String, JsonNode>> containers, JsonNode volumes, String defaultName) {
        List<EnvVar> env = new ArrayList<>();
        for (JsonNode e : c.path("env")) {
            env.add(new EnvVar(e.path("name").asText(""), value(context, ns, e, containers, c.path("name").asText(""))));
        }
        List<EnvSource> envFrom = new ArrayList<>();
        for (JsonNode from : c.path("envFrom")) {
            boolean secret = from.has("secretRef");
            JsonNode ref = from.path(secret ? "secretRef" : "configMapRef");
            ConfigKind kind = secret ? ConfigKind.SECRET : ConfigKind.CONFIG_MAP;
            Optional<Map<String, String>> values = shownValues(context, kind, ns, ref.path("name").asText(""));
            envFrom.add(new EnvSource(kind, ref.path("name").asText(""), from.path("prefix").asText(""),
                    ref.path("optional").asBoolean(false), values.isPresent(), values.orElse(Map.of())));
        }
        List<ConfigMount> mounts = new ArrayList<>();
        for (JsonNode m : c.path("volumeMounts")) {
            for (JsonNode v : volumes) {
                if (v.path("name").asText("").equals(m.path("name").asText())) {
                    mount(context, ns, m, v).ifPresent(mounts::add);
                }
            }
        }
        return new ContainerConfig(c.path("name").asText(defaultName), c.path("image").asText(""), env, envFrom, mounts,
                textFields(c.path("resources").path("requests")), textFields(c.path("resources").path("limits")));
    }

    /** @param containers the pod's containers a resourceFieldRef may name; {@code self} the one that reads it */
    private static EnvValue value(ValidationContext context, String ns, JsonNode e, List<Map.Entry<String, JsonNode>> containers,
            String self) {
        JsonNode from = e.path("valueFrom");
        if (from.has("secretKeyRef")) {
            JsonNode ref = from.path("secretKeyRef");
            String key = ref.path("key").asText("");
            boolean exists = ConfigReferences.keys(context, ConfigKind.SECRET, ns, ref.path("name").asText(""))
                    .map(keys -> keys.contains(key)).orElse(false);
            return new EnvValue.SecretKey(ref.path("name").asText(""), key, ref.path("optional").asBoolean(false), exists);
        }
        if (from.has("configMapKeyRef")) {
            JsonNode ref = from.path("configMapKeyRef");
            String key = ref.path("key").asText("");
            return new EnvValue.ConfigMapKey(ref.path("name").asText(""), key, ref.path("optional").asBoolean(false),
                    configMapData(context, ns, ref.path("name").asText("")).map(d -> d.get(key)));
        }
        if (from.has("fieldRef")) {
            return new EnvValue.FieldRef(from.path("fieldRef").path("fieldPath").asText(""));
        }
        if (from.has("resourceFieldRef")) {
            JsonNode ref = from.path("resourceFieldRef");
            String resource = ref.path("resource").asText("");
            String container = ref.path("containerName").asText("");
            Optional<String> quantity = Optional.empty();
            int dot = resource.indexOf('.');
            for (Map.Entry<String, JsonNode> c : containers) {
                String name = c.getValue().path("name").asText("");
                if (dot > 0 && (container.isEmpty() ? name.equals(self) : name.equals(container))) {
                    JsonNode q = c.getValue().path("resources").path(resource.substring(0, dot)).path(resource.substring(dot + 1));
                    quantity = q.isMissingNode() ? Optional.empty() : Optional.of(q.asText());
                }
            }
            return new EnvValue.ResourceFieldRef(container, resource, quantity);
        }
        return new EnvValue.Literal(e.path("value").asText(""));
    }

    private static Optional<ConfigMount> mount(ValidationContext context, String ns, JsonNode m, JsonNode volume) {
        boolean secret = volume.has("secret");
        if (!secret && !volume.has("configMap")) {
            return Optional.empty();
        }
        ConfigKind kind = secret ? ConfigKind.SECRET : ConfigKind.CONFIG_MAP;
        String name = secret ? volume.path("secret").path("secretName").asText("") : volume.path("configMap").path("name").asText("");
        return Optional.of(new ConfigMount(kind, name, m.path("name").asText(""), m.path("mountPath").asText(""),
                m.path("readOnly").asBoolean(false), ConfigReferences.keys(context, kind, ns, name).isPresent()));
    }

    /** A ConfigMap's data, or a Secret's key names each with {@link EnvValue#MASK}; empty when it does not exist. */
    private static Optional<Map<String, String>> shownValues(ValidationContext context, ConfigKind kind, String ns, String name) {
        if (kind == ConfigKind.CONFIG_MAP) {
            return configMapData(context, ns, name);
        }
        return ConfigReferences.keys(context, kind, ns, name).map(keys -> masked(keys));
    }

    private static Map<String, String> masked(Set<String> keys) {
        Map<String, String> shown = new LinkedHashMap<>();
        keys.forEach(k -> shown.put(k, EnvValue.MASK));
        return shown;
    }

    /**
     * A ConfigMap's data, the values of credential-looking keys masked: MD0705 says they belong in a Secret, and
     * until they are moved they are treated as one.
     */
    private static Optional<Map<String, String>> configMapData(ValidationContext context, String ns, String name) {
        return context.ofKind("ConfigMap", ns).stream().filter(cm -> cm.group().isEmpty() && cm.name().equals(name)).findFirst()
                .map(cm -> {
                    Map<String, String> data = textFields(cm.tree().path("data"));
                    data.replaceAll((key, value) -> CredentialInConfigMap.looksLikeCredential(key) ? EnvValue.MASK : value);
                    return data;
                });
    }

    /** A JSON object of text fields (a ConfigMap's data, a container's requests) as a map. */
    private static Map<String, String> textFields(JsonNode object) {
        Map<String, String> values = new HashMap<>();
        object.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        return values;
    }
}
