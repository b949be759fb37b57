package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.GatewayException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Apply objects from files safely, all or nothing: validate, compare with the live objects, server dry run,",
            "show the diff, then (confirmed, or with --yes) journal, write each object with its resourceVersion as",
            "precondition (a Lambda alias with its RevisionId), read everything back and verify. If any write fails,",
            "the objects already written are restored and the outcome says what happened to each. An object someone",
            "changed meanwhile is a conflict, shown base/live/mine; nothing is overwritten. Recorded in `meshdeck history`."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied (or, with --dry-run, the server accepts it)",
            "1:findings, conflict, refusal, or a failed write (restored)", "2:usage error, unreadable input, or no --yes without a terminal"})
final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
            description = "YAML files, or directories of *.yaml/*.yml (repeatable).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--dry-run", description = "Check everything, the server's dry run included, and write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws GatewayException {
        return run(spec, options, files, dryRun ? ChangeWiring.Mode.DRY_RUN : ChangeWiring.Mode.APPLY);
    }

    /** What apply and diff share: read, plan, print the diff and findings, then (APPLY) confirm and write. */
    static int run(CommandSpec spec, ChangeOptions options, List<Path> files, ChangeWiring.Mode mode) throws GatewayException {
        PrintWriter err = spec.commandLine().getErr();
        ChangeSetFiles input;
        try {
            input = ChangeSetFiles.read(files);
        } catch (IOException e) {
            err.println("meshdeck " + spec.name() + ": cannot read " + e.getMessage() + ": check the path");
            return picocli.CommandLine.ExitCode.USAGE;
        }
        input.syntaxFindings.forEach(f -> err.println(f.toCompilerLine()));
        if (!input.syntaxFindings.isEmpty()) {
            return 1;
        }
        try (ChangeWiring wiring = ChangeWiring.connect(options, options.writePaths(), null, input.hasKubernetesObjects(), input.hasLambdaAliases())) {
            List<String> unchanged = new ArrayList<>();
            ChangeSet changes = input.against(wiring.pipeline().gateway(), unchanged);
            unchanged.forEach(u -> err.println("meshdeck " + spec.name() + ": unchanged " + u));
            if (changes.isEmpty()) {
                err.println("meshdeck " + spec.name() + ": nothing to change on " + wiring.pipeline().gateway().target().label());
                return 0;
            }
            return wiring.apply(spec, options, changes, ApplyRequest.apply(""), mode);
        }
    }
}
