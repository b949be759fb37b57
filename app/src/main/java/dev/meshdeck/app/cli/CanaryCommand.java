package dev.meshdeck.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "canary",
        mixinStandardHelpOptions = true,
        description = {
            "Metric-gated canary runs: the candidate's weight rises step by step through the apply pipeline while its",
            "success rate and latency stay within bounds, and falls back to the weights from before the run when they",
            "do not. Istio VirtualServices, Knative traffic and Lambda aliases alike; runs are kept in the data directory."
        },
        subcommands = {CanaryStartCommand.class, CanaryStatusCommand.class, CanaryControlCommand.Pause.class,
            CanaryControlCommand.Resume.class, CanaryControlCommand.Promote.class, CanaryControlCommand.Abort.class,
            CanaryRollbackCommand.class, CanaryExportCommand.class, CanaryPlanCommand.class})
final class CanaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }
}
