package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.rules.config.ConfigReferences;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.ConfigKind;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.RevealedValue;
import dev.meshdeck.core.workloads.WorkloadConfigs;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a function's configuration: its workloads' pod templates (each version's Deployment, a Knative Service's
 * revision template) and the ConfigMaps and Secrets they name. A Secret is read only to learn its key names: the
 * values are dropped as soon as it arrives, before anything else sees it. One value is read only when a person
 * asks to see it ({@link #reveal}).
 */
final class FunctionConfigs {

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private FunctionConfigs() {
    }

    static FunctionConfig read(KubernetesClient client, DiscoveredFunction found) {
        List<Resource> objects = new ArrayList<>();
        for (DiscoveredFunction.ObjectRef ref : found.ownObjects()) {
            if (ref.kind() == KubeKind.DEPLOYMENTS || ref.kind() == KubeKind.KNATIVE_SERVICES) {
                GenericKubernetesResource workload = ref.kind().get(client, ref.namespace(), ref.name());
                if (workload != null) {
                    objects.add(new Resource(JSON.valueToTree(workload), Optional.empty(), true));
                }
            }
        }
        Set<String> named = new LinkedHashSet<>();
        for (Resource workload : List.copyOf(objects)) {
            for (ConfigReferences.Reference ref : ConfigReferences.of(workload)) {
                if (named.add(ref.kind() + "/" + ref.namespace() + "/" + ref.name())) {
                    read(client, ref).ifPresent(objects::add);
                }
            }
        }
        namespace(client, found.function().namespace()).ifPresent(objects::add);
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(found.function().namespace()).list().getItems()
                .forEach(hpa -> {
                    hpa.setApiVersion("autoscaling/v2");
                    hpa.setKind("HorizontalPodAutoscaler");
                    objects.add(new Resource(JSON.valueToTree(hpa), Optional.empty(), true));
                });
        return WorkloadConfigs.read(objects);
    }

    /** The function's Namespace, for its injection labels; empty when it cannot be read (RBAC may not allow it). */
    private static Optional<Resource> namespace(KubernetesClient client, String name) {
        try {
            return Optional.ofNullable(client.namespaces().withName(name).get()).map(ns -> {
                ns.setApiVersion("v1");
                ns.setKind("Namespace");
                return new Resource(JSON.valueToTree(ns), Optional.empty(), true);
            });
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    /** One key's value, decoded from base64 for a Secret; empty when the object or key does not exist. */
    static Optional<RevealedValue> reveal(KubernetesClient client, ConfigKey key) {
        if (key.kind() == ConfigKind.CONFIG_MAP) {
            ConfigMap cm = client.configMaps().inNamespace(key.namespace()).withName(key.name()).get();
            return Optional.ofNullable(cm == null || cm.getData() == null ? null : cm.getData().get(key.key())).map(RevealedValue::new);
        }
        Secret secret = client.secrets().inNamespace(key.namespace()).withName(key.name()).get();
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getStringData() != null && secret.getStringData().containsKey(key.key())) {
            return Optional.of(new RevealedValue(secret.getStringData().get(key.key())));
        }
        return Optional.ofNullable(secret.getData() == null ? null : secret.getData().get(key.key()))
                .map(encoded -> new RevealedValue(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)));
    }

    private static Optional<Resource> read(KubernetesClient client, ConfigReferences.Reference ref) {
        if (ref.kind() == ConfigKind.CONFIG_MAP) {
            ConfigMap cm = client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get();
            if (cm == null) {
                return Optional.empty();
            }
            cm.setApiVersion("v1");
            cm.setKind("ConfigMap");
            return Optional.of(new Resource(JSON.valueToTree(cm), Optional.empty(), true));
        }
        Secret secret = client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
        return secret == null ? Optional.empty() : Optional.of(new Resource(keysOnly(secret), Optional.empty(), false));
    }

    /** The Secret as an object with its key names and empty values: all the checks and the model need of it. */
    private static JsonNode keysOnly(Secret secret) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, String> values : Arrays.asList(secret.getData(), secret.getStringData())) {
            if (values != null) {
                keys.addAll(values.keySet());
            }
        }
        ObjectNode tree = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        tree.putObject("metadata").put("name", secret.getMetadata().getName()).put("namespace", secret.getMetadata().getNamespace());
        ObjectNode data = tree.putObject("data");
        keys.forEach(k -> data.put(k, ""));
        return tree;
    }
}
