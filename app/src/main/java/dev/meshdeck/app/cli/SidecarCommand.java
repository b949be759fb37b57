package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.SidecarInjection;
import picocli.CommandLine.Command;

@Command(name = "sidecar",
        mixinStandardHelpOptions = true,
        description = {
            "Istio sidecar injection for a function, as a change set through the apply pipeline (diff, dry run,",
            "confirm or --yes, history): the sidecar.istio.io/inject label on its pod templates. The template change",
            "rolls its pods, which come back with (or without) an istio-proxy."
        },
        subcommands = {SidecarCommand.Enable.class, SidecarCommand.Disable.class})
final class SidecarCommand {

    /** Sets the label to {@link #enabled()} on the target's pod templates. */
    abstract static class Switch extends RolloutCommand.Action {
        abstract boolean enabled();

        @Override
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
            return SidecarInjection.set(live, target.deployment, enabled(), options.why.reason);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Inject the sidecar into the function's pods (sidecar.istio.io/inject: \"true\"), even where its namespace is not labelled for injection.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:enabled", "1:already on, refused, conflict or denied", "2:usage error or no --yes without a terminal"})
    static final class Enable extends Switch {
        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Run the function's pods without the sidecar (sidecar.istio.io/inject: \"false\"); they leave the mesh.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:disabled", "1:already off, refused, conflict or denied", "2:usage error or no --yes without a terminal"})
    static final class Disable extends Switch {
        @Override
        boolean enabled() {
            return false;
        }
    }
}
