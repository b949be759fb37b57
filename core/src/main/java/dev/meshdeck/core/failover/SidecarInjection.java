package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.workloads.NamespaceInjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns Istio's sidecar injection on or off for one function: the {@code sidecar.istio.io/inject} label on the
 * pod template of its Deployments (or Knative Service). Changing the template rolls the pods, so the new pods
 * come with (or without) an {@code istio-proxy} and no separate restart is needed. The namespace's own label
 * ({@code istio-injection}, {@code istio.io/rev}) is left as it is: the template's label wins over it.
 * Or for a whole namespace: its {@code istio-injection} label, with the restart of the Deployments whose pods it
 * changes (the injector acts only when a pod is created).
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

    /** The namespace with {@code istio-injection} set to enabled or disabled (which wins over any template's choice). */
    private static ObjectNode labelled(ObjectNode namespace, boolean enabled) {
        ObjectNode after = namespace.deepCopy();
        after.withObject("/metadata/labels").put(NamespaceInjection.ISTIO_INJECTION, enabled ? "enabled" : "disabled");
        return after;
    }

    /** A namespace's switch, and the Deployments whose pods it changes that it leaves to a later restart. */
    public record NamespaceSwitch(FunctionChange change, List<ObjectNode> notRestarted) {
    }

    /**
     * Labels the namespace {@code istio-injection=enabled} (or {@code disabled}, which wins over any template's choice)
     * where {@code gateway} writes and, when {@code restart}, restarts in the same change set those of
     * {@code deployments} whose pods would then start with a sidecar where they have none, or the other way round.
     *
     * @throws IllegalArgumentException when the namespace does not exist
     * @throws IllegalStateException    when it is already so labelled
     */
    public static NamespaceSwitch setNamespace(ClusterGateway gateway, String name, boolean enabled,
                                               List<ObjectNode> deployments, boolean restart, Instant now, String reason)
            throws GatewayException {
        ObjectNode namespace = gateway.read(new ResourceId("v1", "Namespace", "", name)).orElseThrow(() ->
                new IllegalArgumentException("namespace " + name + " does not exist in " + gateway.target().label()));
        ObjectNode after = namespace.deepCopy();
        after.withObject("/metadata/labels").put(NamespaceInjection.ISTIO_INJECTION, enabled ? "enabled" : "disabled");
        if (after.equals(namespace)) {
            throw new IllegalStateException("namespace " + name + " is already labelled " + NamespaceInjection.of(namespace).labels());
        }
        NamespaceInjection was = NamespaceInjection.of(namespace);
        NamespaceInjection will = NamespaceInjection.of(after);
        List<ObjectNode> changed = deployments.stream().filter(d -> d.at("/metadata/namespace").asText().equals(name)).filter(d -> {
            Optional<Boolean> choice = NamespaceInjection.templateChoice(d.at("/spec/template"));
            return was.injects(choice) != will.injects(choice);
        }).toList();
        List<ResourceChange> changes = new ArrayList<>();
        changes.add(ResourceChange.of(namespace, after));
        if (restart) {
            changed.forEach(d -> changes.add(Rollouts.restarted(d, now)));
        }
        String subject = "kubernetes namespace " + name;
        String what = (enabled ? "enable" : "disable") + " sidecar injection in namespace " + name
                + (restart && !changed.isEmpty() ? " and restart " + Rollouts.names(changed) : "");
        return new NamespaceSwitch(new FunctionChange(subject, Rollouts.capitalised(what), new ChangeSet(changes),
                FunctionChange.request(reason, what, Action.APPLY, null, subject)), restart ? List.of() : changed);
    }
}
