package dev.meshdeck.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.topology.TelemetryPoller;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyFilter;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.NodeText;
import dev.meshdeck.core.topology.layout.Rect;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import dev.meshdeck.views.topology.EdgeLabels;
import dev.meshdeck.views.topology.HoverCard;
import dev.meshdeck.views.topology.TopologyViewModel;
import dev.meshdeck.views.topology.Viewport;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox's 18-function graph as the window lays it out, checked as geometry without a stage, in the graph
 * canvas of a 1280x800 and a 1600x1000 window: Fit fills the canvas, every name is whole or middle-ellipsised with
 * the full name on hover, no edge label overlaps another label, a node or a box header, no edge crosses a box it does
 * not enter, and a filter leaves no empty box.
 */
class TopologyGeometryOnSandboxTest {

    private static Sources sources;
    private static TopologyModel model;

    @BeforeAll
    static void discover() throws Exception {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        model = SandboxGraph.discover(sources);
        BlockingQueue<Object> polls = new LinkedBlockingQueue<>();
        try (TelemetryPoller poller = new TelemetryPoller(sources.sandbox().orElseThrow().telemetry(), Duration.ofHours(1),
                polls::add, polls::add)) {
            poller.pollNow();
            Object result = polls.poll(30, TimeUnit.SECONDS);
            assertThat(result).as("telemetry poll").isInstanceOf(TelemetrySnapshot.class);
            model.applyTelemetry((TelemetrySnapshot) result);
        }
    }

    @AfterAll
    static void close() {
        sources.close();
    }

    /** The graph of a window whose graph canvas is this large, laid out and fitted. */
    private static TopologyViewModel fitted(double width, double height) {
        TopologyViewModel view = new TopologyViewModel(model, ZoneOffset.UTC);
        view.layout().layoutAll();
        view.laidOut();
        view.resize(width, height);
        assertThat(view.fit()).isTrue();
        return view;
    }

    private static List<Rect> nodeRects(TopologyViewModel view) {
        return model.nodes().stream().map(n -> view.layout().position(n.id()) == null ? null : view.layout().rect(n.id()))
                .filter(r -> r != null).toList();
    }

    // the graph canvas of the window at 1280x800 and at 1600x1000 (the details pane on the right, toolbars above)
    @ParameterizedTest
    @CsvSource({"990, 565", "1310, 765"})
    void fitFillsTheCanvasWithTheWholeGraph(double width, double height) {
        TopologyViewModel view = fitted(width, height);
        Viewport vp = view.viewport();
        TopologyLayout layout = view.layout();

        double left = vp.screenX(0);
        double top = vp.screenY(0);
        double right = vp.screenX(layout.width());
        double bottom = vp.screenY(layout.height());
        assertThat(left).isGreaterThanOrEqualTo(0);
        assertThat(top).isGreaterThanOrEqualTo(0);
        assertThat(right).isLessThanOrEqualTo(width);
        assertThat(bottom).isLessThanOrEqualTo(height);
        // it touches two opposite sides, and covers most of the other direction too (boxes packed to the canvas' shape)
        assertThat(Math.max((right - left) / width, (bottom - top) / height)).isGreaterThan(0.95);
        assertThat((right - left) * (bottom - top) / (width * height)).isGreaterThan(0.6);
    }

    @ParameterizedTest
    @CsvSource({"990, 565", "1310, 765"})
    void everyNameIsWholeOrMiddleEllipsisedAndWholeOnHover(double width, double height) {
        TopologyViewModel view = fitted(width, height);
        for (TopologyNode n : model.nodes()) {
            String shown = NodeText.shown(n.label());
            assertThat(view.layout().nodeWidth(n.id())).as(n.label())
                    .isGreaterThanOrEqualTo(NodeText.PADDING + shown.length() * NodeText.CHAR_WIDTH);
            if (!shown.equals(n.label())) {
                String[] ends = shown.split("…");
                assertThat(n.label()).startsWith(ends[0]).endsWith(ends[1]);
            }
            Rect r = view.layout().rect(n.id());
            Viewport vp = view.viewport();
            HoverCard card = view.hover(vp.screenX(r.centre().x()), vp.screenY(r.centre().y())).orElseThrow();
            assertThat(card.title()).isEqualTo(n.label());
        }
        // the sandbox's names all fit whole, those alike after a failover too
        assertThat(model.nodes()).allSatisfy(n -> assertThat(NodeText.shown(n.label())).isEqualTo(n.label()));
    }

    @ParameterizedTest
    @CsvSource({"990, 565", "1310, 765"})
    void noEdgeLabelOverlapsAnotherLabelANodeOrABoxHeader(double width, double height) {
        TopologyViewModel view = fitted(width, height);
        List<EdgeLabels.Placed> labels = view.labels();
        long withTraffic = model.edges().stream().filter(e -> e.observed() != null && e.observed().requestsPerSecond() > 0).count();
        System.out.printf("labels %d of %d edges with traffic%n", labels.size(), withTraffic);
        assertThat(labels).hasSizeGreaterThan((int) (0.8 * withTraffic));
        List<Rect> nodes = nodeRects(view);
        for (EdgeLabels.Placed l : labels) {
            for (EdgeLabels.Placed other : labels) {
                assertThat(l != other && l.rect().overlaps(other.rect())).as(l.text() + " over " + other.text()).isFalse();
            }
            assertThat(nodes).noneMatch(r -> r.overlaps(l.rect()));
            assertThat(view.layout().boxes()).noneMatch(b -> b.header().overlaps(l.rect()));
        }
    }

    @ParameterizedTest
    @CsvSource({"990, 565", "1310, 765"})
    void noEdgeCrossesABoxItDoesNotEnter(double width, double height) {
        TopologyViewModel view = fitted(width, height);
        TopologyLayout layout = view.layout();
        for (TopologyEdge e : model.edges()) {
            double[] route = layout.route(e);
            assertThat(route).as(e.key().toString()).isNotNull();
            Set<Object> entered = new java.util.HashSet<>(List.of(layout.groupOf(e.from()), layout.groupOf(e.to())));
            for (Box box : layout.boxes()) {
                if (entered.contains(box.key())) {
                    continue;
                }
                for (int k = 0; k + 3 < route.length; k += 2) {
                    assertThat(box.rect().crossedBy(route[k], route[k + 1], route[k + 2], route[k + 3]))
                            .as(e.key() + " crosses " + box.key()).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"990, 565", "1310, 765"})
    void aFilterLaysOutOnlyWhatRemainsWithNoEmptyBox(double width, double height) {
        TopologyViewModel view = fitted(width, height);
        int before = view.layout().boxes().size();

        assertThat(view.setFilter(TopologyFilter.ALL.withHealth(TopologyFilter.HealthFilter.UNHEALTHY))).isTrue();
        view.layout().layoutAll();
        view.fit();

        Set<String> shown = view.visible();
        assertThat(shown).isNotEmpty();
        assertThat(view.layout().boxes()).hasSizeLessThan(before)
                .allSatisfy(b -> assertThat(model.groups().get(b.key())).containsAnyElementsOf(shown));
        assertThat(model.nodes()).allSatisfy(n -> assertThat(view.layout().position(n.id()) != null).isEqualTo(shown.contains(n.id())));
    }
}
