package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.AlertSources;
import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.connectors.prometheus.Alertmanager;
import dev.meshdeck.connectors.prometheus.ClusterAlerts;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertmanagerState;
import dev.meshdeck.core.monitoring.FunctionSlo;
import dev.meshdeck.core.monitoring.PromDuration;
import dev.meshdeck.core.monitoring.SilenceSpec;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "silence", mixinStandardHelpOptions = true,
        description = {"Silences a function's alert in the Alertmanager that routes it (POST /api/v2/silences): one silence",
            "per alert of that name on the function, matching each of its labels exactly, from now for --for. Its",
            "notifications stop; `meshdeck alerts` shows it as silenced; `meshdeck alerts unsilence ID` ends it early."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:silenced", "1:no such alert, no Alertmanager, or Alertmanager refused", "2:usage error or no --yes without a terminal"})
final class AlertsSilenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AlertSourceOptions from = new AlertSourceOptions();

    @Option(names = "--function", required = true, paramLabel = "F", description = "The function: name, or namespace/name.")
    String function;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The function's namespace, when several share its name.")
    String namespace;

    @Option(names = "--name", required = true, paramLabel = "ALERT", description = "The alert's name (alertname), e.g. FunctionLatencySloBreached.")
    String name;

    @Option(names = "--for", required = true, paramLabel = "DURATION", description = "How long the silence lasts: 30m, 1h, 2h30m, ...")
    String duration;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why, for whoever is paged next.")
    String comment;

    @Option(names = "--author", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who silences it (default: ${DEFAULT-VALUE}).")
    String author;

    @Option(names = {"-y", "--yes"}, description = "Silence without asking (required when stdin is not a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        Duration lasting = duration();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AlertSources sources = from.open(spec)) {
            ClusterAlerts.Reading reading = sources.read();
            List<ActiveAlert> matching = reading.alerts().stream()
                    .filter(a -> a.name().equals(name) && a.function().filter(this::isTheFunction).isPresent())
                    .toList();
            if (matching.isEmpty()) {
                reading.problems().forEach(p -> err.println("meshdeck alerts silence: " + p));
                err.println("meshdeck alerts silence: no alert " + name + " is firing or pending on " + function
                        + " (" + reading.alerts().size() + " alerts read); nothing was silenced");
                return 1;
            }
            ChangeOptions consent = new ChangeOptions();
            consent.yes = yes;
            Optional<Integer> refused = ChangeWiring.refuseWithoutConsent(spec, consent, "Silence " + matching.size() + " alert(s) "
                    + name + " on " + function + " for " + PromDuration.format(lasting) + "?");
            if (refused.isPresent()) {
                return refused.get();
            }
            int exit = 0;
            for (ActiveAlert alert : matching) {
                Optional<Alertmanager> routing = alert.alertmanager().map(AlertmanagerState::source).flatMap(sources::alertmanager)
                        .or(() -> sources.alertmanagers().size() == 1 ? Optional.of(sources.alertmanagers().get(0)) : Optional.empty());
                if (routing.isEmpty()) {
                    err.println("meshdeck alerts silence: no Alertmanager routes " + name + " on " + alert.function().orElseThrow()
                            + " (" + sources.alertmanagers().size() + " found); give it with --alertmanager URL");
                    exit = 1;
                    continue;
                }
                try {
                    SilenceSpec silence = SilenceSpec.of(alert, lasting, author, comment, Instant.now());
                    String id = routing.get().silence(silence);
                    out.println("silenced " + name + " on " + alert.function().orElseThrow() + " until " + silence.endsAt()
                            + ": silence " + id + " in Alertmanager " + routing.get().describe());
                } catch (TelemetryException | IllegalArgumentException e) {
                    err.println("meshdeck alerts silence: " + e.getMessage());
                    exit = 1;
                }
            }
            return exit;
        }
    }

    private boolean isTheFunction(String namespaced) {
        String wanted = namespace != null ? namespace + "/" + function : function;
        return wanted.contains("/") ? namespaced.equals(wanted) : namespaced.endsWith("/" + wanted);
    }

    private Duration duration() {
        try {
            return FunctionSlo.parseDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--for " + duration + ": " + e.getMessage());
        }
    }
}
