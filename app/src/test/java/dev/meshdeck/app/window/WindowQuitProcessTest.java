package dev.meshdeck.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.Main;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #23's quitting, process against server: the window (headless, on Monocle) open on a context whose API server
 * has stopped still ends on SIGTERM. How fast is measured by hand (README); here only that it ends, with a generous
 * patience, since a loaded machine stretches any time.
 */
class WindowQuitProcessTest {

    private static final long STARTUP_MILLIS = 120_000;
    private static final long STALE_MILLIS = 60_000;
    private static final long EXIT_SECONDS = 60;

    private KubeSandbox server;
    private Process window;

    @AfterEach
    void stop() {
        if (window != null) {
            window.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWindowEndsOnSigtermWhileItsContextIsNotAnswering(@TempDir Path dir) throws Exception {
        server = KubeSandbox.start(0);
        server.preload(Estate.defaultEstate());
        Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));
        Path trace = dir.resolve("startup.json");
        Path stderr = dir.resolve("window.err");
        window = start(kubeconfig, dir, trace, stderr);

        awaitText(trace, t -> t.contains("listedMillis"), STARTUP_MILLIS, "every source listed");
        server.close();
        server = null;
        awaitText(stderr, t -> t.contains("marked stale, until it answers"), STALE_MILLIS, "the context stale");

        window.destroy(); // SIGTERM
        assertThat(window.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as("the window's process ends on SIGTERM; its stderr:\n"
                + Files.readString(stderr, StandardCharsets.UTF_8)).isTrue();
    }

    private static Process start(Path kubeconfig, Path dir, Path trace, Path stderr) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ui", "--kubeconfig", kubeconfig.toString(), "--trace-startup", trace.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("KUBECONFIG"));
        pb.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        pb.environment().put(DataDirectory.VARIABLE, dir.resolve("data").toString());
        return pb.start();
    }

    /** Waits until {@code file} holds what {@code ready} wants; fails naming {@code what} when the patience runs out. */
    private void awaitText(Path file, Predicate<String> ready, long patienceMillis, String what) throws Exception {
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file) && ready.test(Files.readString(file, StandardCharsets.UTF_8))) {
                return;
            }
            if (!window.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not seen: " + what + " (window " + (window.isAlive() ? "running" : "ended")
                + "); " + file.getFileName() + (Files.exists(file) ? ":\n" + Files.readString(file, StandardCharsets.UTF_8) : " absent"));
    }
}
