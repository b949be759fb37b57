package dev.meshdeck.core.monitoring;

import dev.meshdeck.core.telemetry.TelemetryException;
import java.util.List;

/**
 * A port to alerts being evaluated somewhere: a Prometheus ({@code /api/v1/alerts}), an Alertmanager, CloudWatch
 * alarms, the sandbox's rule evaluator. Connectors implement it; callers poll it off the UI thread, beside telemetry.
 */
public interface AlertSource {

    /** What the user reads next to an alert, e.g. "prometheus http://127.0.0.1:9090". Never holds a secret. */
    String name();

    /** The alerts pending or firing now (never the inactive ones). May block on the network. */
    List<ActiveAlert> read() throws TelemetryException;
}
