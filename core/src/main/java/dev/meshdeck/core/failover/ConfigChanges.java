package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.rules.config.ConfigReferences;
import dev.meshdeck.core.validation.rules.config.CredentialInConfigMap;
import dev.meshdeck.core.workloads.ConfigKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Edits of a function's configuration, each an ordinary change set: literal env variables of one container of its
 * Deployment (or Knative Service's revision template), and a ConfigMap's data with, when asked, the restart of the
 * Deployments that read it (env from a ConfigMap is read when a pod starts). A credential is never set this way:
 * it would sit in plain text in the object, its diff and the history; it belongs in a Secret.
 */
public final class ConfigChanges {

    private ConfigChanges() {
    }

    /**
     * Sets literal env variables ({@code set}, in order) and removes others ({@code unset}, applied first) in one
     * container of the function's workload.
     *
     * @param deployment the Deployment by name or version label; null for the function's only one (or its Knative
     *                   Service)
     * @param container  the container; null for the template's only one
     * @throws IllegalArgumentException naming what is wrong: no such container or variable, a variable read from a
     *                                  ConfigMap or Secret (unset it first), a credential-looking name
     */
    public static FunctionChange setEnv(LiveFunction fn, String deployment, String container, Map<String, String> set,
                                        List<String> unset, String reason) {
        if (set.isEmpty() && unset.isEmpty()) {
            throw new IllegalArgumentException("nothing to change: give KEY=VALUE or --unset KEY");
        }
        ObjectNode workload = workload(fn, deployment);
        ObjectNode after = workload.deepCopy();
        ObjectNode c = container(after, container);
        ArrayNode env = c.withArray("env");
        String where = LiveFunction.describe(workload) + " container " + c.path("name").asText();
        for (String name : unset) {
            int at = indexOf(env, name);
            if (at < 0) {
                throw new IllegalArgumentException(where + " has no env variable " + name + " to unset (it has "
                        + names(env) + "; variables of envFrom are changed in their ConfigMap or Secret)");
            }
            env.remove(at);
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            refuseCredential(e.getKey(), "env variable");
            int at = indexOf(env, e.getKey());
            if (at >= 0 && env.get(at).has("valueFrom")) {
                throw new IllegalArgumentException(e.getKey() + " of " + where + " is read from "
                        + describeSource(env.get(at).get("valueFrom")) + ": to replace that with a literal, --unset " + e.getKey()
                        + " as well");
            }
            ObjectNode variable = at >= 0 ? (ObjectNode) env.get(at) : env.addObject().put("name", e.getKey());
            variable.put("value", e.getValue());
        }
        if (env.isEmpty()) {
            c.remove("env");
        }
        String what = "set env of " + where + changed(set, unset);
        return new FunctionChange(fn.subject(), Rollouts.capitalised(what), ChangeSet.of(ResourceChange.of(workload, after)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    /**
     * Sets and removes keys of a ConfigMap's data, restarting {@code restart} (the Deployments that read it, see
     * {@link #readers}) in the same change set, so that their pods start with the new values.
     *
     * @throws IllegalArgumentException a key to unset that it does not have, a credential-looking key
     */
    public static FunctionChange setData(ObjectNode configMap, Map<String, String> set, List<String> unset,
                                         List<ObjectNode> restart, Instant now, String reason) {
        if (set.isEmpty() && unset.isEmpty()) {
            throw new IllegalArgumentException("nothing to change: give KEY=VALUE or --unset KEY");
        }
        ObjectNode after = configMap.deepCopy();
        ObjectNode data = after.withObject("/data");
        for (String key : unset) {
            if (data.remove(key) == null) {
                List<String> keys = new ArrayList<>();
                data.fieldNames().forEachRemaining(keys::add);
                throw new IllegalArgumentException(LiveFunction.describe(configMap) + " has no key " + key + " to unset (it has "
                        + String.join(", ", keys) + ")");
            }
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            refuseCredential(e.getKey(), "ConfigMap key");
            data.put(e.getKey(), e.getValue());
        }
        List<ResourceChange> changes = new ArrayList<>();
        changes.add(ResourceChange.of(configMap, after));
        restart.forEach(d -> changes.add(Rollouts.restarted(d, now)));
        String subject = "kubernetes " + configMap.at("/metadata/namespace").asText() + "/" + configMap.at("/metadata/name").asText();
        String what = "set data of " + LiveFunction.describe(configMap) + changed(set, unset)
                + (restart.isEmpty() ? "" : " and restart " + Rollouts.names(restart));
        return new FunctionChange(subject, Rollouts.capitalised(what), new ChangeSet(changes),
                FunctionChange.request(reason, what, Action.APPLY, null, subject));
    }

    /** A ConfigMap as read now, and the Deployments of its cluster whose pods read it. */
    public record ConfigMapReaders(ObjectNode configMap, List<ObjectNode> readers) {
    }

    /**
     * Reads the ConfigMap and the Deployments that read it from where it is written.
     *
     * @throws IllegalArgumentException when it does not exist
     */
    public static ConfigMapReaders read(ClusterGateway gateway, String namespace, String name) throws GatewayException {
        ObjectNode configMap = gateway.read(new ResourceId("v1", "ConfigMap", namespace, name)).orElseThrow(() ->
                new IllegalArgumentException("ConfigMap " + namespace + "/" + name + " does not exist in " + gateway.target().label()));
        List<ObjectNode> workloads = gateway.estate().objects().stream()
                .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).toList();
        return new ConfigMapReaders(configMap, readers(configMap, workloads));
    }

    /** The Deployments among {@code workloads} whose pods read the ConfigMap (envFrom, configMapKeyRef, a volume). */
    public static List<ObjectNode> readers(ObjectNode configMap, List<ObjectNode> workloads) {
        String namespace = configMap.at("/metadata/namespace").asText();
        String name = configMap.at("/metadata/name").asText();
        return workloads.stream()
                .filter(w -> w.path("kind").asText().equals("Deployment") && w.at("/metadata/namespace").asText().equals(namespace))
                .filter(w -> ConfigReferences.of(Resource.live(w)).stream()
                        .anyMatch(r -> r.kind() == ConfigKind.CONFIG_MAP && r.name().equals(name)))
                .toList();
    }

    /** The function's Knative Service (when it has no Deployment, or by its name), else its Deployment (the only one unless named). */
    static ObjectNode workload(LiveFunction fn, String name) {
        Optional<ObjectNode> knative = fn.knativeService().filter(k -> name == null ? fn.deployments().isEmpty()
                : k.at("/metadata/name").asText().equals(name));
        return knative.orElseGet(() -> name == null ? Rollouts.onlyOne(fn) : Rollouts.one(fn, name));
    }

    /** The container of a workload's pod template so named, or its only one when {@code name} is null. */
    static ObjectNode container(ObjectNode workload, String name) {
        JsonNode containers = workload.at("/spec/template/spec/containers");
        List<JsonNode> all = StreamSupport.stream(containers.spliterator(), false).toList();
        if (name == null) {
            if (all.size() != 1) {
                throw new IllegalArgumentException(LiveFunction.describe(workload) + " has " + all.size()
                        + " containers (" + containerNames(all) + "): name one with --container");
            }
            return (ObjectNode) all.get(0);
        }
        return (ObjectNode) all.stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(LiveFunction.describe(workload) + " has no container " + name
                        + "; it has " + containerNames(all)));
    }

    private static String containerNames(List<JsonNode> containers) {
        return containers.stream().map(c -> c.path("name").asText()).collect(Collectors.joining(", "));
    }

    private static int indexOf(ArrayNode env, String name) {
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i).path("name").asText().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(ArrayNode env) {
        List<String> names = new ArrayList<>();
        env.forEach(e -> names.add(e.path("name").asText()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String describeSource(JsonNode valueFrom) {
        Iterator<String> kinds = valueFrom.fieldNames();
        String kind = kinds.hasNext() ? kinds.next() : "valueFrom";
        JsonNode ref = valueFrom.path(kind);
        return kind + (ref.has("name") ? " " + ref.path("name").asText() + "/" + ref.path("key").asText() : "");
    }

    private static void refuseCredential(String key, String what) {
        if (CredentialInConfigMap.looksLikeCredential(key)) {
            throw new IllegalArgumentException(what + " " + key + " looks like a credential: its value would be stored in plain "
                    + "text and in MeshDeck's history. Keep it in a Secret and read it with secretKeyRef");
        }
    }

    /** " (A, B; unset C)": the keys a change touches, never their values. */
    private static String changed(Map<String, String> set, List<String> unset) {
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add(String.join(", ", set.keySet()));
        }
        if (!unset.isEmpty()) {
            parts.add("unset " + String.join(", ", unset));
        }
        return " (" + String.join("; ", parts) + ")";
    }
}
