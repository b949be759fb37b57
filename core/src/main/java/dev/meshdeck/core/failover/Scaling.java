package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.workloads.Autoscaler;
import dev.meshdeck.core.workloads.FunctionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a function's pods are sized and scaled, each change an ordinary change set: a container's requests and limits,
 * and the HorizontalPodAutoscaler ({@code autoscaling/v2}) of a Deployment. Values are not judged here: the apply
 * gate does (MD0710 a request above its limit, MD0711 HPA bounds), so the review shows them as findings.
 */
public final class Scaling {

    private Scaling() {
    }

    /** The HPA of a Deployment is named after it, as {@code kubectl autoscale} names it. */
    public static ResourceId autoscalerOf(ObjectNode deployment) {
        return new ResourceId("autoscaling/v2", "HorizontalPodAutoscaler", deployment.at("/metadata/namespace").asText(),
                deployment.at("/metadata/name").asText());
    }

    /** The name of the HPA that scales the function's Deployment now, as its configuration says; empty for none. */
    public static Optional<String> autoscalerNow(LiveFunction fn, String deployment, FunctionConfig config) {
        ObjectNode d = deployment == null ? Rollouts.onlyOne(fn) : Rollouts.one(fn, deployment);
        return config.workloads().stream().filter(w -> w.kind().equals("Deployment")
                        && w.namespace().equals(d.at("/metadata/namespace").asText()) && w.name().equals(d.at("/metadata/name").asText()))
                .flatMap(w -> w.autoscaler().stream()).map(Autoscaler::name).findFirst();
    }

    /**
     * Sets requests and limits of one container of the function's workload; an empty value removes that request or
     * limit.
     *
     * @param deployment by name or version label; null for the function's only one (or its Knative Service)
     * @param container  null for the template's only container
     */
    public static FunctionChange resources(LiveFunction fn, String deployment, String container, Map<String, String> requests,
                                           Map<String, String> limits, String reason) {
        if (requests.isEmpty() && limits.isEmpty()) {
            throw new IllegalArgumentException("nothing to change: give a request or a limit (cpu=250m, memory=256Mi)");
        }
        ObjectNode workload = ConfigChanges.workload(fn, deployment);
        ObjectNode after = workload.deepCopy();
        ObjectNode c = ConfigChanges.container(after, container);
        set(c.withObject("/resources").withObject("/requests"), requests);
        set(c.withObject("/resources").withObject("/limits"), limits);
        List<String> parts = new ArrayList<>();
        requests.forEach((k, v) -> parts.add("request " + k + (v.isEmpty() ? " removed" : " " + v)));
        limits.forEach((k, v) -> parts.add("limit " + k + (v.isEmpty() ? " removed" : " " + v)));
        String what = "resize " + LiveFunction.describe(workload) + " container " + c.path("name").asText() + ": "
                + String.join(", ", parts);
        return new FunctionChange(fn.subject(), Rollouts.capitalised(what), ChangeSet.of(ResourceChange.of(workload, after)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    /**
     * Creates the Deployment's HPA, or edits the one {@code gateway} has: replica bounds (null keeps the HPA's, 1 for
     * a new one) and the average CPU utilization to keep (null keeps the HPA's metrics).
     *
     * @param deployment by name or version label; null for the function's only one
     * @param autoscaler the name of the HPA that scales it now, edited in place; null for none (or one named after it)
     */
    public static FunctionChange autoscaler(LiveFunction fn, String deployment, String autoscaler, ClusterGateway gateway,
                                            Integer min, int max, Integer cpuPercent, String reason) throws GatewayException {
        ObjectNode d = deployment == null ? Rollouts.onlyOne(fn) : Rollouts.one(fn, deployment);
        ResourceId named = autoscalerOf(d);
        ResourceId id = autoscaler == null ? named : new ResourceId(named.apiVersion(), named.kind(), named.namespace(), autoscaler);
        Optional<ObjectNode> existing = gateway.read(id);
        ObjectNode after = existing.map(ObjectNode::deepCopy).orElseGet(() -> created(id));
        ObjectNode spec = after.withObject("/spec");
        if (min != null || existing.isEmpty()) {
            spec.put("minReplicas", min == null ? 1 : min);
        }
        spec.put("maxReplicas", max);
        if (cpuPercent != null) {
            cpuTarget(spec.withArray("metrics"), cpuPercent);
        }
        String what = (existing.isPresent() ? "change" : "create") + " autoscaler of " + LiveFunction.describe(d) + ": "
                + spec.path("minReplicas").asInt() + " to " + max + " replicas"
                + (cpuPercent == null ? "" : " at " + cpuPercent + "% CPU");
        return new FunctionChange(fn.subject(), Rollouts.capitalised(what),
                ChangeSet.of(ResourceChange.of(existing.orElse(null), after)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    private static ObjectNode created(ResourceId id) {
        ObjectNode hpa = JsonNodeFactory.instance.objectNode().put("apiVersion", id.apiVersion()).put("kind", id.kind());
        hpa.putObject("metadata").put("name", id.name()).put("namespace", id.namespace());
        hpa.putObject("spec").putObject("scaleTargetRef").put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", id.name());
        return hpa;
    }

    /** The cpu Resource metric's utilization target, added when the HPA has none. */
    private static void cpuTarget(ArrayNode metrics, int percent) {
        for (JsonNode m : metrics) {
            if (m.path("type").asText().equals("Resource") && m.path("resource").path("name").asText().equals("cpu")) {
                ((ObjectNode) m).withObject("/resource").putObject("target").put("type", "Utilization")
                        .put("averageUtilization", percent);
                return;
            }
        }
        metrics.addObject().put("type", "Resource").putObject("resource").put("name", "cpu").putObject("target")
                .put("type", "Utilization").put("averageUtilization", percent);
    }

    private static void set(ObjectNode quantities, Map<String, String> values) {
        values.forEach((name, value) -> {
            if (value.isEmpty()) {
                quantities.remove(name);
            } else {
                quantities.put(name, value);
            }
        });
    }
}
