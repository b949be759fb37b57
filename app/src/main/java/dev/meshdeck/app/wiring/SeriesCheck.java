package dev.meshdeck.app.wiring;

import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.prometheus.ApiServerProxyPrometheus;
import dev.meshdeck.connectors.prometheus.DirectEndpoint;
import dev.meshdeck.connectors.prometheus.MonitoringEndpoint;
import dev.meshdeck.connectors.prometheus.PrometheusSeriesCount;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.validation.rules.monitoring.RuleSelectsNoSeries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code validate --context}'s check against the context's Prometheus (MD0808): the candidate rules' selectors aimed
 * at a function counted there. Skipped, with a note, when there is no Prometheus to ask.
 */
public final class SeriesCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SeriesCheck() {
    }

    /**
     * @param prometheus the URL given for the context's Prometheus; else its istio-system/prometheus Service is asked
     * @param note       where to say that the check was skipped, and why
     */
    public static List<Finding> check(Kubeconfigs kubeconfigs, String context, Optional<URI> prometheus, List<Resource> candidates,
                                      Consumer<String> note) {
        if (candidates.stream().noneMatch(r -> r.kind().equals("PrometheusRule"))) {
            return List.of();
        }
        try (KubernetesClient client = kubeconfigs.newClient(context)) {
            Optional<MonitoringEndpoint> endpoint = prometheus.<MonitoringEndpoint>map(url -> new DirectEndpoint(url, TIMEOUT))
                    .or(() -> ApiServerProxyPrometheus.endpoint(client, TIMEOUT).map(MonitoringEndpoint.class::cast));
            if (endpoint.isEmpty()) {
                note.accept(RuleSelectsNoSeries.INFO.code() + " not checked: context " + context + " has no Service "
                        + ApiServerProxyPrometheus.NAMESPACE + "/" + ApiServerProxyPrometheus.SERVICE + " (give --prometheus URL)");
                return List.of();
            }
            PrometheusSeriesCount counts = new PrometheusSeriesCount(endpoint.get());
            List<Finding> findings = new Validator(List.of(new RuleSelectsNoSeries(counts))).validate(new ValidationContext(candidates, true));
            counts.failure().ifPresent(f -> note.accept(RuleSelectsNoSeries.INFO.code() + " not fully checked: " + f));
            return findings;
        } catch (KubernetesClientException e) {
            note.accept(RuleSelectsNoSeries.INFO.code() + " not checked: cannot look for Prometheus in context " + context + ": "
                    + e.getMessage());
            return List.of();
        }
    }
}
