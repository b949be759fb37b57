package dev.meshdeck.connectors.prometheus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Debian's prometheus binary on a free 127.0.0.1 port, scraping one target every second; stopped by PID. */
final class RealPrometheus implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final LocalDaemon daemon;

    private RealPrometheus(LocalDaemon daemon) {
        this.daemon = daemon;
    }

    /** Starts Prometheus scraping {@code target} (host:port, path /metrics) and waits until it is ready. */
    static RealPrometheus scraping(String target) throws IOException, InterruptedException {
        return scraping(target, List.of());
    }

    /** The same, evaluating every second the rule files with these contents (Prometheus rule files, not CRDs). */
    static RealPrometheus scraping(String target, List<String> ruleFiles) throws IOException, InterruptedException {
        return scraping(target, ruleFiles, Optional.empty());
    }

    /** The same, sending the alerts that fire to the Alertmanager at {@code alertmanager} (host:port). */
    static RealPrometheus scraping(String target, List<String> ruleFiles, Optional<String> alertmanager)
            throws IOException, InterruptedException {
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
                """.formatted(target) + alertmanager.map("""
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                """::formatted).orElse(""));
        return new RealPrometheus(LocalDaemon.start("prometheus", directory, port -> List.of(BINARY.toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + directory.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)));
    }

    URI url() {
        return daemon.url();
    }

    /** Waits until {@code seconds} of scrapes are stored, so that a rate over that window is full. */
    void awaitScrapes(int seconds) throws Exception {
        DirectPrometheus api = new DirectPrometheus(url());
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
        daemon.close();
    }
}
