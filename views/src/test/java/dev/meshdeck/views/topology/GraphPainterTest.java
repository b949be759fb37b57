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
import dev.meshdeck.core.topology.layout.TopologyLayout;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the graph says in place of itself while it cannot be drawn yet, and how it follows the theme. */
class GraphPainterTest {

    private static final Viewport SCREEN = new Viewport(0, 0, 1, 1280, 760);

    private final TopologyModel model = new TopologyModel();
    private final TopologyViewModel view = new TopologyViewModel(model, ZoneOffset.UTC);
    private final TopologyLayout layout = view.layout();

    private String overlay() {
        SvgSurface svg = new SvgSurface(SCREEN.width(), SCREEN.height());
        view.setLegendShown(true);
        GraphPainter.paintOverlay(svg, SCREEN, new GraphPainter.Picture(view, null, GraphPalette.LIGHT));
        return svg.document();
    }

    @Test
    void saysTheFunctionsAreBeingDiscoveredWhileThereAreNone() {
        assertThat(overlay()).contains("No functions to draw yet");
    }

    @Test
    void saysTheGraphIsBeingLaidOutUntilTheFirstLayoutArrives() {
        SourceRef source = new SourceRef.KubeContext("test", "c", "s");
        for (String name : List.of("order-function", "payment-function")) {
            model.apply(List.of(new InventoryEvent.FunctionChanged(new ServerlessFunction(
                    new FunctionId(source, Platform.KUBERNETES, "serverless", name), List.of(), MeshStatus.NOT_IN_MESH,
                    new Health(1, 1, 1, "Ready"), Map.of()))));
        }

        assertThat(overlay()).contains("Laying out 2 nodes in 1 box…");

        layout.layoutAll();
        assertThat(overlay()).doesNotContain("Laying out").contains("route");
    }

    @Test
    void theDarkThemePaintsTheCanvasTilesAndTextDark() {
        SourceRef source = new SourceRef.KubeContext("test", "c", "s");
        model.apply(List.of(new InventoryEvent.FunctionChanged(new ServerlessFunction(
                new FunctionId(source, Platform.KUBERNETES, "serverless", "order-function"), List.of(),
                MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of()))));
        layout.layoutAll();

        String light = painted(GraphPalette.LIGHT);
        String dark = painted(GraphPalette.DARK);

        assertThat(light).contains("fill=\"#f8fafc\"", "fill=\"#ffffff\"").doesNotContain("#0d1117");
        // the background, the function's tile, its label: none of them white on the dark canvas
        assertThat(dark).contains("fill=\"#0d1117\"", "fill=\"#161b22\"", "fill=\"#e6edf3\">order-function")
                .doesNotContain("#f8fafc").doesNotContainPattern("<rect[^>]*fill=\"#ffffff\"");
    }

    private String painted(GraphPalette palette) {
        SvgSurface svg = new SvgSurface(SCREEN.width(), SCREEN.height());
        GraphPainter.paint(svg, SCREEN, new GraphPainter.Picture(view, null, palette));
        return svg.document();
    }

    @Test
    void aNodeOfASilentSourceIsGreyedDashedAndSaysAsOfWhenUntilItAnswers() {
        SourceRef source = new SourceRef.KubeContext("prod-eu", "c", "s");
        model.apply(List.of(new InventoryEvent.FunctionChanged(new ServerlessFunction(
                new FunctionId(source, Platform.KUBERNETES, "serverless", "order-function"), List.of(), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 1, "Ready"), Map.of()))));
        layout.layoutAll();
        TopologyViewModel marks = view;
        Instant heard = Instant.parse("2026-12-07T14:03:12Z");

        assertThat(graph(marks)).contains(">order-function<").doesNotContain("as of").doesNotContain("stroke-dasharray");

        marks.apply(List.of(new InventoryEvent.SourceChanged(new SourceStatus(source, SourceStatus.State.STALE,
                "cannot reach it", heard.plusSeconds(2), heard))));
        assertThat(graph(marks)).contains(">order-function<").contains(">as of 14:03:12<").contains("stroke-dasharray");

        marks.apply(List.of(new InventoryEvent.SourceChanged(new SourceStatus(source, SourceStatus.State.CONNECTED,
                "reconnected; 0 changes while away", heard.plusSeconds(30), heard.plusSeconds(30)))));
        assertThat(graph(marks)).doesNotContain("as of").doesNotContain("stroke-dasharray");
    }

    private String graph(TopologyViewModel marks) {
        SvgSurface svg = new SvgSurface(SCREEN.width(), SCREEN.height());
        GraphPainter.paintGraph(svg, Viewport.fitting(0, 0, layout.width(), layout.height(), SCREEN.width(), SCREEN.height(), 1.2),
                new GraphPainter.Picture(marks, null, GraphPalette.LIGHT));
        return svg.document();
    }
}
