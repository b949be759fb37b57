package dev.meshdeck.sandbox.traffic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Serves a text exposition on {@code http://127.0.0.1:<port>/metrics}, for a Prometheus to scrape. */
public final class MetricsEndpoint implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService workers;

    private MetricsEndpoint(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts on 127.0.0.1; {@code port} 0 picks a free one. */
    public static MetricsEndpoint start(Supplier<String> exposition, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService workers = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sandbox-metrics-http");
                t.setDaemon(true);
                return t;
            });
            server.createContext("/metrics", exchange -> serve(exchange, exposition));
            server.setExecutor(workers);
            server.start();
            return new MetricsEndpoint(server, workers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve sandbox metrics on 127.0.0.1:" + port
                    + " (port in use? pass 0 for a free port)", e);
        }
    }

    private static void serve(HttpExchange exchange, Supplier<String> exposition) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** {@code http://127.0.0.1:<port>/metrics} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
