package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.Rollouts;
import java.time.Instant;
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
        subcommands = {RolloutCommand.Restart.class, RolloutCommand.Undo.class, RolloutCommand.Scale.class,
            DeletePodCommand.class})
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

        abstract FunctionChange build(LiveFunction live, ApplyPipeline pipeline);

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
        FunctionChange build(LiveFunction live, ApplyPipeline pipeline) {
            return Rollouts.restart(live, target.deployment, Instant.now(), options.why.reason);
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = {"Undo the newest change MeshDeck recorded for the function's Deployment (restart, scale, apply):",
                "it goes back to its state before that change; undoing twice returns to where it started. Changes made",
                "outside MeshDeck are not in its history: for those use kubectl rollout undo."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:undone", "1:nothing to undo, conflict, refused or denied", "2:usage error or no --yes without a terminal"})
    static final class Undo extends Action {
        @Override
        FunctionChange build(LiveFunction live, ApplyPipeline pipeline) {
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
        FunctionChange build(LiveFunction live, ApplyPipeline pipeline) {
            return replicas != null ? Rollouts.scale(live, target.deployment, replicas, options.why.reason)
                    : Rollouts.knativeScale(live, minScale, maxScale, options.why.reason);
        }
    }
}
