package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.ServerlessFunction;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "targets",
        mixinStandardHelpOptions = true,
        description = "List where a function can fail over to: its configured backup, its other versions, its subsets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:the function was not found", "2:usage error"})
final class FailoverTargetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Override
    public Integer call() {
        try (Sources sources = Sources.resolve(FunctionActions.sourcesOf(options), false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(sources, target.function, target.namespace);
            List<FailoverTargets.Option> targets = FailoverTargets.of(FunctionActions.live(sources, fn));
            PrintWriter out = spec.commandLine().getOut();
            if (targets.isEmpty()) {
                out.println(LiveFunction.subjectOf(fn) + " has no failover target: add a version or annotate it with "
                        + FailoverTargets.ANNOTATION);
            }
            targets.forEach(t -> out.printf("%-50s %s%n", t.target(), t.why()));
            out.flush();
            return 0;
        }
    }
}
