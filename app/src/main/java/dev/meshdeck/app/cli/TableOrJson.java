package dev.meshdeck.app.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The `-o table|json` option of commands that print rows. */
final class TableOrJson {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "table|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String output;

    /** True for json, false for table; anything else is a usage error. */
    boolean json() {
        if (!List.of("table", "json").contains(output)) {
            throw new ParameterException(spec.commandLine(), "unknown output format '" + output + "' (use table or json)");
        }
        return output.equals("json");
    }
}
