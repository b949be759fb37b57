package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which monitors scrape a function and which rules select its series, on the sandbox's (fixed) seed monitoring. */
class FunctionMonitoringTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final FunctionSeries ORDERS = new FunctionSeries("serverless", "order-function",
            List.of("order-function.serverless.svc.cluster.local"), List.of("order-function-v1"));

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final JsonNode SERVICE = yaml("""
            {apiVersion: v1, kind: Service, metadata: {name: order-function, namespace: serverless,
             labels: {app: order-function, app.kubernetes.io/part-of: shop}}}""");
    private static final JsonNode POD = yaml("""
            {apiVersion: v1, kind: Pod, metadata: {name: order-function-v1-abc, namespace: serverless, labels: {app: order-function}}}""");

    private static JsonNode serviceMonitor(String name, String namespace, String namespaceSelector) {
        return yaml("""
                {apiVersion: monitoring.coreos.com/v1, kind: ServiceMonitor, metadata: {name: %s, namespace: %s},
                 spec: {%s selector: {matchExpressions: [{key: app.kubernetes.io/part-of, operator: Exists}]}}}"""
                .formatted(name, namespace, namespaceSelector));
    }

    private static JsonNode rules(String name, String expr) {
        return yaml("""
                {apiVersion: monitoring.coreos.com/v1, kind: PrometheusRule, metadata: {name: %s, namespace: istio-system},
                 spec: {groups: [{name: g, rules: [{alert: A, expr: '%s'}]}]}}""".formatted(name, expr));
    }

    @Test
    void aServiceMonitorScrapesTheFunctionOnlyWhenItsNamespaceSelectorReachesIt() {
        FunctionMonitoring m = FunctionMonitoring.of(ORDERS, List.of(SERVICE, POD), List.of(
                serviceMonitor("serverless-functions", "istio-system", "namespaceSelector: {matchNames: [serverless]},"),
                serviceMonitor("seed-without-namespace-selector", "monitoring", ""),
                serviceMonitor("everywhere", "monitoring", "namespaceSelector: {any: true},"),
                yaml("""
                        {apiVersion: monitoring.coreos.com/v1, kind: PodMonitor, metadata: {name: pods, namespace: serverless},
                         spec: {selector: {matchLabels: {app: order-function}}}}""")), List.of());
        assertThat(m.monitors()).extracting(FunctionMonitoring.Monitor::name, FunctionMonitoring.Monitor::targets).containsExactly(
                org.assertj.core.api.Assertions.tuple("serverless-functions", List.of("serverless/order-function")),
                org.assertj.core.api.Assertions.tuple("everywhere", List.of("serverless/order-function")),
                org.assertj.core.api.Assertions.tuple("pods", List.of("serverless/order-function-v1-abc")));
    }

    @Test
    void rulesSelectTheFunctionByItsDestinationValuesThroughTheParseTree() {
        FunctionMonitoring m = FunctionMonitoring.of(ORDERS, List.of(SERVICE), List.of(), List.of(
                rules("fixed-seed", "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket"
                        + "{destination_service=~\".*.serverless.svc.cluster.local\"}[5m])) by (le)) > 1000"),
                rules("other-namespace", "rate(istio_requests_total{destination_service=~\".*.payments.svc.cluster.local\"}[5m]) > 1"),
                rules("by-workload", "rate(istio_requests_total{destination_workload=\"order-function-v1\",destination_workload_namespace=\"serverless\"}[5m]) > 1"),
                rules("workload-elsewhere", "rate(istio_requests_total{destination_workload=\"order-function-v1\",destination_workload_namespace=\"dr\"}[5m]) > 1"),
                rules("not-about-functions", "up == 0"),
                rules("seed-glob", "rate(istio_requests_total{destination_service=~\"*.serverless.svc.cluster.local\"}[5m]) > 1"),
                rules("two-selectors", "rate(a{destination_service=\"x.y.svc.cluster.local\"}[1m]) / rate(b{destination_workload=\"order-function-v1\"}[1m])")));
        assertThat(m.rules()).extracting(FunctionMonitoring.Rule::resource)
                .containsExactly("fixed-seed", "by-workload", "two-selectors");
        assertThat(m.rules().get(2).selectors()).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("b{destination_workload=\"order-function-v1\"}"));
    }

    @Test
    void sloSetsOwnAlertsSelectTheFunctionByItsFunctionAndNamespaceLabels() {
        JsonNode slo = SloRules.prometheusRule(ORDERS,
                new FunctionSlo(Optional.of(Duration.ofSeconds(1)), Optional.of(0.01), Duration.ofMinutes(5), AlertSeverity.WARNING));
        FunctionMonitoring m = FunctionMonitoring.of(ORDERS, List.of(), List.of(), List.of(slo));
        assertThat(m.rules()).extracting(FunctionMonitoring.Rule::name).containsExactly(SloRules.P95_RECORD, SloRules.LATENCY_ALERT,
                SloRules.ERROR_RATIO_RECORD, SloRules.ERROR_ALERT);
        FunctionSeries payments = new FunctionSeries("payments", "payment-function", List.of("payment-function.payments.svc.cluster.local"), List.of());
        assertThat(FunctionMonitoring.of(payments, List.of(), List.of(), List.of(slo)).rules()).isEmpty();
    }
}
