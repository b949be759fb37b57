package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A Prometheus at a URL, queried with the JDK's HTTP client. An optional {@code Authorization} value (a bearer
 * token for a Prometheus behind a gateway) is sent with each query and never shown.
 */
public final class DirectPrometheus implements PrometheusApi {

    private final URI base;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param base          e.g. {@code http://prometheus.istio-system:9090} (a path prefix is kept)
     * @param authorization value of the Authorization header, or empty
     */
    public DirectPrometheus(URI base, Optional<String> authorization, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public DirectPrometheus(URI base) {
        this(base, Optional.empty(), Duration.ofSeconds(10));
    }

    @Override
    public JsonNode query(String promql) throws TelemetryException {
        return get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), "query: " + promql).path("result");
    }

    /** The {@code data.alerts} of {@code /api/v1/alerts}: every alert now pending or firing. */
    public JsonNode alerts() throws TelemetryException {
        return get("api/v1/alerts", "alerts").path("alerts");
    }

    /** The {@code data} of an API answer; {@code what} names the request in errors. */
    private JsonNode get(String path, String what) throws TelemetryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json").GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return PrometheusAnswer.data(describe(), what, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new TelemetryException("cannot reach Prometheus " + describe() + ": " + describe(e)
                    + "; check the URL and that Prometheus is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException("interrupted while querying Prometheus " + describe(), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    @Override
    public String describe() {
        String text = base.toString();
        return text.substring(0, text.length() - 1);
    }
}
