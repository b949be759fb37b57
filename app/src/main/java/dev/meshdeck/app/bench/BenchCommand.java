package dev.meshdeck.app.bench;

import picocli.CommandLine.Command;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (performance targets live here, never in tests).",
        subcommands = {ValidationBenchmark.class, TopologyBenchmark.class, StartupBenchmark.class})
public final class BenchCommand {
}
