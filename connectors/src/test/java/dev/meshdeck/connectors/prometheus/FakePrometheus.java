package dev.meshdeck.connectors.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Prometheus query API on 127.0.0.1 that answers canned bodies per exact query, and records what it got. */
final class FakePrometheus implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    FakePrometheus() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            try (exchange) {
                String raw = exchange.getRequestURI().getRawQuery();
                String query = URLDecoder.decode(raw.substring("query=".length()), StandardCharsets.UTF_8);
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    authorizations.add(auth);
                }
                Answer answer = answers.getOrDefault(query, new Answer(200, vector("")));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    void answer(String query, int status, String body) {
        answers.put(query, new Answer(status, body));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A success answer with these samples (JSON objects joined by commas). */
    static String vector(String samples) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + samples + "]}}";
    }

    /** One sample: labels as alternating name, value. */
    static String sample(String value, String... labels) {
        StringBuilder b = new StringBuilder("{\"metric\":{");
        for (int i = 0; i < labels.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(labels[i]).append("\":\"").append(labels[i + 1]).append('"');
        }
        return b.append("},\"value\":[1717000000.123,\"").append(value).append("\"]}").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
