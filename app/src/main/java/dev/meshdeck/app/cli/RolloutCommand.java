package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.Rollouts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.workloads.Age;
import dev.meshdeck.core.workloads.RolloutHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollout",
        mixinStandardHelpOptions = true,
        description = {
            "Incident actions on a function's workloads, each a change set through the apply pipeline (diff, dry run,",
            "confirm or --yes, history; `meshdeck rollback ID` undoes any of them)."
        },
        subcommands = {RolloutCommand.Restart.class, RolloutCommand.History.class, RolloutCommand.Undo.class,
            RolloutCommand.UndoChange.class, RolloutCommand.Scale.class, DeletePodCommand.class})
final class RolloutCommand {

    /** The function (and optionally which of its Deployments) an action is about. */
    static final class Target extends FunctionOptions {
        @Option(names = "--deployment", paramLabel = "NAME|VERSION",
                description = "One of its Deployments, by name or version label. Default: all (restart) or its only one.")
        String deployment;
    }

    /** An action on the target's workloads: one change set built from the function as just read. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ChangeOptions options = new ChangeOptions();
        @Mixin
        Target target = new Target();

        /** @param sources where the function was found, to read more of its cluster */
        abstract FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline);

        @Override
        public Integer call() {
            return FunctionActions.onFunction(spec, options, target.function, target.namespace, this::build);
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Roll every pod of the function's Deployments (sets kubectl.kubernetes.io/restartedAt on the pod template).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:restarted", "1:refused, conflict or denied", "2:usage error or no --yes without a terminal"})
    static final class Restart extends Action {
        @Override
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
            return Rollouts.restart(live, target.deployment, Instant.now(), options.why.reason);
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = {"The revisions of the function's Deployments, as `kubectl rollout history` lists them: one per",
                "ReplicaSet, with its change-cause, images, pods and age; the current one is marked *. Every template",
                "change is here, whoever made it (MeshDeck, kubectl, CI)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed (possibly none)", "1:the function was not found or its context cannot be read",
                "2:usage error"})
    static final class History extends KubeFunctionCommand {
        @Option(names = "--deployment", paramLabel = "NAME", description = "Only this Deployment of the function.")
        String deployment;

        @Override
        String render(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
            List<RolloutHistory> histories = sources.kube().revisionsOf(fn.id()).stream()
                    .filter(h -> deployment == null || h.deployment().equals(deployment)).toList();
            if (deployment != null && histories.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), fn.name() + " has no Deployment named '"
                        + deployment + "'");
            }
            Instant now = Instant.now();
            return json ? JSON.writeValueAsString(json(histories)) + "\n" : table(histories, now);
        }

        private static String table(List<RolloutHistory> histories, Instant now) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"DEPLOYMENT", "REVISION", "REPLICASET", "PODS", "AGE", "IMAGES", "CHANGE-CAUSE"});
            for (RolloutHistory h : histories) {
                for (RolloutHistory.Revision r : h.revisions()) {
                    rows.add(new String[]{h.deployment(), r.number() + (r.current() ? "*" : ""), r.replicaSet(),
                        String.valueOf(r.replicas()), r.created().map(c -> Age.of(Duration.between(c, now))).orElse("-"),
                        String.join(",", r.images()), r.changeCause().orElse("-")});
                }
            }
            return TextTable.render(rows);
        }

        private static ArrayNode json(List<RolloutHistory> histories) {
            ArrayNode array = JSON.createArrayNode();
            for (RolloutHistory h : histories) {
                ArrayNode revisions = array.addObject().put("namespace", h.namespace()).put("deployment", h.deployment())
                        .putArray("revisions");
                for (RolloutHistory.Revision r : h.revisions()) {
                    ObjectNode o = revisions.addObject().put("revision", r.number()).put("replicaSet", r.replicaSet())
                            .put("current", r.current()).put("replicas", r.replicas());
                    r.images().forEach(o.putArray("images")::add);
                    r.changeCause().ifPresent(c -> o.put("changeCause", c));
                    r.created().ifPresent(c -> o.put("created", c.toString()));
                }
            }
            return array;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = {"Roll a Deployment back to an earlier revision, as `kubectl rollout undo` does: the pod template of",
                "that revision's ReplicaSet (default: the one before the current one) goes back on the Deployment, whoever",
                "made the change being undone (kubectl set image, CI, MeshDeck). The Deployment then runs that ReplicaSet",
                "again under the next revision number. See `rollout history`; `rollout undo-change` reverts MeshDeck's own",
                "last change instead (a scale, say)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:rolled back", "1:no such revision, conflict, refused or denied",
                "2:usage error or no --yes without a terminal"})
    static final class Undo extends Action {
        @Option(names = "--to-revision", paramLabel = "N", description = "The revision to restore (see rollout history).")
        Long toRevision;

        @Override
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
            return Rollouts.rollBack(live, target.deployment, sources.kube().revisionsOf(live.function().id()), toRevision,
                    options.why.reason);
        }
    }

    @Command(name = "undo-change", mixinStandardHelpOptions = true,
            description = {"Undo the newest change MeshDeck recorded for the function's Deployment (restart, scale, apply):",
                "it goes back to its state before that change; undoing twice returns to where it started. Changes made",
                "outside MeshDeck are not in its history: for those use `rollout undo`, which restores a ReplicaSet revision."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:undone", "1:nothing to undo, conflict, refused or denied", "2:usage error or no --yes without a terminal"})
    static final class UndoChange extends Action {
        @Override
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
            return Rollouts.undo(pipeline.history(), pipeline.gateway().target(), live, target.deployment, options.why.reason);
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = {"Set a Deployment's replicas, or a Knative Service's scale bounds (autoscaling.knative.dev/min-scale,",
                "max-scale on its revision template: Knative makes a new revision, which serves at once only with",
                "latestRevision traffic)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:scaled", "1:refused, conflict or denied", "2:usage error or no --yes without a terminal"})
    static final class Scale extends Action {
        @Option(names = "--replicas", paramLabel = "N", description = "Replicas of the Deployment.")
        Integer replicas;

        @Option(names = "--min-scale", paramLabel = "N", description = "Knative: the minimum number of pods.")
        Integer minScale;

        @Option(names = "--max-scale", paramLabel = "N", description = "Knative: the maximum number of pods.")
        Integer maxScale;

        @Override
        public Integer call() {
            if ((replicas == null) == (minScale == null && maxScale == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --replicas (a Deployment) or --min-scale/--max-scale (a Knative Service)");
            }
            return super.call();
        }

        @Override
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
            return replicas != null ? Rollouts.scale(live, target.deployment, replicas, options.why.reason)
                    : Rollouts.knativeScale(live, minScale, maxScale, options.why.reason);
        }
    }
}
