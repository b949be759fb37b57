package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MergedAlertsTest {

    private static final Instant SINCE = Instant.parse("2026-12-08T01:00:00Z");
    private static final Map<String, String> ORDERS = Map.of("alertname", "FunctionLatencySloBreached", "function", "orders",
            "namespace", "shop", "severity", "warning");

    private static ActiveAlert evaluated(Map<String, String> labels) {
        return new ActiveAlert("http://prometheus", ActiveAlert.functionOf(labels), labels.get("alertname"), "warning",
                ActiveAlert.State.FIRING, SINCE, 1200, labels, Optional.empty());
    }

    private static ActiveAlert routed(Map<String, String> labels, String silence) {
        return new ActiveAlert("http://alertmanager", ActiveAlert.functionOf(labels), labels.get("alertname"), "warning",
                ActiveAlert.State.FIRING, SINCE, Double.NaN, labels, Optional.empty(),
                Optional.of(new AlertmanagerState("http://alertmanager", List.of("on-call"), List.of(silence), List.of())));
    }

    @Test
    void anAlertWithTheSameLabelsOrMoreIsOneRowWithPrometheusValueAndAlertmanagersSilence() {
        Map<String, String> withExternalLabels = new java.util.HashMap<>(ORDERS);
        withExternalLabels.put("cluster", "prod");
        List<ActiveAlert> merged = MergedAlerts.merge(List.of(evaluated(ORDERS)), List.of(routed(withExternalLabels, "s-1")));
        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo("http://prometheus");
            assertThat(a.value()).isEqualTo(1200);
            assertThat(a.silenced()).isTrue();
            assertThat(a.alertmanager().orElseThrow().receivers()).containsExactly("on-call");
        });
    }

    @Test
    void theExactMatchWinsOverOneWithExtraLabelsAndUnmatchedRoutedAlertsAreKept() {
        Map<String, String> payments = Map.of("alertname", "FunctionLatencySloBreached", "function", "payments", "namespace", "shop");
        Map<String, String> ordersElsewhere = new java.util.HashMap<>(ORDERS);
        ordersElsewhere.put("cluster", "dr");
        List<ActiveAlert> merged = MergedAlerts.merge(List.of(evaluated(ORDERS)),
                List.of(routed(ordersElsewhere, "s-dr"), routed(ORDERS, "s-exact"), routed(payments, "s-p")));
        assertThat(merged).extracting(a -> a.alertmanager().orElseThrow().silencedBy().get(0))
                .containsExactly("s-exact", "s-dr", "s-p");
        assertThat(merged.get(0).source()).isEqualTo("http://prometheus");
        assertThat(merged.get(2).function()).hasValue("shop/payments");
    }

    @Test
    void anAlertNoAlertmanagerKnowsStaysAsPrometheusSaysIt() {
        Map<String, String> other = Map.of("alertname", "FunctionLatencySloBreached", "function", "orders", "namespace", "other");
        assertThat(MergedAlerts.merge(List.of(evaluated(ORDERS)), List.of(routed(other, "s")))).first()
                .satisfies(a -> assertThat(a.alertmanager()).isEmpty());
    }
}
