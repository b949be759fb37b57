package dev.meshdeck.views.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph's marks of silent sources: set while a source is stale or failed, cleared when it answers or goes. */
class TopologyViewModelTest {

    private static final Instant HEARD = Instant.parse("2026-12-07T14:03:12Z");
    private final SourceRef eu = new SourceRef.KubeContext("prod-eu", "c", "s");
    private final SourceRef us = new SourceRef.KubeContext("prod-us", "c", "s");
    private final TopologyModel model = new TopologyModel();
    private final TopologyViewModel marks = new TopologyViewModel(model, ZoneOffset.UTC);

    private TopologyNode node(SourceRef source) {
        ServerlessFunction f = new ServerlessFunction(new FunctionId(source, Platform.KUBERNETES, "serverless", "order-function"),
                List.of(), MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of());
        model.apply(List.of(new InventoryEvent.FunctionChanged(f)));
        return model.node(TopologyModel.nodeId(f.id()));
    }

    private static InventoryEvent state(SourceRef source, SourceStatus.State state) {
        return new InventoryEvent.SourceChanged(new SourceStatus(source, state, "why", HEARD.plusSeconds(3), HEARD));
    }

    @Test
    void marksOnlyTheNodesOfTheSilentSourceWithTheAgeOfTheirData() {
        TopologyNode inEu = node(eu);
        TopologyNode inUs = node(us);

        assertThat(marks.apply(List.of(state(eu, SourceStatus.State.STALE), state(us, SourceStatus.State.CONNECTED)))).isTrue();

        assertThat(marks.staleMark(inEu)).contains("as of 14:03:12");
        assertThat(marks.staleMark(inUs)).isEmpty();
    }

    @Test
    void aFailedSourceIsMarkedTooAndTheMarkGoesWhenItAnswersAgain() {
        TopologyNode inEu = node(eu);
        marks.apply(List.of(state(eu, SourceStatus.State.FAILED)));
        assertThat(marks.staleMark(inEu)).contains("as of 14:03:12");
        assertThat(marks.apply(List.of(state(eu, SourceStatus.State.FAILED)))).as("the same status again: nothing to redraw").isFalse();

        assertThat(marks.apply(List.of(state(eu, SourceStatus.State.CONNECTED)))).isTrue();
        assertThat(marks.staleMark(inEu)).isEmpty();
    }

    @Test
    void aSourceNoLongerScannedLeavesNoMark() {
        TopologyNode inEu = node(eu);
        marks.apply(List.of(state(eu, SourceStatus.State.STALE)));

        assertThat(marks.apply(List.of(new InventoryEvent.SourceRemoved(eu)))).isTrue();
        assertThat(marks.staleMark(inEu)).isEmpty();
    }
}
