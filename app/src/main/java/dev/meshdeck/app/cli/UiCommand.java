package dev.meshdeck.app.cli;

import dev.meshdeck.app.window.MeshDeckApp;
import dev.meshdeck.app.window.StartupTrace;
import dev.meshdeck.app.wiring.Alerts;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.app.wiring.StartupProgress;
import dev.meshdeck.app.wiring.Telemetry;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.HeadStartCatalog;
import dev.meshdeck.core.telemetry.CombinedTelemetry;
import dev.meshdeck.core.telemetry.TelemetryHealth;
import dev.meshdeck.core.telemetry.TelemetrySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Open the main window on every kubeconfig context and the configured AWS regions.",
            "With no kubeconfig at all, the embedded sandbox is started and shown."
        })
final class UiCommand implements Callable<Integer> {

    private static final String TELEMETRY_STEP = "Telemetry";

    /** Which tab of the centre pane the window opens on. */
    enum View {
        functions(MeshDeckApp.View.FUNCTIONS), topology(MeshDeckApp.View.TOPOLOGY), pods(MeshDeckApp.View.PODS), logs(MeshDeckApp.View.LOGS),
        config(MeshDeckApp.View.CONFIG), scale(MeshDeckApp.View.SCALE);

        final MeshDeckApp.View tab;

        View(MeshDeckApp.View tab) {
            this.tab = tab;
        }
    }

    @Spec
    CommandSpec spec;

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

    @Option(names = "--metrics-interval", defaultValue = "15s", paramLabel = "DURATION",
            description = "How often the topology graph polls observed traffic, and the rate window: 5s, 15s, 1m, ... "
                    + "(default: ${DEFAULT-VALUE}).")
    String metricsInterval = "15s";

    @Option(names = "--view", defaultValue = "functions", paramLabel = "functions|topology|pods|logs|config|scale",
            description = "The tab the window opens on: the function table, the topology graph, the selected function's "
                    + "pods and events, its logs, its configuration or its scaling (default: ${DEFAULT-VALUE}).")
    View view = View.functions;

    @Option(names = "--trace-startup", hidden = true, paramLabel = "FILE",
            description = "Write when the first frame was shown and when every source had answered (for `bench startup`).")
    Path traceStartup;

    @Override
    public Integer call() {
        Duration interval;
        try {
            interval = DurationText.parse("--metrics-interval", metricsInterval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return MeshDeckApp.launch(this::wire, new MeshDeckApp.Startup(select, screenshot, view.tab, interval,
                traceStartup == null ? null : new StartupTrace(traceStartup)));
    }

    /** Off the FX thread, behind the startup screen: the sandbox, clients and telemetry cost most of the start. */
    private MeshDeckApp.Wired wire(StartupProgress progress) {
        Sources resolved = Sources.resolve(sources, sandbox, true, sandboxFunctions, progress);
        try {
            // the lists are the slowest part of a start: they begin now, while telemetry and the window are built
            FunctionCatalog catalog = HeadStartCatalog.start(resolved.catalog());
            progress.begin(TELEMETRY_STEP);
            // each source watched apart: the status bar says which Prometheus or CloudWatch region is silent
            TelemetryHealth health = new TelemetryHealth();
            List<TelemetrySource> telemetrySources = Telemetry.resolve(resolved, telemetry).stream().map(health::watch).toList();
            progress.done(TELEMETRY_STEP, telemetrySources.size() + " sources");
            return new MeshDeckApp.Wired(resolved, catalog, telemetrySources.isEmpty() ? null : CombinedTelemetry.of(telemetrySources), health,
                    Alerts.resolve(resolved, telemetry));
        } catch (RuntimeException e) {
            resolved.close();
            throw e;
        }
    }
}
