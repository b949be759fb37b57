package dev.meshdeck.core.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.DraftChanges;
import dev.meshdeck.core.changes.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pending drafts become one change set; once applied, a function's drafts are dropped and load afresh. */
class ApplyDraftsTest {

    private final EditSession session = new EditSession();

    @Test
    void pendingDraftsOfAFunctionAreUpdatesFromTheLoadedVersion() {
        session.open(Fixtures.ORDERS, Fixtures.orders());
        session.open(Fixtures.INVOICE, Fixtures.invoice());
        new TrafficEditorModel(session.trafficDraft(Fixtures.ORDERS).orElseThrow()).setCandidatePercent(50);
        new TrafficEditorModel(session.trafficDraft(Fixtures.INVOICE).orElseThrow()).setCandidatePercent(30);

        DraftChanges orders = new DraftChanges(session.pendingOf(Fixtures.ORDERS));
        ChangeSet changes = orders.changeSet();

        assertThat(changes.changes()).hasSize(1);
        ResourceChange change = changes.changes().get(0);
        assertThat(change.operation()).isEqualTo(ResourceChange.Operation.UPDATE);
        assertThat(change.expectedVersion()).isEqualTo("42");
        assertThat(change.target().toString()).isEqualTo("VirtualService serverless/order-function");
        assertThat(change.unifiedDiff()).containsPattern("(?m)^\\+\\s+weight: 50$");
        assertThat(orders.sources()).containsExactly(Fixtures.SANDBOX);
        assertThat(new DraftChanges(session.pending()).sources()).containsExactlyInAnyOrder(Fixtures.SANDBOX, Fixtures.INVOICE.source());
    }

    @Test
    void aNewObjectIsACreation() {
        session.open(Fixtures.ORDERS, Fixtures.orders());
        Draft vs = session.trafficDraft(Fixtures.ORDERS).orElseThrow();
        var defaults = vs.initial();
        defaults.with("metadata").put("name", "order-function-canary");
        session.create(Fixtures.ORDERS, defaults);

        ChangeSet changes = new DraftChanges(session.pendingOf(Fixtures.ORDERS)).changeSet();

        assertThat(changes.summary()).isEqualTo("create VirtualService serverless/order-function-canary");
    }

    @Test
    void forgettingAFunctionDropsItsEditsAndTellsListeners() {
        session.open(Fixtures.ORDERS, Fixtures.orders());
        session.open(Fixtures.RESIZE, Fixtures.resize());
        new TrafficEditorModel(session.trafficDraft(Fixtures.ORDERS).orElseThrow()).setCandidatePercent(50);
        assertThat(session.clean()).containsExactly(Fixtures.RESIZE);
        List<Draft> told = new ArrayList<>();
        session.addListener(told::add);

        session.forget(Fixtures.ORDERS);

        assertThat(session.isOpen(Fixtures.ORDERS)).isFalse();
        assertThat(session.pending()).isEmpty();
        assertThat(told).isNotEmpty().allMatch(d -> d.function().equals(Fixtures.ORDERS));
        assertThat(session.open(Fixtures.ORDERS, Fixtures.orders(Fixtures.ORDERS_VS.replace("weight: 90", "weight: 50")
                .replace("weight: 10", "weight: 50")))).extracting(Draft::dirty).containsOnly(false);
    }
}
