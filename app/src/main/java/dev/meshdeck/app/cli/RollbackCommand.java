package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.history.HistoryEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Undo a change set of `meshdeck history`: a new change set from each object's recorded after state back",
            "to its before state, through the same pipeline (validated, dry-run, conflict-checked, all or nothing).",
            "An object changed since is a conflict, never overwritten. Writes to the change set's own context."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rolled back", "1:conflict, refusal or failure (restored)", "2:usage error or no --yes without a terminal"})
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Parameters(paramLabel = "ID", description = "The change set to undo (see `meshdeck history`).")
    long id;

    @Override
    public Integer call() {
        HistoryEntry entry = new H2ChangeHistory(DataDirectory.resolve()).entry(id).orElseThrow(() ->
                new IllegalArgumentException("no change set " + id + " in the history (see `meshdeck history`)"));
        try (ChangeWiring wiring = ChangeWiring.forEntry(options, options.writePaths(), entry)) {
            return wiring.apply(spec, options, Rollbacks.of(entry), Rollbacks.request(entry, null), ChangeWiring.Mode.APPLY);
        }
    }
}
