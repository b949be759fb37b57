package dev.meshdeck.connectors.prometheus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Alertmanager on a free 127.0.0.1 port, alone (no cluster gossip), routing every alert to one receiver
 * that notifies nowhere; stopped by PID.
 */
final class RealAlertmanager implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final String RECEIVER = "on-call";

    private final LocalDaemon daemon;

    private RealAlertmanager(LocalDaemon daemon) {
        this.daemon = daemon;
    }

    static RealAlertmanager start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("meshdeck-alertmanager-");
        Path config = directory.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: %s
                  group_wait: 0s
                  group_interval: 1s
                receivers:
                  - name: %s
                """.formatted(RECEIVER, RECEIVER));
        return new RealAlertmanager(LocalDaemon.start("alertmanager", directory, port -> List.of(BINARY.toString(),
                "--config.file=" + config, "--storage.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")));
    }

    URI url() {
        return daemon.url();
    }

    /** host:port, for Prometheus' alerting configuration. */
    String address() {
        return daemon.address();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        daemon.close();
    }
}
