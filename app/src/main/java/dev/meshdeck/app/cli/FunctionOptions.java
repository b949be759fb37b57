package dev.meshdeck.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** Which function a command acts on: {@code --function}, and {@code -n} when its name is not unique. */
class FunctionOptions {

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The function.")
    String function;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Its namespace, when the name is not unique.")
    String namespace;

    /**
     * Makes --function optional, for a command that also works without it (picocli checks a parent's required options
     * before it runs a subcommand, and a command may act on a whole namespace instead): the command checks it itself.
     */
    static final class FunctionNotRequired implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec function = spec.findOption("--function");
            spec.remove(function);
            spec.addOption(function.toBuilder().required(false).build());
            return spec;
        }
    }
}
