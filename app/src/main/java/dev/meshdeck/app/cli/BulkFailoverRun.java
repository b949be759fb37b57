package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.failover.BulkFailover;
import dev.meshdeck.core.failover.FailoverTarget;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `meshdeck failover` without --function: every selected function fails over in its own change set, in
 * parallel, per context or region; progress on stderr, one line per function and a summary on stdout.
 */
final class BulkFailoverRun {

    private final CommandSpec spec;
    private final ChangeOptions options;
    private final FunctionSelection selection;
    private final String to;
    private final int parallel;

    /** @param to the one target for every function, or null for each function's configured backup */
    BulkFailoverRun(CommandSpec spec, ChangeOptions options, FunctionSelection selection, String to, int parallel) {
        this.spec = spec;
        this.options = options;
        this.selection = selection;
        this.to = to;
        this.parallel = parallel;
    }

    int run() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Function<LiveFunction, FailoverTarget> targetOf = to == null ? FailoverTargets::backupOf
                : constant(FailoverTargetParser.parse(to, options));
        try (Sources sources = Sources.resolve(FunctionActions.sourcesOf(options), false, false, 0)) {
            Map<SourceRef, List<ServerlessFunction>> bySource = FunctionLookup.discover(sources).stream()
                    .filter(selection::matches)
                    .collect(Collectors.groupingBy(ServerlessFunction::source, LinkedHashMap::new, Collectors.toList()));
            int total = bySource.values().stream().mapToInt(List::size).sum();
            if (total == 0) {
                err.println("meshdeck failover: no function matches " + selection.describe() + "; nothing was written");
                return 1;
            }
            String where = bySource.keySet().stream().map(SourceRef::label).collect(Collectors.joining(", "));
            Optional<Integer> refused = ChangeWiring.refuseWithoutConsent(spec, options, "Fail " + total + " function(s) of "
                    + selection.describe() + " on " + where + " over to " + (to == null ? "their configured backup" : to) + "?");
            if (refused.isPresent()) {
                return refused.get();
            }
            boolean allMoved = true;
            long failedOver = 0;
            for (List<ServerlessFunction> functions : bySource.values()) {
                List<LiveFunction> live = functions.parallelStream().map(fn -> FunctionActions.live(sources, fn)).toList();
                try (ChangeWiring wiring = FunctionActions.wiringFor(options, sources, live)) {
                    BulkFailover.Outcome outcome = new BulkFailover(wiring.pipeline(), parallel).run(live, targetOf,
                            options.why.reason, options.why.forced(spec), p -> {
                                err.println("meshdeck failover: [" + p.done() + "/" + p.total() + "] " + p.latest().line());
                                err.flush();
                            });
                    outcome.results().forEach(r -> out.println(r.line()));
                    out.println(wiring.pipeline().gateway().target().label() + ": " + outcome.summary());
                    allMoved &= outcome.results().stream().allMatch(r -> r.failedOver() || r.outcome() == null);
                    failedOver += outcome.failedOver();
                }
            }
            out.flush();
            return allMoved && failedOver > 0 ? 0 : 1;
        }
    }

    private static Function<LiveFunction, FailoverTarget> constant(FailoverTarget target) {
        return fn -> target;
    }
}
