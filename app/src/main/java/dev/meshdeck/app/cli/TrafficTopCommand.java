package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.app.wiring.Telemetry;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "top",
        mixinStandardHelpOptions = true,
        description = {
            "Observed traffic between functions: one row per edge and destination version (and * for all versions)",
            "with request rate, error %% (5xx and gRPC errors) and p95 latency, from each cluster's Prometheus or the",
            "sandbox's traffic simulator. Sources that cannot be reached are reported on stderr."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every source answered", "1:a source failed", "2:usage error"})
final class TrafficTopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    TelemetryOptions telemetry = new TelemetryOptions();

    @Option(names = "--sandbox", description = "Start the embedded sandbox and read its simulated traffic.")
    boolean sandbox;

    @Option(names = "--window", defaultValue = "1m", paramLabel = "DURATION",
            description = "Rate window of the Prometheus queries: 30s, 1m, 5m, ... (default: ${DEFAULT-VALUE}).")
    String window;

    @Mixin
    TableOrJson format = new TableOrJson();

    @Override
    public Integer call() {
        boolean json = format.json();
        Duration range = window(window);
        PrintWriter err = spec.commandLine().getErr();
        List<Map.Entry<EdgeKey, TrafficStats>> edges = new ArrayList<>();
        int failures = 0;
        EdgeTable.Aliases aliases;
        try (Sources resolved = Sources.resolve(sources, sandbox, false, 0)) {
            List<TelemetrySource> telemetrySources = resolveTelemetry(resolved);
            for (TelemetrySource source : telemetrySources) {
                try (source) {
                    edges.addAll(source.fetch(range).edges().entrySet());
                } catch (TelemetryException e) {
                    err.println("meshdeck traffic top: " + e.getMessage());
                    failures++;
                }
            }
            aliases = aliases(resolved, edges);
        }
        edges.sort(EdgeTable.ORDER);
        spec.commandLine().getOut().print(json ? EdgeTable.json(edges, aliases) : EdgeTable.table(edges, aliases));
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : 1;
    }

    /** Telemetry names a Lambda version, not the alias sending it there: the Lambda listing does, when an edge needs it. */
    private static EdgeTable.Aliases aliases(Sources resolved, List<Map.Entry<EdgeKey, TrafficStats>> edges) {
        if (edges.stream().noneMatch(e -> EdgeTable.isLambda(e.getKey().destination())) || resolved.lambda().isEmpty()) {
            return EdgeTable.Aliases.NONE;
        }
        List<ServerlessFunction> functions = new ArrayList<>();
        resolved.lambda().get().discover().forEach(event -> {
            if (event instanceof InventoryEvent.SourceLoaded loaded) {
                functions.addAll(loaded.functions());
            }
        });
        return EdgeTable.Aliases.of(functions);
    }

    private List<TelemetrySource> resolveTelemetry(Sources resolved) {
        try {
            return Telemetry.resolve(resolved, telemetry);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Duration window(String text) {
        try {
            return DurationText.parse("--window", text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
