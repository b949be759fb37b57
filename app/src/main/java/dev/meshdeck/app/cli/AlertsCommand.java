package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.AlertSources;
import dev.meshdeck.connectors.prometheus.ClusterAlerts;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertmanagerState;
import dev.meshdeck.core.monitoring.AlertValue;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import dev.meshdeck.core.workloads.Age;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"The alerts each Prometheus is evaluating as firing or pending (/api/v1/alerts), with what the",
            "Alertmanager routing them says (receivers, silenced, inhibited), one row per alert, on the function its labels",
            "name (function/namespace of `slo set` rules, else Istio's destination_service, else destination_workload):",
            "firing first, then the oldest. Without URLs, every context's own Prometheus and Alertmanager are read."},
        subcommands = {AlertsSilenceCommand.class, AlertsUnsilenceCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:a source could not be found or read (named on stderr)", "2:usage error"})
final class AlertsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    @Spec
    CommandSpec spec;

    @Mixin
    AlertSourceOptions from = new AlertSourceOptions();

    @Mixin
    TableOrJson output = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        ClusterAlerts.Reading reading;
        try (AlertSources sources = from.open(spec)) {
            reading = sources.read();
        }
        reading.problems().forEach(p -> spec.commandLine().getErr().println("meshdeck alerts: " + p));
        List<ActiveAlert> alerts = new ArrayList<>(reading.alerts());
        alerts.sort(FunctionAlerts.ORDER);
        spec.commandLine().getOut().print(json ? JSON.writeValueAsString(json(alerts)) + "\n" : table(alerts, Instant.now()));
        spec.commandLine().getOut().flush();
        return reading.problems().isEmpty() ? 0 : 1;
    }

    private static ArrayNode json(List<ActiveAlert> alerts) {
        ArrayNode rows = JSON.createArrayNode();
        for (ActiveAlert a : alerts) {
            ObjectNode row = rows.addObject();
            row.put("function", a.function().orElse(null));
            row.put("source", a.source());
            row.put("name", a.name());
            row.put("severity", a.severity());
            row.put("state", a.state().name().toLowerCase(Locale.ROOT));
            row.put("since", a.since().toString());
            if (Double.isNaN(a.value())) {
                row.putNull("value");
            } else {
                row.put("value", a.value());
            }
            a.summary().ifPresent(s -> row.put("summary", s));
            row.put("silenced", a.silenced());
            a.alertmanager().ifPresent(m -> {
                ObjectNode routed = row.putObject("alertmanager");
                routed.put("source", m.source());
                m.receivers().forEach(routed.putArray("receivers")::add);
                m.silencedBy().forEach(routed.putArray("silencedBy")::add);
                m.inhibitedBy().forEach(routed.putArray("inhibitedBy")::add);
            });
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
                state(a), Age.of(Duration.between(a.since(), now)), value(a.value()), a.source()});
        }
        return TextTable.render(rows);
    }

    /** "firing", "pending", or "firing, silenced" / "firing, inhibited" when an Alertmanager holds it back. */
    private static String state(ActiveAlert a) {
        String state = a.state().name().toLowerCase(Locale.ROOT);
        return a.silenced() ? state + ", silenced"
                : a.alertmanager().map(AlertmanagerState::inhibited).orElse(false) ? state + ", inhibited" : state;
    }

    /** Four significant digits, no exponent: 1200, 0.05, 812.3; "-" when only an Alertmanager reported it. */
    private static String value(double v) {
        return Double.isNaN(v) ? "-" : AlertValue.text(v);
    }
}
