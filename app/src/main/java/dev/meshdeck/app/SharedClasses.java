package dev.meshdeck.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a command in a JVM that maps its classes from an AppCDS archive. Loading the classes of the 80 MB jar is
 * the largest part of a start, and Java 17 has no {@code -XX:+AutoCreateSharedArchive} and a jar no place for JVM
 * options, so the jar's launcher does it: the first run of a jar records the classes it loaded when it ends
 * ({@code -XX:ArchiveClassesAtExit}), the next ones start from that archive ({@code -XX:SharedArchiveFile}); the
 * window and the headless commands keep one archive each. A one-off headless command also runs on the JIT's quick
 * tier only ({@code -XX:TieredStopAtLevel=1}): it ends before the optimising compiler's work would pay back, which
 * took about half of a large listing's CPU; and with the serial garbage collector. The archives live in the user's
 * cache directory, named after the jar's size and time and the Java version, so a new build or JVM makes new ones
 * (and the JVM itself refuses a mismatched one). {@code MESHDECK_CDS=off} turns it off; so does any class-data option given to the JVM by hand.
 */
final class SharedClasses {

    static final String SETTING = "MESHDECK_CDS";
    private static final Set<String> QUICK_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    /** Benchmarks measure the JVM as it is given; the sandbox is a server that others stop by its process id. */
    private static final Set<String> OWN_JVM = Set.of("bench", "help", "sandbox");
    /** The launching JVM's process id, given to the command's JVM: it ends when its launcher is gone. */
    static final String LAUNCHER = "meshdeck.launcher";

    /** The command's JVM: its command line, and the archive it writes at its end (null when it reads one). */
    record Plan(List<String> command, Path archive, Path recording, String build) {
    }

    private SharedClasses() {
    }

    /**
     * How to start the command from an archive, or empty when this JVM should run {@code args} itself: a quick
     * option (--version, --help), a benchmark, not a jar, switched off, or class-data options given by hand.
     *
     * @param jvmOptions this JVM's own options, passed on
     * @param cache      the user's cache directory
     */
    static Optional<Plan> plan(List<String> args, Map<String, String> env, String classPath, Path javaHome,
                               List<String> jvmOptions, Path cache, String javaVersion) throws IOException {
        boolean window = args.isEmpty() || args.get(0).equals("ui");
        Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (args.stream().anyMatch(QUICK_OPTIONS::contains) || (!args.isEmpty() && OWN_JVM.contains(args.get(0)))
                || "off".equalsIgnoreCase(env.getOrDefault(SETTING, "")) || !classPath.endsWith(".jar")
                || classPath.contains(File.pathSeparator) || !Files.isExecutable(java)
                || jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")
                        || o.startsWith("-Xshare"))) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path dir = cache.resolve("cds");
        String build = "meshdeck-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-java"
                + javaVersion.replaceAll("[^A-Za-z0-9.]", "_") + "-";
        Path archive = dir.resolve(build + (window ? "window" : "cli") + ".jsa");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        boolean oneOff = !window && !args.contains("--watch") && !args.contains("-w")
                && !(args.get(0).equals("canary") && args.size() > 1 && List.of("start", "resume").contains(args.get(1)));
        if (oneOff && jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        // G1's young collections copied a large listing's records again and again on both cores (1.3 s of pauses
        // in an 11 s run): the serial collector, on one thread, costs a one-off command less CPU and memory
        if (oneOff && jvmOptions.stream().noneMatch(o -> o.matches("-XX:[+-]Use\\w+GC"))) {
            command.add("-XX:+UseSerialGC");
        }
        Path recording = null;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            Files.createDirectories(dir);
            recording = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            // the dump's notes on classes it skips are not for the user's terminal
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.add("-D" + LAUNCHER + "=" + ProcessHandle.current().pid());
        command.addAll(List.of("-cp", jar.toString(), Main.class.getName()));
        command.addAll(args);
        return Optional.of(new Plan(command, archive, recording, build));
    }

    /**
     * Runs the plan's JVM with this one's terminal and returns its exit code. A signal to this JVM ends that one
     * too; a recorded archive replaces older ones.
     */
    static int run(Plan plan) throws IOException, InterruptedException {
        Process window = new ProcessBuilder(plan.command()).inheritIO().start();
        // a signalled JVM runs its hooks and halts: the main thread below would never get to keep the recording
        Thread stop = new Thread(() -> {
            window.destroy();
            try {
                window.waitFor();
                keep(plan);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "meshdeck-window-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = window.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            return exit; // signalled: the hook ends the window and keeps what it recorded
        }
        keep(plan);
        return exit;
    }

    /**
     * In a command's JVM started by {@link #run}: ends it (its shutdown hooks run) when the launching JVM is gone,
     * killed without the chance to stop it, so no window or watch outlives its launcher.
     */
    static void followLauncher() {
        String launcher = System.getProperty(LAUNCHER);
        if (launcher != null) {
            ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(143)), () -> System.exit(143));
        }
    }

    /** Puts a finished recording in place; drops an empty one, older builds' archives and stale recordings. */
    private static synchronized void keep(Plan plan) {
        Path recording = plan.recording();
        if (recording == null) {
            return;
        }
        try {
            if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
                Files.deleteIfExists(recording);
                return;
            }
            String archive = plan.archive().getFileName().toString();
            try (Stream<Path> old = Files.list(recording.getParent())) {
                for (Path p : old.filter(p -> !p.equals(recording)).toList()) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(plan.build()) || name.startsWith(archive + ".")) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Files.move(recording, plan.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // only the next start's speed is at stake
            System.err.println("meshdeck: cannot keep the class archive " + plan.archive() + ": " + e.getMessage());
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
