package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.InventoryWatch.Change;
import dev.meshdeck.core.inventory.InventoryWatch.FunctionChange;
import dev.meshdeck.core.inventory.InventoryWatch.Kind;
import dev.meshdeck.core.inventory.InventoryWatch.SourceChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code meshdeck functions --watch} prints for a catalog's events. */
class InventoryWatchTest {

    private static final SourceRef PROD = new SourceRef.KubeContext("prod-eu", "prod-eu", "https://prod.example:6443");

    private static ServerlessFunction fn(String name, String state) {
        return new ServerlessFunction(new FunctionId(PROD, Platform.KNATIVE, "payments", name), List.of(),
                MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, state), Map.of());
    }

    private final InventoryWatch watch = new InventoryWatch();

    private List<Change> feed(InventoryEvent... events) {
        List<Change> lines = new ArrayList<>();
        for (InventoryEvent e : events) {
            lines.addAll(watch.apply(e));
        }
        return lines;
    }

    @Test
    void theFirstLinesAreTheCurrentStateThenEachChange() {
        List<Change> lines = feed(
                new InventoryEvent.SourceChanged(SourceStatus.connecting(PROD)),
                new InventoryEvent.SourceLoaded(PROD, List.of(fn("refund", "Ready"), fn("charge", "Ready"))),
                new InventoryEvent.SourceChanged(SourceStatus.connected(PROD, "2 functions")),
                new InventoryEvent.SourceChanged(SourceStatus.connected(PROD, "2 functions, live")),
                new InventoryEvent.FunctionChanged(fn("charge", "Failed")),
                new InventoryEvent.FunctionChanged(fn("charge", "Failed")),
                new InventoryEvent.FunctionRemoved(fn("refund", "Ready").id()));

        assertThat(lines).containsExactly(
                new FunctionChange(Kind.ADDED, fn("refund", "Ready")),
                new FunctionChange(Kind.ADDED, fn("charge", "Ready")),
                lines.get(2),
                new FunctionChange(Kind.MODIFIED, fn("charge", "Failed")),
                new FunctionChange(Kind.DELETED, fn("refund", "Ready")));
        assertThat(lines.get(2)).isInstanceOfSatisfying(SourceChange.class,
                s -> assertThat(s.status().state()).isEqualTo(SourceStatus.State.CONNECTED));
    }

    @Test
    void aRelistAfterReconnectingReportsOnlyWhatChangedWhileAway() {
        feed(new InventoryEvent.SourceLoaded(PROD, List.of(fn("refund", "Ready"), fn("charge", "Ready"))));

        List<Change> lines = feed(new InventoryEvent.SourceLoaded(PROD, List.of(fn("charge", "Ready"), fn("payout", "Ready"))));

        assertThat(lines).containsExactly(
                new FunctionChange(Kind.DELETED, fn("refund", "Ready")),
                new FunctionChange(Kind.ADDED, fn("payout", "Ready")));
    }

    @Test
    void aSourceStateIsALineWhenItChangesOrItsReasonChangesWhileNotConnected() {
        Instant since = Instant.parse("2026-12-07T14:03:12Z");
        SourceStatus stale = new SourceStatus(PROD, SourceStatus.State.STALE, "context prod-eu: cannot reach it", since, since);
        SourceStatus staleOtherReason = new SourceStatus(PROD, SourceStatus.State.STALE, "context prod-eu: no answer in time",
                since, since);

        List<Change> lines = feed(
                new InventoryEvent.SourceChanged(SourceStatus.connected(PROD, "2 functions")),
                new InventoryEvent.SourceChanged(stale),
                new InventoryEvent.SourceChanged(stale),
                new InventoryEvent.SourceChanged(staleOtherReason),
                new InventoryEvent.SourceChanged(SourceStatus.connected(PROD, "reconnected; 1 change while away")),
                new InventoryEvent.SourceChanged(SourceStatus.connected(PROD, "3 functions, live")));

        assertThat(lines).extracting(l -> ((SourceChange) l).status().message()).containsExactly(
                "2 functions", "context prod-eu: cannot reach it", "context prod-eu: no answer in time",
                "reconnected; 1 change while away");
    }

    @Test
    void aJsonLineCarriesTheTypeTheEventAndTheRowOrTheSourceState() {
        Instant since = Instant.parse("2026-12-07T14:03:12Z");
        SourceStatus stale = new SourceStatus(PROD, SourceStatus.State.STALE, "context prod-eu: cannot reach it", since,
                Instant.parse("2026-12-07T14:03:09Z"));

        assertThat(InventoryFormat.JSON.watchLine(new FunctionChange(Kind.DELETED, fn("refund", "Ready"))))
                .startsWith("{\"type\":\"function\",\"event\":\"deleted\",\"platform\":\"knative\",\"context\":\"prod-eu\","
                        + "\"namespace\":\"payments\",\"name\":\"refund\",")
                .doesNotContain("\n");
        assertThat(InventoryFormat.JSON.watchLine(new SourceChange(stale))).isEqualTo("{\"type\":\"source\",\"source\":\"prod-eu\","
                + "\"state\":\"stale\",\"reason\":\"context prod-eu: cannot reach it\",\"since\":\"2026-12-07T14:03:12Z\","
                + "\"lastHeard\":\"2026-12-07T14:03:09Z\"}");
    }
}
