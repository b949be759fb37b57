package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's sandbox flow as a user runs it, process against process: `meshdeck sandbox --env-out F`,
 * `source F`, then kubectl and `meshdeck functions` in another shell.
 */
class SandboxProcessTest {

    private Process sandbox;

    @AfterEach
    void stop() throws InterruptedException {
        if (sandbox != null) {
            sandbox.destroy(); // SIGTERM: the shutdown hook stops both control planes
            assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).as("sandbox stops on SIGTERM").isTrue();
        }
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Reads the export lines of an env file as `source` would set them. */
    private static Map<String, String> exports(Path envFile) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            String assignment = line.substring("export ".length());
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1).replaceAll("^'|'$", ""));
        }
        return env;
    }

    private static String run(Map<String, String> env, Path home, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("KUBECONFIG"));
        pb.environment().putAll(env);
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s failed: %s", command, err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void envFileMakesKubectlAndMeshdeckSeeTheSandbox(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("sandbox.env");
        Path home = Files.createDirectories(dir.resolve("home"));
        sandbox = new ProcessBuilder(java("sandbox", "--env-out", envFile.toString()))
                .redirectOutput(dir.resolve("sandbox.out").toFile())
                .redirectError(dir.resolve("sandbox.err").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(envFile) && sandbox.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(envFile).as(Files.readString(dir.resolve("sandbox.err"))).exists();
        Map<String, String> env = exports(envFile);
        assertThat(env).containsKeys("KUBECONFIG", "AWS_ENDPOINT_URL_LAMBDA", "AWS_REGION", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY");

        String vs = run(env, home, List.of("kubectl", "get", "virtualservices.networking.istio.io", "-A"));
        assertThat(vs).contains("serverless").contains("order-function").contains("payment-function");

        JsonNode rows = new ObjectMapper().readTree(run(env, home, java("functions", "-o", "json")));
        List<String> platforms = new ArrayList<>();
        rows.forEach(r -> platforms.add(r.get("platform").asText()));
        assertThat(platforms).contains("knative", "openfaas", "kubeless", "kubernetes", "lambda", "cloudrun");
        assertThat(rows.size()).isEqualTo(21);
    }
}
