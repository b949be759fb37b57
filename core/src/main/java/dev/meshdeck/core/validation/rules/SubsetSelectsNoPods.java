package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.validation.Selectors;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A DestinationRule subset whose labels select no pod of its host (node topology labels region/zone/subzone and hostname count, as Istio adds them to endpoints): traffic to the subset fails with 503 UH. */
public final class SubsetSelectsNoPods implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0309", Severity.ERROR, Category.REFERENCE,
            "DestinationRule subset selects no pods").istio("IST0173").kiali("KIA0203");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsWorkloads()) {
            return;
        }
        Map<MeshIndex.Workload, JsonNode> withTopology = new IdentityHashMap<>();
        for (Resource dr : context.ofKind("DestinationRule")) {
            JsonNode subsets = dr.spec().path("subsets");
            if (!dr.candidate() || subsets.isEmpty()) {
                continue;
            }
            MeshIndex.ServiceHost target = mesh.lookup(dr.namespace(), dr.spec().path("exportTo"), dr.spec().path("host").asText(""));
            if (target == null) {
                continue;
            }
            List<MeshIndex.Workload> pods = candidates(mesh, target);
            if (pods == null) {
                continue;
            }
            for (int i = 0; i < subsets.size(); i++) {
                JsonNode labels = subsets.get(i).path("labels");
                boolean selected = false;
                for (MeshIndex.Workload pod : pods) {
                    JsonNode podLabels = withTopology.computeIfAbsent(pod, p -> topologyLabels(mesh, p));
                    if (Selectors.selects(labels, podLabels)) {
                        selected = true;
                        break;
                    }
                }
                if (!selected && !selectsEndpoint(target, labels)) {
                    findings.report(INFO, dr, "/spec/subsets/" + i + "/labels", "subset \"" + subsets.get(i).path("name").asText("")
                            + "\" selects no pod of " + dr.spec().path("host").asText("") + " (labels " + Selectors.describe(labels)
                            + "); requests routed to it fail with 503 UH. Fix the labels or deploy the version");
                }
            }
        }
    }

    /**
     * The workloads a subset of {@code target} chooses from: the pods a Service selects in its namespace,
     * the pods of a ServiceEntry's workloadSelector, or (Istio's own reading for a ServiceEntry without
     * one) every pod; null when the Service selects pods by no selector at all (endpoints managed by hand).
     */
    private static List<MeshIndex.Workload> candidates(MeshIndex mesh, MeshIndex.ServiceHost target) {
        if (target.isServiceEntry()) {
            JsonNode ws = target.workloadSelector();
            return ws.isObject() && !ws.isEmpty() ? mesh.selectWorkloads(ws, target.namespace()) : mesh.workloads();
        }
        if (target.source().group().equals(MeshIndex.KNATIVE_SERVING)) {
            return mesh.selectWorkloads(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("serving.knative.dev/service", target.source().name()), target.namespace());
        }
        JsonNode selector = target.source().spec().path("selector");
        return selector.isObject() && !selector.isEmpty() ? mesh.selectWorkloads(selector, target.namespace()) : null;
    }

    private static boolean selectsEndpoint(MeshIndex.ServiceHost target, JsonNode labels) {
        if (target.isServiceEntry()) {
            for (JsonNode endpoint : target.source().spec().path("endpoints")) {
                if (Selectors.selects(labels, endpoint.path("labels"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final List<String> TOPOLOGY = List.of("topology.kubernetes.io/region", "topology.kubernetes.io/zone",
            "topology.istio.io/subzone");

    /** The pod labels plus the non-empty topology labels of its node and its node name, as Istio's endpoints carry. */
    private static JsonNode topologyLabels(MeshIndex mesh, MeshIndex.Workload pod) {
        if (pod.nodeName().isEmpty()) {
            return pod.labels();
        }
        ObjectNode labels = ((ObjectNode) pod.labels()).deepCopy();
        JsonNode node = mesh.nodeLabels(pod.nodeName());
        for (String key : TOPOLOGY) {
            if (!node.path(key).asText("").isEmpty()) {
                labels.put(key, node.path(key).asText());
            }
        }
        labels.put("kubernetes.io/hostname", pod.nodeName());
        return labels;
    }
}
