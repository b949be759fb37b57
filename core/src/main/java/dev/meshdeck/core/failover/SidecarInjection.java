package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.history.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns Istio's sidecar injection on or off for one function: the {@code sidecar.istio.io/inject} label on the
 * pod template of its Deployments (or Knative Service). Changing the template rolls the pods, so the new pods
 * come with (or without) an {@code istio-proxy} and no separate restart is needed. The namespace's own label
 * ({@code istio-injection}, {@code istio.io/rev}) is left as it is: the template's label wins over it.
 */
public final class SidecarInjection {

    public static final String INJECT = "sidecar.istio.io/inject";

    private SidecarInjection() {
    }

    /**
     * @param deployment one Deployment by name or version label; null for all of the function's workloads
     * @throws IllegalArgumentException when the function has no workload with a pod template
     * @throws IllegalStateException    when every workload already says so
     */
    public static FunctionChange set(LiveFunction fn, String deployment, boolean enabled, String reason) {
        List<ObjectNode> workloads = new ArrayList<>(deployment == null ? fn.deployments() : List.of(Rollouts.one(fn, deployment)));
        if (deployment == null) {
            fn.knativeService().ifPresent(workloads::add);
        }
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException(fn.subject() + " has no Deployment or Knative Service whose pods could get a sidecar");
        }
        String value = String.valueOf(enabled);
        List<ResourceChange> changes = new ArrayList<>();
        for (ObjectNode w : workloads) {
            ObjectNode after = w.deepCopy();
            after.withObject("/spec/template/metadata/labels").put(INJECT, value);
            Optional.ofNullable(after.at("/spec/template/metadata/annotations"))
                    .filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast).ifPresent(a -> a.remove(INJECT));
            if (!after.equals(w)) {
                changes.add(ResourceChange.of(w, after));
            }
        }
        if (changes.isEmpty()) {
            throw new IllegalStateException("sidecar injection is already " + (enabled ? "on" : "off") + " for " + fn.subject());
        }
        String what = (enabled ? "enable" : "disable") + " sidecar injection on "
                + String.join(", ", changes.stream().map(c -> LiveFunction.describe(c.after())).toList())
                + " (rolls its pods)";
        return new FunctionChange(fn.subject(), Character.toUpperCase(what.charAt(0)) + what.substring(1),
                new ChangeSet(changes), FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }
}
