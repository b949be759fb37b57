package dev.meshdeck.app.cli;

import picocli.CommandLine.Command;

@Command(name = "traffic",
        mixinStandardHelpOptions = true,
        description = "Traffic splits of functions on any platform (the canary slider, headless) and observed traffic.",
        subcommands = {TrafficSetCommand.class, TrafficTopCommand.class})
final class TrafficCommand {
}
