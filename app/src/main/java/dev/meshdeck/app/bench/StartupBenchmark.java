package dev.meshdeck.app.bench;

import dev.meshdeck.app.Main;
import dev.meshdeck.app.window.StartupTrace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "startup",
        mixinStandardHelpOptions = true,
        description = {
            "Start time of the window against `meshdeck --version` on the same machine. Each round starts new JVMs",
            "on this jar: `--version`, then `ui --view functions --screenshot F`, which prints when its first frame was",
            "shown, when the sources were wired, when the main window took the stage and when every source had answered.",
            "Needs a display (DISPLAY, e.g. Xvfb). Target: the ui run takes at most 3x `--version`. A first ui run, not",
            "counted, makes the window's class archive as any first start does (MESHDECK_CDS=off: none).",
            "--dump-cds writes a class-data-sharing archive of a ui run; --cds runs every JVM with one."
        })
final class StartupBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N", description = "Rounds; medians are printed (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--sandbox", description = "Open the window on the embedded sandbox even when a kubeconfig exists.")
    boolean sandbox;

    @Option(names = "--cds", paramLabel = "FILE.jsa", description = "Run every JVM with this AppCDS archive (-XX:SharedArchiveFile).")
    Path cds;

    @Option(names = "--dump-cds", paramLabel = "FILE.jsa",
            description = "Only write an AppCDS archive of the classes a ui run loads (-XX:ArchiveClassesAtExit), then exit.")
    Path dumpCds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("meshdeck-bench-startup-");
        try {
            if (dumpCds != null) {
                run(List.of("-XX:ArchiveClassesAtExit=" + dumpCds.toAbsolutePath()), ui(dir));
                out.println("AppCDS archive written to " + dumpCds + " (" + Files.size(dumpCds) / (1024 * 1024) + " MB)");
                return 0;
            }
            List<String> jvm = cds == null ? List.of() : List.of("-XX:SharedArchiveFile=" + cds.toAbsolutePath());
            double[] version = new double[rounds];
            double[] window = new double[rounds];
            double[] firstFrame = new double[rounds];
            double[] wired = new double[rounds];
            double[] shown = new double[rounds];
            double[] firstRows = new double[rounds];
            double[] listed = new double[rounds];
            // the first start of a jar records its class archive at its end; the others start from it
            run(jvm, ui(dir));
            for (int i = 0; i < rounds; i++) {
                version[i] = run(jvm, List.of("--version"));
                window[i] = run(jvm, ui(dir));
                Properties trace = new Properties();
                try (InputStream in = Files.newInputStream(dir.resolve("trace.properties"))) {
                    trace.load(in);
                }
                firstFrame[i] = seconds(trace, StartupTrace.FIRST_FRAME);
                wired[i] = seconds(trace, StartupTrace.WIRED);
                shown[i] = seconds(trace, StartupTrace.WINDOW);
                firstRows[i] = seconds(trace, StartupTrace.FIRST_ROWS);
                listed[i] = seconds(trace, StartupTrace.LISTED);
            }
            out.printf(Locale.ROOT, "%d rounds%s, medians:%n", rounds, cds == null ? "" : " with AppCDS " + cds);
            out.printf(Locale.ROOT, "  meshdeck --version              %6.2f s%n", median(version));
            out.printf(Locale.ROOT, "  ui: first frame                 %6.2f s%n", median(firstFrame));
            out.printf(Locale.ROOT, "  ui: sources wired, listing      %6.2f s%n", median(wired));
            out.printf(Locale.ROOT, "  ui: main window shown           %6.2f s%n", median(shown));
            out.printf(Locale.ROOT, "  ui: first rows in the table     %6.2f s%n", median(firstRows));
            out.printf(Locale.ROOT, "  ui: every source answered       %6.2f s%n", median(listed));
            out.printf(Locale.ROOT, "  ui --screenshot, whole run      %6.2f s  (%.1fx --version; target <= 3x)%n",
                    median(window), median(window) / median(version));
            return 0;
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private List<String> ui(Path dir) {
        List<String> args = new ArrayList<>(List.of("ui", "--view", "functions", "--screenshot", dir.resolve("shot.png").toString(),
                "--trace-startup", dir.resolve("trace.properties").toString()));
        if (sandbox) {
            args.add("--sandbox");
        }
        return args;
    }

    /** Runs this jar in a new JVM; its wall time in seconds. */
    private static double run(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " did not finish within 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("`meshdeck " + String.join(" ", args) + "` exited with " + process.exitValue()
                    + " (is DISPLAY set?)");
        }
        return seconds;
    }

    private static double seconds(Properties trace, String milestone) {
        return Long.parseLong(trace.getProperty(milestone)) / 1000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
