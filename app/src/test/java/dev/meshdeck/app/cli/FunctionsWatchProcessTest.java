package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #23's "done when", process against server: `meshdeck functions --watch -o json` on a sandbox API served apart
 * on a fixed port says stale within 5 s of the server stopping, connected within 20 s of its return on the same port
 * (with what changed meanwhile), and ends within 2 s of SIGTERM while its source is dead.
 */
class FunctionsWatchProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STARTUP_MILLIS = 90_000;
    private static final long STALE_WITHIN_MILLIS = 5_000;
    private static final long RECONNECTED_WITHIN_MILLIS = 20_000;

    private final List<KubeSandbox> servers = new ArrayList<>();
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private Process watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.destroyForcibly();
        }
        servers.forEach(KubeSandbox::close);
    }

    @Test
    void watchReportsStaleThenReconnectedWithTheChangesAndQuitsOnSigtermWhileTheSourceIsDead(@TempDir Path dir) throws Exception {
        KubeSandbox first = serve(0);
        int port = first.port();
        Path kubeconfig = first.writeKubeconfig(dir.resolve("kubeconfig"));
        watch = start(kubeconfig, Files.createDirectories(dir.resolve("home")), dir.resolve("watch.err"));

        await(l -> isSource(l, "connected"), STARTUP_MILLIS);
        assertThat(seen).as("the first lines are the current functions")
                .anyMatch(l -> l.path("event").asText().equals("added") && l.path("name").asText().equals("order-function"));

        first.close();
        JsonNode stale = await(l -> isSource(l, "stale") || isSource(l, "failed"), STALE_WITHIN_MILLIS);
        assertThat(stale.path("source").asText()).isEqualTo(KubeSandbox.CONTEXT);
        assertThat(stale.path("reason").asText()).contains("127.0.0.1:" + port);
        assertThat(stale.path("since").asText()).isNotEmpty();

        KubeSandbox second = serve(port);
        second.client().resources(VirtualService.class).inNamespace("serverless").withName("order-function").edit(vs -> {
            List<HTTPRouteDestination> route = vs.getSpec().getHttp().get(0).getRoute();
            route.get(0).setWeight(50);
            route.get(1).setWeight(50);
            return vs;
        });
        JsonNode back = await(l -> isSource(l, "connected"), RECONNECTED_WITHIN_MILLIS);
        assertThat(back.path("reason").asText()).startsWith("reconnected; ");
        // reported with the relist, just before the source line, or as a watch event after it
        Predicate<JsonNode> canary = l -> l.path("event").asText().equals("modified")
                && l.path("name").asText().equals("order-function") && l.at("/traffic/0/percent").asDouble() == 50.0;
        if (seen.stream().noneMatch(canary)) {
            await(canary, RECONNECTED_WITHIN_MILLIS);
        }

        second.close();
        await(l -> isSource(l, "stale") || isSource(l, "failed"), STALE_WITHIN_MILLIS);
        watch.destroy(); // SIGTERM
        assertThat(watch.waitFor(2, TimeUnit.SECONDS)).as("exits within 2 s of SIGTERM with its source dead").isTrue();
    }

    private KubeSandbox serve(int port) {
        KubeSandbox server = KubeSandbox.start(port);
        servers.add(server);
        server.preload(Estate.defaultEstate());
        return server;
    }

    private Process start(Path kubeconfig, Path home, Path stderr) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "functions", "--watch", "-o", "json"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("KUBECONFIG"));
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", home.toString());
        Process process = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(JSON.readTree(line));
                }
            } catch (Exception e) {
                // the process ended
            }
        }, "watch-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static boolean isSource(JsonNode line, String state) {
        return line.path("type").asText().equals("source") && line.path("state").asText().equals(state);
    }

    /** The next line matching {@code wanted} within {@code patienceMillis}; the lines before it are kept in {@link #seen}. */
    private JsonNode await(Predicate<JsonNode> wanted, long patienceMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patienceMillis;
        for (long left = patienceMillis; left > 0; left = deadline - System.currentTimeMillis()) {
            JsonNode line = lines.poll(left, TimeUnit.MILLISECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no line as expected within " + patienceMillis + " ms; lines so far: " + seen);
    }
}
