package dev.meshdeck.connectors.prometheus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A Prometheus-family daemon (Prometheus, Alertmanager) on a free 127.0.0.1 port, started in its own temporary
 * directory, ready once {@code /-/ready} answers 200; stopped by PID and its directory deleted.
 */
final class LocalDaemon implements AutoCloseable {

    private final String name;
    private final Path directory;
    private final Process process;
    private final URI url;

    private LocalDaemon(String name, Path directory, Process process, URI url) {
        this.name = name;
        this.directory = directory;
        this.process = process;
        this.url = url;
    }

    /**
     * @param command the command line for a port, writing into {@code directory} (which the daemon then owns)
     */
    static LocalDaemon start(String name, Path directory, IntFunction<List<String>> command) throws IOException, InterruptedException {
        int port = freePort();
        Process process = new ProcessBuilder(command.apply(port))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start();
        LocalDaemon daemon = new LocalDaemon(name, directory, process, URI.create("http://127.0.0.1:" + port));
        try {
            daemon.awaitReady();
            return daemon;
        } catch (IOException | InterruptedException | RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    URI url() {
        return url;
    }

    /** host:port, as a Prometheus configuration names a target. */
    String address() {
        return url.getHost() + ":" + url.getPort();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(directory.resolve(name + ".log")));
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
        throw new IllegalStateException(name + " not ready after 30 s: " + Files.readString(directory.resolve(name + ".log")));
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
