package dev.meshdeck.app.cli;

import picocli.CommandLine.Command;

@Command(name = "slo",
        mixinStandardHelpOptions = true,
        description = "Service-level objectives of functions, as Prometheus Operator rules over Istio's standard metrics.",
        subcommands = {SloSetCommand.class})
final class SloCommand {
}
