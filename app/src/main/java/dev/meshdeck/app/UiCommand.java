package dev.meshdeck.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Open the main window on every kubeconfig context and the configured AWS regions.",
            "With no kubeconfig at all, the embedded sandbox is started and shown."
        })
final class UiCommand implements Callable<Integer> {

    @Mixin
    SourceOptions sources = new SourceOptions();

    /** Turned into telemetry sources by {@link Telemetry#resolve(Sources, TelemetryOptions)} for the graph. */
    @Mixin
    TelemetryOptions telemetry = new TelemetryOptions();

    @Option(names = "--sandbox", description = "Use the embedded sandbox even when a kubeconfig exists.")
    boolean sandbox;

    @Option(names = "--sandbox-functions", defaultValue = "0", paramLabel = "N",
            description = "Grow the sandbox estate by N synthetic functions.")
    int sandboxFunctions;

    @Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "Render the window once discovery has settled, save it as PNG and exit (used for the README).")
    Path screenshot;

    @Option(names = "--select", paramLabel = "FUNCTION",
            description = "Select this function once it is discovered (its details open on the right).")
    String select;

    @Override
    public Integer call() {
        Sources resolved = Sources.resolve(sources, sandbox, true, sandboxFunctions);
        return MeshDeckApp.launch(resolved, new MeshDeckApp.Startup(select, screenshot));
    }
}
