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
 * Runs the window in a JVM that maps its classes from an AppCDS archive. Loading the classes of the 80 MB jar is
 * the largest part of the window's start, and Java 17 has no {@code -XX:+AutoCreateSharedArchive} and a jar no
 * place for JVM options, so the jar's launcher does it: the first window run of a jar records the classes it
 * loaded when it ends ({@code -XX:ArchiveClassesAtExit}), the next ones start from that archive
 * ({@code -XX:SharedArchiveFile}). The archive lives in the user's cache directory, named after the jar's size and
 * time and the Java version, so a new build or JVM makes a new one (and the JVM itself refuses a mismatched one).
 * {@code MESHDECK_CDS=off} turns it off; so does any class-data option given to the JVM by hand.
 */
final class SharedClasses {

    static final String SETTING = "MESHDECK_CDS";
    private static final Set<String> QUICK_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /** The window's JVM: its command line, and the archive it writes at its end (null when it reads one). */
    record Plan(List<String> command, Path archive, Path recording) {
    }

    private SharedClasses() {
    }

    /**
     * How to start the window from an archive, or empty when this JVM should run {@code args} itself: not the
     * window, not a jar, switched off, or class-data options given by hand.
     *
     * @param jvmOptions this JVM's own options, passed on
     * @param cache      the user's cache directory
     */
    static Optional<Plan> plan(List<String> args, Map<String, String> env, String classPath, Path javaHome,
                               List<String> jvmOptions, Path cache, String javaVersion) throws IOException {
        boolean window = args.isEmpty() || (args.get(0).equals("ui") && args.stream().noneMatch(QUICK_OPTIONS::contains));
        Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!window || "off".equalsIgnoreCase(env.getOrDefault(SETTING, "")) || !classPath.endsWith(".jar")
                || classPath.contains(File.pathSeparator) || !Files.isExecutable(java)
                || jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")
                        || o.startsWith("-Xshare"))) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path dir = cache.resolve("cds");
        Path archive = dir.resolve("meshdeck-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-java"
                + javaVersion.replaceAll("[^A-Za-z0-9.]", "_") + ".jsa");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        Path recording = null;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            Files.createDirectories(dir);
            recording = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            // the dump's notes on classes it skips are not for the user's terminal
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(List.of("-cp", jar.toString(), Main.class.getName()));
        command.addAll(args);
        return Optional.of(new Plan(command, archive, recording));
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

    /** Puts a finished recording in place of the older archives and recordings; drops an empty one. */
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
            try (Stream<Path> old = Files.list(recording.getParent())) {
                for (Path p : old.filter(p -> !p.equals(recording) && p.getFileName().toString().startsWith("meshdeck-")).toList()) {
                    Files.deleteIfExists(p);
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
