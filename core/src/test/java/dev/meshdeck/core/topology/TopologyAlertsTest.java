package dev.meshdeck.core.topology;

import static dev.meshdeck.core.topology.TopologyFixtures.CLUSTER;
import static dev.meshdeck.core.topology.TopologyFixtures.function;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The graph's alert badges: which functions are alerting, before any route is touched. */
class TopologyAlertsTest {

    private final ServerlessFunction pdf = function(Platform.OPENFAAS, "serverless", "pdf-render");
    private final ServerlessFunction thumbnail = function(Platform.KNATIVE, "serverless", "thumbnail");
    private final ServerlessFunction order = function(Platform.KUBERNETES, "serverless", "order-function");

    private static ActiveAlert alert(String function, ActiveAlert.State state) {
        return new ActiveAlert("sandbox prometheus", Optional.of(function), "FunctionLatencySloBreached", "critical", state,
                Instant.parse("2026-12-08T03:00:00Z"), 1900, Map.of("alertname", "FunctionLatencySloBreached"), Optional.empty());
    }

    private static String id(ServerlessFunction f) {
        return TopologyModel.nodeId(f.id());
    }

    @Test
    void firingIsAnAlertBadgePendingAnotherAndAHealthyFunctionHasNone() {
        TopologyModel model = new TopologyModel();
        model.apply(new InventoryEvent.SourceLoaded(CLUSTER, List.of(pdf, thumbnail, order)));
        List<TopologyChange> changes = new ArrayList<>();
        model.addListener(changes::add);

        model.applyAlerts(FunctionAlerts.byFunction(List.of(alert("serverless/pdf-render", ActiveAlert.State.FIRING),
                alert("serverless/order-function", ActiveAlert.State.PENDING))));

        assertThat(model.node(id(pdf)).badges()).contains(Badge.ALERT).doesNotContain(Badge.ALERT_PENDING);
        assertThat(model.node(id(order)).badges()).contains(Badge.ALERT_PENDING).doesNotContain(Badge.ALERT);
        assertThat(model.node(id(thumbnail)).badges()).doesNotContain(Badge.ALERT, Badge.ALERT_PENDING);
        assertThat(model.alertsOf(pdf).firing()).isEqualTo(1);
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.updated()).containsExactlyInAnyOrder(id(pdf), id(order)));

        // resolved: the next poll has none, the badges go
        model.applyAlerts(Map.of());
        assertThat(model.node(id(pdf)).badges()).doesNotContain(Badge.ALERT);
        assertThat(model.alertsOf(pdf).isEmpty()).isTrue();
    }

    @Test
    void theUnhealthyFilterKeepsFunctionsWithAFiringAlert() {
        TopologyModel model = new TopologyModel();
        model.apply(new InventoryEvent.SourceLoaded(CLUSTER, List.of(pdf, thumbnail)));
        model.applyAlerts(FunctionAlerts.byFunction(List.of(alert("serverless/pdf-render", ActiveAlert.State.FIRING))));

        TopologyFilter unhealthy = TopologyFilter.ALL.withHealth(TopologyFilter.HealthFilter.UNHEALTHY);

        assertThat(unhealthy.accepts(model.node(id(pdf)))).isTrue();
        assertThat(unhealthy.accepts(model.node(id(thumbnail)))).isFalse();
    }
}
