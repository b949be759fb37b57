package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionAlertsTest {

    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    static ActiveAlert alert(String function, String name, String severity, ActiveAlert.State state, int minute) {
        return new ActiveAlert("prometheus", Optional.ofNullable(function), name, severity, state, T0.plusSeconds(60L * minute),
                1200, Map.of("alertname", name), Optional.empty());
    }

    @Test
    void groupsByFunctionFiringFirstAndLeavesOutAlertsOfNoFunction() {
        Map<String, FunctionAlerts> byFunction = FunctionAlerts.byFunction(List.of(
                alert("shop/orders", "Pending", "critical", ActiveAlert.State.PENDING, 0),
                alert("shop/orders", "Late", "warning", ActiveAlert.State.FIRING, 5),
                alert("shop/web", "Errors", "warning", ActiveAlert.State.PENDING, 1),
                alert(null, "Watchdog", "none", ActiveAlert.State.FIRING, 0)));

        assertThat(byFunction).containsOnlyKeys("shop/orders", "shop/web");
        FunctionAlerts orders = byFunction.get("shop/orders");
        assertThat(orders.alerts()).extracting(ActiveAlert::name).containsExactly("Late", "Pending");
        assertThat(orders.firing()).isEqualTo(1);
        assertThat(orders.pending()).isEqualTo(1);
        assertThat(orders.worstState()).contains(ActiveAlert.State.FIRING);
        assertThat(byFunction.get("shop/web").worstState()).contains(ActiveAlert.State.PENDING);
    }

    @Test
    void worstSeverityIsTheFiringOnesAndIgnoresUnknownValues() {
        FunctionAlerts alerts = new FunctionAlerts("shop/orders", List.of(
                alert("shop/orders", "A", "critical", ActiveAlert.State.PENDING, 0),
                alert("shop/orders", "B", "info", ActiveAlert.State.FIRING, 0),
                alert("shop/orders", "C", "warning", ActiveAlert.State.FIRING, 0),
                alert("shop/orders", "D", "page", ActiveAlert.State.FIRING, 0)));

        // a pending critical is not yet the incident; the firing warning is
        assertThat(alerts.worstSeverity()).contains(AlertSeverity.WARNING);
        assertThat(FunctionAlerts.none("shop/web").worstSeverity()).isEmpty();
        assertThat(FunctionAlerts.none("shop/web").worstState()).isEmpty();
    }
}
