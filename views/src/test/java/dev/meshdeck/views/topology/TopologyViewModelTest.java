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
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The graph's state without a stage: marks of silent sources (set while a source is stale or failed, cleared when it
 * answers or goes), a selection asked for before discovery, hover cards, what edges say, Fit.
 */
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

    private ServerlessFunction function(String namespace, String name) {
        return new ServerlessFunction(new FunctionId(eu, Platform.KUBERNETES, namespace, name), List.of(), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 1, "Ready"), Map.of());
    }

    /** web-bff calls order-function (40 rps) and payment-function (10 rps), laid out in a 1000x600 canvas. */
    private TopologyViewModel calls() {
        ServerlessFunction web = function("frontend", "web-bff");
        ServerlessFunction order = function("serverless", "order-function");
        ServerlessFunction payment = function("payments", "payment-function-primary-eu-west-1-active-2026-12-07");
        model.addListener(change -> marks.modelChanged(change));
        model.apply(new InventoryEvent.SourceLoaded(eu, List.of(web, order, payment)));
        ServiceRef w = new ServiceRef(eu.id(), "frontend", "web-bff");
        model.applyTelemetry(new TelemetrySnapshot(HEARD, Map.of(
                new EdgeKey(w, new ServiceRef(eu.id(), "serverless", "order-function"), ""), new TrafficStats(40, 0.02, 85),
                new EdgeKey(w, new ServiceRef(eu.id(), "payments", payment.name()), ""), new TrafficStats(10, 0.1, 240)), Map.of()));
        marks.layout().layoutAll();
        marks.laidOut();
        marks.resize(1000, 600);
        marks.fit();
        return marks;
    }

    private static String id(ServerlessFunction f) {
        return TopologyModel.nodeId(f.id());
    }

    @Test
    void aFunctionSelectedBeforeItIsDiscoveredIsSelectedWhenItArrives() {
        model.addListener(change -> marks.modelChanged(change));
        ServerlessFunction order = function("serverless", "order-function");

        marks.selectFunction(order.id());
        assertThat(marks.selected()).isNull();
        model.apply(new InventoryEvent.FunctionChanged(order));

        assertThat(marks.selected()).isEqualTo(id(order));
        assertThat(marks.selectedFunction()).isEqualTo(order);
    }

    @Test
    void hoveringANodeGivesItsFullNameAndFiguresAndAnEdgeItsTraffic() {
        TopologyViewModel view = calls();
        String payment = model.nodes().stream().filter(n -> n.label().startsWith("payment")).findFirst().orElseThrow().id();
        var r = view.layout().rect(payment);
        Viewport vp = view.viewport();

        HoverCard card = view.hover(vp.screenX(r.centre().x()), vp.screenY(r.centre().y())).orElseThrow();

        assertThat(card.title()).isEqualTo("payment-function-primary-eu-west-1-active-2026-12-07");
        assertThat(card.lines()).contains("Kubernetes · prod-eu · payments", "Requests: 10.0 rps in, 0.0 rps out over its edges");

        EdgeLabels.Placed label = view.labels().stream().filter(l -> l.edge().to().equals(payment)).findFirst().orElseThrow();
        HoverCard edge = view.hover(vp.screenX(label.rect().centre().x()), vp.screenY(label.rect().centre().y())).orElseThrow();
        assertThat(edge.title()).isEqualTo("web-bff → payment-function-primary-eu-west-1-active-2026-12-07");
        assertThat(edge.lines()).contains("Observed: 10.0 rps · 10.0% errors · p95 240 ms");
        assertThat(view.hover(1, 1)).isEmpty();
    }

    @Test
    void theEdgesSayWhatTheSwitchPicks() {
        TopologyViewModel view = calls();
        assertThat(view.labels()).extracting(EdgeLabels.Placed::text).containsExactlyInAnyOrder("40.0 rps", "10.0 rps");
        view.setLabelMode(EdgeLabelMode.ERRORS);
        assertThat(view.labels()).extracting(EdgeLabels.Placed::text).containsExactlyInAnyOrder("2.0% err", "10.0% err");
        view.setLabelMode(EdgeLabelMode.P95);
        assertThat(view.labels()).extracting(EdgeLabels.Placed::text).containsExactlyInAnyOrder("p95 85 ms", "p95 240 ms");
        view.setLabelMode(EdgeLabelMode.TRAFFIC);
        assertThat(view.labels()).extracting(EdgeLabels.Placed::text).containsExactlyInAnyOrder("80%", "20%");
        view.setLabelMode(EdgeLabelMode.NONE);
        assertThat(view.labels()).isEmpty();
    }

    @Test
    void fitShowsTheWholeGraphAsLargeAsTheCanvasAllows() {
        TopologyViewModel view = calls();
        Viewport vp = view.viewport();
        double left = vp.screenX(0);
        double right = vp.screenX(view.layout().width());
        double top = vp.screenY(0);
        double bottom = vp.screenY(view.layout().height());

        assertThat(left).isGreaterThanOrEqualTo(0);
        assertThat(top).isGreaterThanOrEqualTo(0);
        assertThat(right).isLessThanOrEqualTo(1000);
        assertThat(bottom).isLessThanOrEqualTo(600);
        // a small graph is not blown up beyond twice its size; then it is centred
        assertThat(vp.scale() == TopologyViewModel.FIT_MAX_SCALE || Math.max((right - left) / 1000, (bottom - top) / 600) > 0.95).isTrue();
        assertThat(Math.abs(left - (1000 - right))).isLessThan(1);
    }

    @Test
    void onlyTheFirstLayoutOfALargeGraphShowsAQuickPlacementFirst() {
        assertThat(marks.sketchFirst(TopologyViewModel.SKETCH_ABOVE + 1)).isTrue();
        assertThat(marks.sketchFirst(18)).as("a small graph waits for ELK: it takes milliseconds").isFalse();

        marks.laidOut();
        assertThat(marks.sketchFirst(TopologyViewModel.SKETCH_ABOVE + 1))
                .as("later layouts (a filter, a focus) keep the graph on screen until theirs is ready").isFalse();
    }

    @Test
    void fitKeepsTheGraphBelowABannerOverTheTop() {
        TopologyViewModel view = calls();
        view.resize(1000, 120); // height-bound: fitted without room, the graph's top sits a pixel or two from the edge

        view.setTopInset(22);
        view.fit();

        Viewport vp = view.viewport();
        assertThat(vp.screenY(0)).isGreaterThanOrEqualTo(22);
        assertThat(vp.screenY(view.layout().height())).isLessThanOrEqualTo(120);
    }
}
