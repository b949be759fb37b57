package dev.meshdeck.app.cli;

import picocli.CommandLine.Option;

/** Which function a command acts on: {@code --function}, and {@code -n} when its name is not unique. */
class FunctionOptions {

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The function.")
    String function;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Its namespace, when the name is not unique.")
    String namespace;
}
