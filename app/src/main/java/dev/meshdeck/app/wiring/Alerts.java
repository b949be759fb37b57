package dev.meshdeck.app.wiring;

import dev.meshdeck.app.cli.TelemetryOptions;
import dev.meshdeck.connectors.prometheus.DirectPrometheus;
import dev.meshdeck.connectors.prometheus.PrometheusAlerts;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.monitoring.AlertSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alert sources the window polls beside telemetry, found as telemetry finds its Prometheus: the URL given with
 * {@code --prometheus} for a context, else the sandbox's own Prometheus (its rules evaluated in-process). A cluster
 * without a URL has none yet: reading its {@code istio-system/prometheus} through the API server is being added
 * with Alertmanager.
 */
public final class Alerts {

    private Alerts() {
    }

    public static List<AlertSource> resolve(Sources sources, TelemetryOptions options) {
        List<SourceRef.KubeContext> contexts = Telemetry.contexts(sources);
        Map<String, URI> urls = Telemetry.urlsByContext("--prometheus", "Prometheus", options.prometheus, contexts);
        List<AlertSource> result = new ArrayList<>();
        for (SourceRef.KubeContext context : contexts) {
            URI url = urls.get(context.context());
            if (url != null) {
                result.add(PrometheusAlerts.source(new DirectPrometheus(url)));
            } else {
                sources.sandbox().ifPresent(sandbox -> result.add(sandbox.alerts()));
            }
        }
        return result;
    }
}
