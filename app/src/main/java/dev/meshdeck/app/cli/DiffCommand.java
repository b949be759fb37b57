package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.core.changes.GatewayException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Show what `meshdeck apply` would change: a unified diff per object against the live one (server-owned",
            "fields left out), after validation, the conflict check and the server's dry run. Writes nothing."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:diff printed", "1:findings or refusal", "2:usage error or unreadable input"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
            description = "YAML files, or directories of *.yaml/*.yml (repeatable).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws GatewayException {
        return ApplyCommand.run(spec, options, files, ChangeWiring.Mode.DIFF);
    }
}
