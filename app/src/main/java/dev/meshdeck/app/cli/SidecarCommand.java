package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.SidecarInjection;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sidecar",
        mixinStandardHelpOptions = true,
        description = {
            "Istio sidecar injection for a function or a namespace, as a change set through the apply pipeline (diff,",
            "dry run, confirm or --yes, history). For a function: the sidecar.istio.io/inject label on its pod templates;",
            "the template change rolls its pods, which come back with (or without) an istio-proxy. For a namespace",
            "(--namespace without --function): its istio-injection label, and with --restart the restart of the",
            "namespace's function Deployments whose pods it changes."
        },
        subcommands = {SidecarCommand.Enable.class, SidecarCommand.Disable.class})
final class SidecarCommand {

    /** Sets the label to {@link #enabled()} on the target's pod templates, or on the namespace. */
    abstract static class Switch extends RolloutCommand.Action {
        abstract boolean enabled();

        @Option(names = "--restart", description = "With --namespace only: also restart the namespace's function "
                + "Deployments whose pods the label changes, in the same change set (the injector acts when a pod starts).")
        boolean restart;

        @Override
        public Integer call() {
            if (target.function != null) {
                if (restart) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--restart is for --namespace alone: a function's template change rolls its pods already");
                }
                return super.call();
            }
            if (target.namespace == null || target.deployment != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --function NAME (and --deployment), or --namespace NS alone for the whole namespace");
            }
            return namespace();
        }

        @Override
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
            return SidecarInjection.set(live, target.deployment, enabled(), options.why.reason);
        }

        /** Labels the namespace where it is written, restarting (or naming) the function Deployments that need it. */
        private int namespace() {
            try (Sources sources = Sources.resolve(FunctionActions.sourcesOf(options), false, false, 0)) {
                List<ServerlessFunction> functions = FunctionLookup.discover(sources).stream()
                        .filter(f -> f.namespace().equals(target.namespace) && f.source() instanceof SourceRef.KubeContext).toList();
                return FunctionActions.run(spec, options,
                        () -> ChangeWiring.connect(options, options.writePaths(), options.context, true, false), pipeline -> {
                            String context = pipeline.gateway().target().context().orElse("");
                            List<ObjectNode> deployments = functions.stream()
                                    .filter(f -> ((SourceRef.KubeContext) f.source()).context().equals(context))
                                    .flatMap(f -> FunctionActions.live(sources, f).deployments().stream()).toList();
                            return change(pipeline, deployments);
                        });
            }
        }

        private FunctionChange change(ApplyPipeline pipeline, List<ObjectNode> deployments) {
            try {
                SidecarInjection.NamespaceSwitch change = SidecarInjection.setNamespace(pipeline.gateway(), target.namespace,
                        enabled(), deployments, restart, Instant.now(), options.why.reason);
                if (!change.notRestarted().isEmpty()) {
                    spec.commandLine().getErr().println("meshdeck sidecar: " + change.notRestarted().stream()
                            .map(LiveFunction::describe).collect(Collectors.joining(", ")) + " keep their pods as they are"
                            + " until restarted: add --restart, or run meshdeck rollout restart");
                }
                return change.change();
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = {"Inject the sidecar into the function's pods (sidecar.istio.io/inject: \"true\"), even where its",
                "namespace is not labelled for injection; or, with --namespace alone, label the namespace istio-injection=enabled."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:enabled", "1:already on, refused, conflict or denied", "2:usage error or no --yes without a terminal"},
            modelTransformer = FunctionOptions.FunctionNotRequired.class)
    static final class Enable extends Switch {
        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = {"Run the function's pods without the sidecar (sidecar.istio.io/inject: \"false\"); they leave the",
                "mesh. With --namespace alone: label the namespace istio-injection=disabled, which no pod template overrides."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:disabled", "1:already off, refused, conflict or denied", "2:usage error or no --yes without a terminal"},
            modelTransformer = FunctionOptions.FunctionNotRequired.class)
    static final class Disable extends Switch {
        @Override
        boolean enabled() {
            return false;
        }
    }
}
