package dev.meshdeck.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The `-o yaml` option of commands that print one candidate object (yaml is the only format, named for scripts). */
final class YamlOutput {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "yaml", description = "Output format (yaml).")
    String output;

    /** Anything but yaml is a usage error. */
    void require() {
        if (!output.equals("yaml")) {
            throw new ParameterException(spec.commandLine(), "unknown output format '" + output + "' (use yaml)");
        }
    }
}
