package dev.meshdeck.views.inventory;

import static dev.meshdeck.views.inventory.FunctionFilterTest.function;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table's view of alerts: its Alerts column, its order, and "Needs attention" for a firing alert. */
class InventoryAlertsTest {

    private static final SourceRef SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "sandbox", "");

    private final InventoryModel model = new InventoryModel(List.of(SANDBOX));
    private final ServerlessFunction pdf = function(SANDBOX, Platform.OPENFAAS, "serverless", "pdf-render");
    private final ServerlessFunction order = function(SANDBOX, Platform.KUBERNETES, "serverless", "order-function");
    private final ServerlessFunction thumbnail = function(SANDBOX, Platform.KNATIVE, "serverless", "thumbnail");

    private static ActiveAlert alert(String function, String name, ActiveAlert.State state) {
        return new ActiveAlert("sandbox prometheus", Optional.of(function), name, "critical", state,
                Instant.parse("2026-12-08T04:07:29Z"), 2293.4, Map.of("alertname", name),
                Optional.of("p95 latency of " + function + " is 2.293kms, above its SLO of 1s"));
    }

    private final Map<String, FunctionAlerts> polled = FunctionAlerts.byFunction(List.of(
            alert("serverless/pdf-render", "FunctionLatencySloBreached", ActiveAlert.State.FIRING),
            alert("serverless/pdf-render", "HighFunctionLatency", ActiveAlert.State.PENDING),
            alert("serverless/order-function", "FunctionErrorRateSloBreached", ActiveAlert.State.PENDING)));

    @Test
    void aFiringAlertNeedsAttentionAPendingOneNotYet() {
        model.apply(List.of(new InventoryEvent.SourceLoaded(SANDBOX, List.of(pdf, order, thumbnail))));
        long before = model.attentionRevisionProperty().get();

        model.applyAlerts(polled);

        assertThat(model.attentionOf(pdf)).containsExactly(Attention.Reason.ALERT);
        assertThat(model.needsAttention(order)).isFalse();
        assertThat(model.needsAttention(thumbnail)).isFalse();
        assertThat(model.attentionRevisionProperty().get()).isEqualTo(before + 1);

        model.applyAlerts(polled);
        assertThat(model.attentionRevisionProperty().get()).as("the same alerts again redraw nothing").isEqualTo(before + 1);

        model.applyAlerts(Map.of());
        assertThat(model.needsAttention(pdf)).as("resolved").isFalse();
    }

    @Test
    void theAlertsColumnSaysHowManyFireAndSortsTheMostUrgentFirst() {
        model.applyAlerts(polled);

        assertThat(FunctionText.alerts(model.alertsOf(pdf))).isEqualTo("1 firing, 1 pending");
        assertThat(FunctionText.alerts(model.alertsOf(order))).isEqualTo("1 pending");
        assertThat(FunctionText.alerts(model.alertsOf(thumbnail))).isEqualTo(FunctionText.NONE);
        List<ServerlessFunction> rows = new ArrayList<>(List.of(thumbnail, order, pdf));
        rows.sort((a, b) -> FunctionAlerts.MOST_URGENT_FIRST.compare(model.alertsOf(a), model.alertsOf(b)));
        assertThat(rows).containsExactly(pdf, order, thumbnail);
    }

    @Test
    void eachAlertIsOneLineMostUrgentFirst() {
        assertThat(FunctionText.alertLines(polled.get("serverless/pdf-render"))).containsExactly(
                "firing · critical · FunctionLatencySloBreached · since 04:07:29 UTC · value 2293 · "
                        + "p95 latency of serverless/pdf-render is 2.293kms, above its SLO of 1s",
                "pending · critical · HighFunctionLatency · since 04:07:29 UTC · value 2293 · "
                        + "p95 latency of serverless/pdf-render is 2.293kms, above its SLO of 1s");
    }
}
