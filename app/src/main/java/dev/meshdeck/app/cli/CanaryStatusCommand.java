package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.canary.FileCanaryRunStore;
import dev.meshdeck.core.canary.CanaryRun;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every canary run of the data directory, newest first: candidate, state (running, paused, awaiting",
            "promotion, promoted, aborted, conflict, failed, rolled back; `interrupted` when its process is gone), weight,",
            "step, failed checks and why it ended. JSON adds each interval's figures and checks."})
final class CanaryStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function's runs.")
    String function;

    @Mixin
    TableOrJson format = new TableOrJson();

    @Override
    public Integer call() {
        boolean json = format.json();
        List<CanaryRun> runs = FileCanaryRunStore.resolve().runs().stream()
                .filter(r -> function == null || r.function().equals(function)).toList();
        Instant now = CanaryForeground.now();
        spec.commandLine().getOut().print(json ? CanaryText.json(runs, now) : CanaryText.table(runs, now));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
