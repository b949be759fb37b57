package dev.meshdeck.connectors.kube;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A plain-HTTP API server in front of a mock one that holds back the answers to chosen requests until the test lets
 * them go, or sends them slowly, each on its own thread, while everything else passes (the mock server answers on one
 * event loop, so it cannot hold one answer back without holding them all). Watches stay open and silent.
 */
final class HoldingProxy implements AutoCloseable {

    private static final int PIECES = 40;

    private final String target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "holding-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, Duration> trickled = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    /** @param target the mock server's URL, plain HTTP */
    HoldingProxy(String target) {
        this.target = target.replaceAll("/+$", "");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests whose path (with its query) starts with {@code prefix} wait until the returned latch counts down. */
    CountDownLatch hold(String prefix) {
        return held.computeIfAbsent(prefix, p -> new CountDownLatch(1));
    }

    /** Answers to requests whose path starts with {@code prefix} are sent in {@value #PIECES} pieces over {@code time}. */
    void trickle(String prefix, Duration time) {
        trickled.put(prefix, time);
    }

    private void forward(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        if (exchange.getRequestHeaders().containsKey("Upgrade")) {
            // no WebSocket here: 503 makes fabric8 watch over plain HTTP instead
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        try {
            if (path.contains("watch=true")) {
                // a watch on which nothing happens: not one byte until the proxy closes
                closing.await();
                return;
            }
            for (Map.Entry<String, CountDownLatch> hold : held.entrySet()) {
                if (path.startsWith(hold.getKey())) {
                    hold.getValue().await(60, TimeUnit.SECONDS);
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            exchange.sendResponseHeaders(response.statusCode(), 0); // chunked: a watch streams
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                Duration time = trickled.entrySet().stream().filter(t -> path.startsWith(t.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (time != null) {
                    trickle(in.readAllBytes(), out, time);
                }
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void trickle(byte[] body, OutputStream out, Duration time) throws IOException, InterruptedException {
        for (int i = 0; i < PIECES; i++) {
            out.write(body, body.length * i / PIECES, body.length * (i + 1) / PIECES - body.length * i / PIECES);
            out.flush();
            Thread.sleep(time.toMillis() / PIECES);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }
}
