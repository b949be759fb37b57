package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.Json;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.workloads.RolloutHistory;
import dev.meshdeck.core.workloads.WorkloadSource;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Incident actions on a function's workloads, each an ordinary change set: restart and scale its Deployments
 * (as {@code kubectl rollout restart} and {@code kubectl scale} do), scale a Knative Service, roll a Deployment
 * back to an earlier ReplicaSet revision (as {@code kubectl rollout undo} does), and undo the last change MeshDeck
 * made to a Deployment.
 */
public final class Rollouts {

    /** What {@code kubectl rollout restart} sets on the pod template; a new value rolls every pod. */
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    public static final String KNATIVE_MIN_SCALE = "autoscaling.knative.dev/min-scale";
    public static final String KNATIVE_MAX_SCALE = "autoscaling.knative.dev/max-scale";
    /** Requests each pod should handle at once before Knative adds one. */
    public static final String KNATIVE_TARGET = "autoscaling.knative.dev/target";

    private Rollouts() {
    }

    /**
     * Restarts the function's Deployments (all of them, or the one named by name or {@code version} label).
     *
     * @throws IllegalArgumentException when the function has no such Deployment
     */
    public static FunctionChange restart(LiveFunction fn, String deployment, Instant now, String reason) {
        List<ObjectNode> selected = deployment == null ? requireAny(fn) : List.of(one(fn, deployment));
        ChangeSet changes = new ChangeSet(selected.stream().map(d -> restarted(d, now)).toList());
        String what = "restart " + names(selected);
        return new FunctionChange(fn.subject(), capitalised(what), changes,
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    /** The change that rolls every pod of a Deployment, as {@code kubectl rollout restart} does. */
    static ResourceChange restarted(ObjectNode deployment, Instant now) {
        ObjectNode after = deployment.deepCopy();
        after.withObject("/spec/template/metadata/annotations").put(RESTARTED_AT, now.truncatedTo(ChronoUnit.SECONDS).toString());
        return ResourceChange.of(deployment, after);
    }

    /**
     * Deletes one of the function's pods so that its controller starts a fresh one, as {@code kubectl delete pod}
     * restarts a single stuck pod without rolling the others. The pod is read now from {@code pods}, its
     * resourceVersion the precondition; only a pod that runs the function is accepted.
     *
     * @throws IllegalArgumentException when {@code podName} is none of the function's pods
     */
    public static FunctionChange deletePod(LiveFunction fn, WorkloadSource pods, String podName, String reason) {
        MeshResource pod = pods.podOf(fn.function().id(), podName).orElseThrow(() -> new IllegalArgumentException(
                podName + " is not a pod of " + fn.function().id().qualifiedName() + " (see meshdeck pods --function "
                        + fn.function().name() + ")"));
        try {
            return deletePod(fn, (ObjectNode) new YamlReader().read(pod.title(), pod.yaml()).get(0).tree(), reason);
        } catch (YamlProblem e) {
            throw new IllegalStateException("cannot read " + pod.title() + ": " + e.getMessage(), e);
        }
    }

    private static FunctionChange deletePod(LiveFunction fn, ObjectNode pod, String reason) {
        String what = "delete pod " + pod.at("/metadata/name").asText() + " of " + fn.function().name()
                + " (its controller starts a new one)";
        return new FunctionChange(fn.subject(), capitalised(what), ChangeSet.of(ResourceChange.of(pod, null)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    /** Sets one Deployment's replicas (the function's only one unless named). */
    public static FunctionChange scale(LiveFunction fn, String deployment, int replicas, String reason) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        ObjectNode d = deployment == null ? onlyOne(fn) : one(fn, deployment);
        ObjectNode after = d.deepCopy();
        after.withObject("/spec").put("replicas", replicas);
        String what = "scale " + names(List.of(d)) + " from " + d.at("/spec/replicas").asInt(1) + " to " + replicas + " replicas";
        return new FunctionChange(fn.subject(), capitalised(what), ChangeSet.of(ResourceChange.of(d, after)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    /**
     * Sets a Knative Service's scale bounds on its revision template (null leaves a bound as it is). Knative
     * makes a new revision from the changed template: with {@code latestRevision} traffic it serves at once;
     * traffic pinned to named revisions keeps their old bounds.
     */
    public static FunctionChange knativeScale(LiveFunction fn, Integer min, Integer max, String reason) {
        return knativeScale(fn, min, max, null, reason);
    }

    /** As {@link #knativeScale(LiveFunction, Integer, Integer, String)}, with the concurrency target per pod too. */
    public static FunctionChange knativeScale(LiveFunction fn, Integer min, Integer max, Integer target, String reason) {
        if (min == null && max == null && target == null) {
            throw new IllegalArgumentException("give a minimum or a maximum scale, or a target");
        }
        if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
            throw new IllegalArgumentException("scale bounds min " + min + " max " + max + " are not 0 <= min <= max");
        }
        if (target != null && target <= 0) {
            throw new IllegalArgumentException("the target is requests per pod at once: above 0, not " + target);
        }
        ObjectNode service = fn.knativeService().orElseThrow(() -> new IllegalArgumentException(
                fn.subject() + " has no Knative Service to scale"));
        ObjectNode after = service.deepCopy();
        ObjectNode annotations = after.withObject("/spec/template/metadata/annotations");
        if (min != null) {
            annotations.put(KNATIVE_MIN_SCALE, String.valueOf(min));
        }
        if (max != null) {
            annotations.put(KNATIVE_MAX_SCALE, String.valueOf(max));
        }
        if (target != null) {
            annotations.put(KNATIVE_TARGET, String.valueOf(target));
        }
        String what = "scale Knative Service " + fn.function().id().qualifiedName()
                + (min == null ? "" : " min " + min) + (max == null ? "" : " max " + max)
                + (target == null ? "" : " target " + target);
        return new FunctionChange(fn.subject(), capitalised(what), ChangeSet.of(ResourceChange.of(service, after)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    /**
     * Undoes the newest change MeshDeck recorded on {@code target} for the Deployment: its object goes back to
     * its state before that change (other objects of that change set are left alone). Like
     * {@code kubectl rollout undo}, undoing twice returns to where it started. A Deployment changed since is a
     * conflict, never overwritten.
     *
     * @throws IllegalStateException when the history has no applied change of it
     */
    public static FunctionChange undo(ChangeHistory history, WriteTarget target, LiveFunction fn, String deployment,
                                      String reason) {
        ObjectNode d = deployment == null ? onlyOne(fn) : one(fn, deployment);
        ResourceId id = ResourceId.of(d);
        for (HistoryEntry e : history.entries()) {
            if (e.status() != Status.APPLIED || !target.reaches(e.target())) {
                continue;
            }
            Optional<ResourceChange> change = e.changes().changes().stream().filter(c -> c.target().equals(id)).findFirst();
            if (change.isPresent()) {
                String what = "undo change set " + e.id() + " (" + e.reason() + ") on " + id;
                ResourceChange undo = change.get().inverse();
                // the Deployment controller writes status and revision after every change: live state that differs
                // from what MeshDeck wrote only there is still its change, not someone else's
                if (Json.sameForReview(undo.before(), d)) {
                    undo = ResourceChange.of(d, undo.after());
                }
                return new FunctionChange(fn.subject(), capitalised(what), ChangeSet.of(undo),
                        FunctionChange.request(reason, what, Action.ROLLBACK, e.id(), fn.subject()));
            }
        }
        throw new IllegalStateException("MeshDeck's history has no applied change of " + id + " on " + target.label()
                + ", so there is nothing to undo");
    }

    /**
     * Restores a revision's pod template on one Deployment (the function's only one unless named), as
     * {@code kubectl rollout undo [--to-revision N]} does, whoever made the change being undone: the template of
     * that revision's ReplicaSet without its {@code pod-template-hash}, and its change-cause. The Deployment
     * controller then runs that ReplicaSet again under the next revision number.
     *
     * @param histories  the function's Deployments' revisions, read from their ReplicaSets
     * @param toRevision the revision to restore; null for the one before the current one
     * @throws IllegalArgumentException when there is no such revision, or it is already running
     */
    public static FunctionChange rollBack(LiveFunction fn, String deployment, List<RolloutHistory> histories,
                                          Long toRevision, String reason) {
        ObjectNode d = deployment == null ? onlyOne(fn) : one(fn, deployment);
        String name = d.at("/metadata/name").asText();
        RolloutHistory history = histories.stream().filter(h -> h.deployment().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(LiveFunction.describe(d)
                        + " has no ReplicaSet revisions to go back to"));
        RolloutHistory.Revision target = history.undoTarget(toRevision);
        ObjectNode after = d.deepCopy();
        after.withObject("/spec").set("template", target.template().deepCopy());
        ObjectNode annotations = after.withObject("/metadata/annotations");
        target.changeCause().ifPresentOrElse(cause -> annotations.put(RolloutHistory.CHANGE_CAUSE, cause),
                () -> annotations.remove(RolloutHistory.CHANGE_CAUSE));
        String what = "roll back " + LiveFunction.describe(d) + " to revision " + target.number() + " ("
                + String.join(", ", target.images()) + ")";
        return new FunctionChange(fn.subject(), capitalised(what), ChangeSet.of(ResourceChange.of(d, after)),
                FunctionChange.request(reason, what, Action.APPLY, null, fn.subject()));
    }

    private static List<ObjectNode> requireAny(LiveFunction fn) {
        if (fn.deployments().isEmpty()) {
            throw new IllegalArgumentException(fn.subject() + " has no Deployment"
                    + (fn.knativeService().isPresent() ? "; Knative manages its pods: scale it instead" : ""));
        }
        return fn.deployments();
    }

    static ObjectNode onlyOne(LiveFunction fn) {
        List<ObjectNode> all = requireAny(fn);
        if (all.size() > 1) {
            throw new IllegalArgumentException(fn.subject() + " has several Deployments (" + names(all)
                    + "); name one with --deployment");
        }
        return all.get(0);
    }

    /** The Deployment named so, or labelled with that version. */
    static ObjectNode one(LiveFunction fn, String nameOrVersion) {
        return requireAny(fn).stream()
                .filter(d -> d.at("/metadata/name").asText().equals(nameOrVersion)
                        || d.at("/metadata/labels/version").asText().equals(nameOrVersion))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fn.subject() + " has no Deployment named or versioned '"
                        + nameOrVersion + "'; it has " + names(fn.deployments())));
    }

    static String names(List<ObjectNode> deployments) {
        return deployments.stream().map(LiveFunction::describe).collect(Collectors.joining(", "));
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
