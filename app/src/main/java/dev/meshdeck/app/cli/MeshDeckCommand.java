package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.UserMessages;
import dev.meshdeck.app.bench.BenchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "meshdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Govern serverless functions across Knative, OpenFaaS, Kubeless, Kubernetes and AWS Lambda through Istio.",
            "Without a command, opens the main window (same as `meshdeck ui`)."
        },
        subcommands = {UiCommand.class, SandboxCommand.class, FunctionsCommand.class, ValidateCommand.class, BenchCommand.class, TrafficCommand.class, SloCommand.class, AlertsCommand.class, MonitorsCommand.class, ExportCommand.class,
            ApplyCommand.class, DiffCommand.class, HistoryCommand.class, RollbackCommand.class, RecoverCommand.class, LambdaCommand.class,
            FailoverCommand.class, FailbackCommand.class, RolloutCommand.class, CanaryCommand.class, PodsCommand.class,
            EventsCommand.class, LogsCommand.class, ConfigCommand.class, ScaleCommand.class, GatewaysCommand.class, SidecarCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:findings or failure", "2:usage error"})
public final class MeshDeckCommand implements Callable<Integer> {

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MeshDeckCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            // A failure is reported in one readable line; the stack trace only with MESHDECK_LOG_LEVEL=DEBUG.
            line.getErr().println("meshdeck: " + UserMessages.describe(ex));
            if ("DEBUG".equalsIgnoreCase(System.getenv("MESHDECK_LOG_LEVEL"))) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() {
        return new UiCommand().call();
    }
}
