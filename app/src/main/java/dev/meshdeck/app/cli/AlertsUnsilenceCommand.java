package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.AlertSources;
import dev.meshdeck.connectors.prometheus.Alertmanager;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unsilence", mixinStandardHelpOptions = true,
        description = {"Expires a silence now (DELETE /api/v2/silence/ID) in the Alertmanager that holds it: its alerts",
            "notify again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:expired", "1:no Alertmanager holds the silence, or it refused", "2:usage error"})
final class AlertsUnsilenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AlertSourceOptions from = new AlertSourceOptions();

    @Parameters(index = "0", paramLabel = "ID", description = "The silence's id, as `alerts silence` printed it.")
    String id;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        try (AlertSources sources = from.open(spec)) {
            for (Alertmanager alertmanager : sources.alertmanagers()) {
                try {
                    if (alertmanager.silences().stream().anyMatch(s -> s.id().equals(id))) {
                        alertmanager.expire(id);
                        spec.commandLine().getOut().println("expired silence " + id + " in Alertmanager " + alertmanager.describe()
                                + ": its alerts notify again");
                        return 0;
                    }
                } catch (TelemetryException e) {
                    problems.add(e.getMessage());
                }
            }
            problems.forEach(p -> err.println("meshdeck alerts unsilence: " + p));
            err.println("meshdeck alerts unsilence: no Alertmanager holds silence " + id + " (" + sources.alertmanagers().size()
                    + " asked)" + (sources.alertmanagers().isEmpty() ? "; give it with --alertmanager URL" : ""));
            return 1;
        }
    }
}
