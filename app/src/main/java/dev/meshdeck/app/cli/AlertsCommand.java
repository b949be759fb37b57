package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.prometheus.DirectPrometheus;
import dev.meshdeck.connectors.prometheus.PrometheusAlerts;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertValue;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.workloads.Age;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"The alerts each Prometheus is evaluating as firing or pending (/api/v1/alerts), one row per alert,",
            "on the function its labels name (function/namespace of `slo set` rules, else Istio's destination_service,",
            "else destination_workload): firing first, then the oldest."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:a Prometheus could not be read (named on stderr)", "2:usage error"})
final class AlertsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    @Spec
    CommandSpec spec;

    @Option(names = "--prometheus", required = true, paramLabel = "URL",
            description = "A Prometheus to read, e.g. http://127.0.0.1:9090 (repeatable).")
    List<URI> prometheus = new ArrayList<>();

    @Mixin
    TableOrJson output = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        List<ActiveAlert> alerts = new ArrayList<>();
        int exit = 0;
        for (URI url : prometheus) {
            try {
                alerts.addAll(PrometheusAlerts.read(new DirectPrometheus(url, java.util.Optional.empty(), Duration.ofSeconds(10))));
            } catch (TelemetryException e) {
                spec.commandLine().getErr().println("meshdeck alerts: " + e.getMessage());
                exit = 1;
            }
        }
        alerts.sort(FunctionAlerts.ORDER);
        spec.commandLine().getOut().print(json ? JSON.writeValueAsString(json(alerts)) + "\n" : table(alerts, Instant.now()));
        spec.commandLine().getOut().flush();
        return exit;
    }

    private static ArrayNode json(List<ActiveAlert> alerts) {
        ArrayNode rows = JSON.createArrayNode();
        for (ActiveAlert a : alerts) {
            ObjectNode row = rows.addObject();
            row.put("function", a.function().orElse(null));
            row.put("source", a.source());
            row.put("name", a.name());
            row.put("severity", a.severity());
            row.put("state", a.state().name().toLowerCase(java.util.Locale.ROOT));
            row.put("since", a.since().toString());
            row.put("value", a.value());
            a.summary().ifPresent(s -> row.put("summary", s));
            ObjectNode labels = row.putObject("labels");
            a.labels().forEach(labels::put);
        }
        return rows;
    }

    private static String table(List<ActiveAlert> alerts, Instant now) {
        if (alerts.isEmpty()) {
            return "No alert is firing or pending.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FUNCTION", "ALERT", "SEVERITY", "STATE", "ACTIVE FOR", "VALUE", "SOURCE"});
        for (ActiveAlert a : alerts) {
            rows.add(new String[] {a.function().orElse("-"), a.name(), a.severity().isEmpty() ? "-" : a.severity(),
                a.state().name().toLowerCase(java.util.Locale.ROOT), Age.of(Duration.between(a.since(), now)),
                AlertValue.text(a.value()), a.source()});
        }
        return TextTable.render(rows);
    }
}
