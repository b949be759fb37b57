package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.telemetry.TelemetryException;

/** Prometheus' instant query API ({@code /api/v1/query}), reached directly or through the API server proxy. */
public sealed interface PrometheusApi permits DirectPrometheus, ApiServerProxyPrometheus {

    /** The {@code data.result} array of an instant query's answer. */
    JsonNode query(String promql) throws TelemetryException;

    /** Where the queries go, for the status bar and error messages. Never holds a secret. */
    String describe();
}
