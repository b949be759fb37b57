package dev.meshdeck.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSeverity;
import dev.meshdeck.core.monitoring.FunctionSeries;
import dev.meshdeck.core.monitoring.FunctionSlo;
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
import org.junit.jupiter.api.Test;

/**
 * Debian's Prometheus loads the rules `slo set` generates, evaluates them over the traffic simulator's Istio
 * series, and MeshDeck reads the resulting alerts back from {@code /api/v1/alerts}, each on its function.
 */
class PrometheusAlertsTest {

    private static final String SCOPE = "kube:it";

    @Test
    void sloAlertsOverSimulatedTrafficFireOrWaitAndAreMappedToTheirFunctions() throws Exception {
        assumeTrue(Files.isExecutable(RealPrometheus.BINARY), "Debian's prometheus is not installed (apt-get install prometheus)");
        CallTarget.MeshHost gateway = new CallTarget.MeshHost("istio-system", "istio-ingressgateway");
        CallTarget.MeshHost orders = new CallTarget.MeshHost("shop", "orders");
        CallTarget.MeshHost web = new CallTarget.MeshHost("shop", "web");
        CallGraph graph = new CallGraph(1, 0, List.of(new CallGraph.Call(gateway, web, 10), new CallGraph.Call(web, orders, 20)),
                Map.of("default", new CallGraph.ServiceProfile(40, 0.5, 0.02, Map.of())));
        Routing routing = Routing.fixed(Map.of(
                gateway, List.of(new RoutedVersion(new ServiceRef(SCOPE, "istio-system", "istio-ingressgateway"),
                        "istio-ingressgateway", "latest", "istio-ingressgateway", 100)),
                web, List.of(new RoutedVersion(new ServiceRef(SCOPE, "shop", "web"), "web", "v1", "web-v1", 100)),
                orders, List.of(new RoutedVersion(new ServiceRef(SCOPE, "shop", "orders"), "orders", "v1", "orders-v1", 100))));
        TrafficSimulator simulator = new TrafficSimulator(graph, routing, SCOPE, Clock.systemUTC());
        // orders breaks its 1 ms p95 at once (for 0s: firing); web breaks a 2% error objective... for an hour (pending)
        String ordersRules = YamlRenderer.render(SloRules.prometheusRule(
                new FunctionSeries("shop", "orders", List.of("orders.shop.svc.cluster.local"), List.of("orders-v1")),
                new FunctionSlo(Optional.of(Duration.ofMillis(1)), Optional.empty(), Duration.ZERO, AlertSeverity.CRITICAL)).path("spec"));
        String webRules = YamlRenderer.render(SloRules.prometheusRule(
                new FunctionSeries("shop", "web", List.of("web.shop.svc.cluster.local"), List.of("web-v1")),
                new FunctionSlo(Optional.empty(), Optional.of(0.001), Duration.ofHours(1), AlertSeverity.WARNING)).path("spec"));
        try (MetricsEndpoint exporter = MetricsEndpoint.start(simulator::exposition, 0);
             RealPrometheus prometheus = RealPrometheus.scraping(exporter.url().getHost() + ":" + exporter.url().getPort(),
                     List.of(ordersRules, webRules))) {
            DirectPrometheus api = new DirectPrometheus(prometheus.url());
            List<ActiveAlert> alerts = List.of();
            Instant deadline = Instant.now().plusSeconds(120);
            while (alerts.size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                alerts = PrometheusAlerts.read(api);
            }
            assertThat(alerts).extracting(ActiveAlert::function, ActiveAlert::name, ActiveAlert::severity, ActiveAlert::state)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.api.Assertions.tuple(Optional.of("shop/orders"), SloRules.LATENCY_ALERT, "critical",
                                    ActiveAlert.State.FIRING),
                            org.assertj.core.api.Assertions.tuple(Optional.of("shop/web"), SloRules.ERROR_ALERT, "warning",
                                    ActiveAlert.State.PENDING));
            ActiveAlert latency = alerts.stream().filter(a -> a.name().equals(SloRules.LATENCY_ALERT)).findFirst().orElseThrow();
            assertThat(latency.value()).isGreaterThan(1);
            assertThat(latency.since()).isBefore(Instant.now());
            assertThat(latency.summary()).hasValueSatisfying(s -> assertThat(s).startsWith("p95 latency of shop/orders is "));
            assertThat(latency.source()).isEqualTo(prometheus.url().toString());
        }
    }
}
