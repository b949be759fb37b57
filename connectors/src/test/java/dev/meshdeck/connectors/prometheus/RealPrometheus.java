package dev.meshdeck.connectors.prometheus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's prometheus binary on a free 127.0.0.1 port, scraping one target every second; stopped by PID. */
final class RealPrometheus implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Path directory;
    private final Process process;
    private final URI url;

    private RealPrometheus(Path directory, Process process, URI url) {
        this.directory = directory;
        this.process = process;
        this.url = url;
    }

    /** Starts Prometheus scraping {@code target} (host:port, path /metrics) and waits until it is ready. */
    static RealPrometheus scraping(String target) throws IOException, InterruptedException {
        return scraping(target, List.of());
    }

    /** The same, evaluating every second the rule files with these contents (Prometheus rule files, not CRDs). */
    static RealPrometheus scraping(String target, List<String> ruleFiles) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("meshdeck-prometheus-");
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < ruleFiles.size(); i++) {
            Path file = directory.resolve("rules-" + i + ".yml");
            Files.writeString(file, ruleFiles.get(i));
            rules.append(i == 0 ? "rule_files:\n" : "").append("  - ").append(file).append('\n');
        }
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, rules + """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: simulator
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        RealPrometheus prometheus = new RealPrometheus(directory, process, URI.create("http://127.0.0.1:" + port));
        try {
            prometheus.awaitReady();
            return prometheus;
        } catch (IOException | InterruptedException | RuntimeException e) {
            prometheus.close();
            throw e;
        }
    }

    URI url() {
        return url;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(directory.resolve("prometheus.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready after 30 s: " + Files.readString(directory.resolve("prometheus.log")));
    }

    /** Waits until {@code seconds} of scrapes are stored, so that a rate over that window is full. */
    void awaitScrapes(int seconds) throws Exception {
        DirectPrometheus api = new DirectPrometheus(url);
        Instant deadline = Instant.now().plusSeconds(seconds * 4L + 30);
        String query = "count_over_time(up{job=\"simulator\"}[" + (seconds + 5) + "s])";
        while (Instant.now().isBefore(deadline)) {
            var result = api.query(query);
            if (!result.isEmpty() && result.get(0).path("value").path(1).asDouble() >= seconds + 2) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("prometheus stored fewer than " + seconds + " s of scrapes in time");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
