package dev.meshdeck.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSeverity;
import dev.meshdeck.core.monitoring.FunctionSeries;
import dev.meshdeck.core.monitoring.FunctionSlo;
import dev.meshdeck.core.monitoring.Silence;
import dev.meshdeck.core.monitoring.SilenceSpec;
import dev.meshdeck.core.monitoring.SloRules;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.yaml.YamlRenderer;
import dev.meshdeck.sandbox.traffic.CallGraph;
import dev.meshdeck.sandbox.traffic.CallTarget;
import dev.meshdeck.sandbox.traffic.MetricsEndpoint;
import dev.meshdeck.sandbox.traffic.RoutedVersion;
import dev.meshdeck.sandbox.traffic.Routing;
import dev.meshdeck.sandbox.traffic.TrafficSimulator;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 with real parts: Debian's Prometheus evaluates the rule `slo set` generates over the traffic
 * simulator's series and sends the firing alert to Debian's Alertmanager; MeshDeck reads it from both as one
 * alert with its receiver, silences it through Alertmanager (then the alert shows as silenced) and expires the
 * silence again.
 */
class RealAlertmanagerTest {

    private static final String SCOPE = "kube:it";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void aFiringSloAlertReachesAlertmanagerAndASilenceMadeByMeshDeckHoldsItBack() throws Exception {
        assumeTrue(Files.isExecutable(RealPrometheus.BINARY), "Debian's prometheus is not installed (apt-get install prometheus)");
        assumeTrue(Files.isExecutable(RealAlertmanager.BINARY),
                "Debian's Alertmanager is not installed (apt-get install prometheus-alertmanager)");
        CallTarget.MeshHost gateway = new CallTarget.MeshHost("istio-system", "istio-ingressgateway");
        CallTarget.MeshHost orders = new CallTarget.MeshHost("shop", "orders");
        CallGraph graph = new CallGraph(1, 0, List.of(new CallGraph.Call(gateway, orders, 20)),
                Map.of("default", new CallGraph.ServiceProfile(40, 0.5, 0.0, Map.of())));
        Routing routing = Routing.fixed(Map.of(
                gateway, List.of(new RoutedVersion(new ServiceRef(SCOPE, "istio-system", "istio-ingressgateway"),
                        "istio-ingressgateway", "latest", "istio-ingressgateway", 100)),
                orders, List.of(new RoutedVersion(new ServiceRef(SCOPE, "shop", "orders"), "orders", "v1", "orders-v1", 100))));
        TrafficSimulator simulator = new TrafficSimulator(graph, routing, SCOPE, Clock.systemUTC());
        // a 1 ms p95 objective that the simulated ~40 ms answers break at once; for 0s: firing at the first evaluation
        String rules = YamlRenderer.render(SloRules.prometheusRule(
                new FunctionSeries("shop", "orders", List.of("orders.shop.svc.cluster.local"), List.of("orders-v1")),
                new FunctionSlo(Optional.of(Duration.ofMillis(1)), Optional.empty(), Duration.ZERO, AlertSeverity.CRITICAL)).path("spec"));
        try (RealAlertmanager alertmanagerDaemon = RealAlertmanager.start();
             MetricsEndpoint exporter = MetricsEndpoint.start(simulator::exposition, 0);
             RealPrometheus prometheus = RealPrometheus.scraping(exporter.url().getHost() + ":" + exporter.url().getPort(),
                     List.of(rules), Optional.of(alertmanagerDaemon.address()))) {
            List<MonitoringEndpoint> evaluators = List.of(new DirectEndpoint(prometheus.url(), Duration.ofSeconds(10)));
            Alertmanager alertmanager = new Alertmanager(new DirectEndpoint(alertmanagerDaemon.url(), Duration.ofSeconds(10)));

            ActiveAlert routed = awaitAlert(evaluators, alertmanager, a -> a.alertmanager().isPresent());
            assertThat(routed.function()).hasValue("shop/orders");
            assertThat(routed.name()).isEqualTo(SloRules.LATENCY_ALERT);
            assertThat(routed.state()).isEqualTo(ActiveAlert.State.FIRING);
            assertThat(routed.source()).as("Prometheus' row, with its value").isEqualTo(prometheus.url().toString());
            assertThat(routed.value()).isGreaterThan(1);
            assertThat(routed.alertmanager().orElseThrow().receivers()).containsExactly(RealAlertmanager.RECEIVER);
            assertThat(routed.silenced()).isFalse();

            String id = alertmanager.silence(SilenceSpec.of(routed, Duration.ofHours(1), "sre@example.org",
                    "p95 objective under review", Instant.now()));
            ActiveAlert silenced = awaitAlert(evaluators, alertmanager, ActiveAlert::silenced);
            assertThat(silenced.alertmanager().orElseThrow().silencedBy()).containsExactly(id);
            assertThat(alertmanager.silences()).filteredOn(s -> s.id().equals(id)).singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo(Silence.Status.ACTIVE);
                assertThat(s.spec().createdBy()).isEqualTo("sre@example.org");
                assertThat(s.spec().matchers()).contains(new SilenceSpec.Matcher("function", "orders", false, true));
            });

            alertmanager.expire(id);
            awaitAlert(evaluators, alertmanager, a -> a.alertmanager().isPresent() && !a.silenced());
            assertThat(alertmanager.silences()).filteredOn(s -> s.id().equals(id)).singleElement()
                    .extracting(Silence::status).isEqualTo(Silence.Status.EXPIRED);
        }
    }

    /** Reads both as `meshdeck alerts` does until the function's alert satisfies {@code condition}. */
    private static ActiveAlert awaitAlert(List<MonitoringEndpoint> evaluators, Alertmanager alertmanager,
                                          Predicate<ActiveAlert> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        ClusterAlerts.Reading last = null;
        while (Instant.now().isBefore(deadline)) {
            last = new ClusterAlerts("real parts", evaluators, List.of(alertmanager)).readAll();
            Optional<ActiveAlert> alert = last.alerts().stream()
                    .filter(a -> a.function().equals(Optional.of("shop/orders")) && condition.test(a)).findFirst();
            if (alert.isPresent()) {
                assertThat(last.problems()).isEmpty();
                return alert.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no alert of shop/orders as expected within " + PATIENCE.toSeconds() + " s; last read: " + last);
    }
}
