package dev.meshdeck.app.wiring;

import dev.meshdeck.app.cli.TelemetryOptions;
import dev.meshdeck.connectors.aws.LambdaTelemetry;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.prometheus.ClusterPrometheus;
import dev.meshdeck.connectors.prometheus.DirectPrometheus;
import dev.meshdeck.connectors.prometheus.PrometheusTelemetry;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.telemetry.TelemetrySource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telemetry sources for the resolved catalogs, one per cluster: the sandbox's traffic simulator, a
 * Prometheus URL given with {@code --prometheus}, or the cluster's own {@code istio-system/prometheus} reached
 * through the API server; and CloudWatch for the AWS regions scanned. Callers poll them off the UI thread and close
 * them.
 */
public final class Telemetry {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Telemetry() {
    }

    public static List<TelemetrySource> resolve(Sources sources, TelemetryOptions options) {
        List<SourceRef.KubeContext> contexts = contexts(sources);
        Map<String, URI> urls = urlsByContext("--prometheus", "Prometheus", options.prometheus, contexts);
        List<TelemetrySource> result = new ArrayList<>();
        for (SourceRef.KubeContext context : contexts) {
            URI url = urls.get(context.context());
            if (url != null) {
                result.add(new PrometheusTelemetry(context.id(), new DirectPrometheus(url)));
            } else if (sources.sandbox().isPresent()) {
                result.add(sources.sandbox().get().telemetry());
            } else {
                Kubeconfigs kubeconfigs = sources.kubeconfigs();
                result.add(new ClusterPrometheus(context.id(), context.context(), kubeconfigs.newClient(context.context()), TIMEOUT));
            }
        }
        // Lambda from CloudWatch, in the regions the window scans now (the picker may change them)
        result.add(new LambdaTelemetry(sources.aws()::settings));
        return result;
    }

    static List<SourceRef.KubeContext> contexts(Sources sources) {
        return sources.kube().sources().stream()
                .filter(SourceRef.KubeContext.class::isInstance)
                .map(SourceRef.KubeContext.class::cast)
                .toList();
    }

    /**
     * Reads {@code [CONTEXT=]URL} values; a bare URL belongs to the only context there is.
     *
     * @param option  the option they were given with, for messages
     * @param service what the URL points at ("Prometheus"), for messages
     */
    static Map<String, URI> urlsByContext(String option, String service, List<String> values, List<SourceRef.KubeContext> contexts) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            boolean named = eq > 0 && !value.substring(0, eq).contains("/");
            String context = named ? value.substring(0, eq) : null;
            URI url = url(option, service, named ? value.substring(eq + 1) : value);
            if (context == null) {
                if (contexts.size() != 1) {
                    throw new IllegalArgumentException(option + " " + value + ": there are " + contexts.size()
                            + " contexts; say which one with " + option + " CONTEXT=URL (contexts: " + names(contexts) + ")");
                }
                context = contexts.get(0).context();
            } else if (contexts.stream().noneMatch(c -> c.context().equals(value.substring(0, eq)))) {
                throw new IllegalArgumentException(option + " " + value + ": no context " + context
                        + " among " + names(contexts));
            }
            urls.put(context, url);
        }
        return urls;
    }

    static URI url(String option, String service, String text) {
        try {
            URI url = URI.create(text);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text + ": give " + service + "'s base URL, "
                    + "e.g. http://127.0.0.1:9090 (" + e.getMessage() + ")", e);
        }
    }

    private static String names(List<SourceRef.KubeContext> contexts) {
        return contexts.stream().map(SourceRef.KubeContext::context).toList().toString();
    }
}
