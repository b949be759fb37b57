package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.Recovery;
import dev.meshdeck.core.changes.history.HistoryEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "recover",
        mixinStandardHelpOptions = true,
        description = {
            "Find applies that a crash interrupted (journaled, not finished) and, with --revert or --complete, bring",
            "each to an end: revert puts back the objects it had written, complete writes the ones it had not. Each",
            "object is compared with the cluster first; one changed by someone else meanwhile is a conflict."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing interrupted, or listed, or recovered", "1:conflict or failure",
            "2:usage error or no --yes without a terminal"})
final class RecoverCommand implements Callable<Integer> {

    static final class Choice {
        @Option(names = "--revert", description = "Put back what the interrupted apply wrote.")
        boolean revert;

        @Option(names = "--complete", description = "Write what the interrupted apply had not written yet.")
        boolean complete;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @ArgGroup(exclusive = true)
    Choice choice;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<HistoryEntry> pending = new H2ChangeHistory(DataDirectory.resolve()).unfinished();
        if (pending.isEmpty()) {
            err.println("meshdeck recover: no interrupted apply");
            return 0;
        }
        int exit = 0;
        for (HistoryEntry entry : pending) {
            long written = entry.written().stream().filter(w -> w).count();
            spec.commandLine().getOut().println("change set " + entry.id() + " on " + entry.target().label() + " by " + entry.identity()
                    + " was interrupted after " + written + " of " + entry.changes().size() + " writes: "
                    + entry.changes().summary());
            if (choice == null) {
                continue;
            }
            Recovery.Choice how = choice.revert ? Recovery.Choice.REVERT : Recovery.Choice.COMPLETE;
            try (ChangeWiring wiring = ChangeWiring.forEntry(options, options.writePaths(), entry)) {
                Recovery recovery = new Recovery(wiring.pipeline());
                ChangeSet changes = recovery.plan(entry, how);
                int code = changes.isEmpty() ? 0
                        : wiring.apply(spec, options, changes, Recovery.request(entry, how), ChangeWiring.Mode.APPLY);
                if (code == 0) {
                    recovery.markRecovered(entry, how);
                    spec.commandLine().getOut().println("change set " + entry.id() + " recovered");
                }
                exit = Math.max(exit, code);
            }
        }
        if (choice == null) {
            err.println("meshdeck recover: pass --revert to put back what was written, or --complete to finish the writes");
        }
        return exit;
    }
}
