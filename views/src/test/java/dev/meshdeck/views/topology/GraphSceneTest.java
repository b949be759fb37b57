package dev.meshdeck.views.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.TopologyModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The frozen copy the overview image is painted from in the background: it paints what the live graph paints, at
 * the overview's zoom and zoomed in, and keeps doing so while the live graph changes under it.
 */
class GraphSceneTest {

    private static final SourceRef SOURCE = new SourceRef.KubeContext("prod-eu", "c", "s");
    private final TopologyModel model = new TopologyModel();
    private final TopologyViewModel view = new TopologyViewModel(model, ZoneOffset.UTC);

    /** Two namespaces of six functions, each calling the next one and one in the other namespace. */
    private void estate(double errorRatio) {
        List<ServerlessFunction> functions = new ArrayList<>();
        Map<EdgeKey, TrafficStats> calls = new HashMap<>();
        for (String ns : List.of("orders", "payments")) {
            for (int i = 0; i < 6; i++) {
                functions.add(new ServerlessFunction(new FunctionId(SOURCE, Platform.KNATIVE, ns, ns + "-" + i), List.of(),
                        MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of()));
                ServiceRef from = new ServiceRef(SOURCE.id(), ns, ns + "-" + i);
                calls.put(new EdgeKey(from, new ServiceRef(SOURCE.id(), ns, ns + "-" + (i + 1) % 6), ""),
                        new TrafficStats(10 + i, errorRatio, 80));
                calls.put(new EdgeKey(from, new ServiceRef(SOURCE.id(), ns.equals("orders") ? "payments" : "orders",
                        (ns.equals("orders") ? "payments-" : "orders-") + i), ""), new TrafficStats(5, 0, 90));
            }
        }
        model.apply(new InventoryEvent.SourceLoaded(SOURCE, functions));
        model.applyTelemetry(new TelemetrySnapshot(Instant.parse("2026-12-07T14:03:12Z"), calls, Map.of()));
    }

    private static String svg(GraphScene scene, Viewport vp) {
        SvgSurface svg = new SvgSurface(vp.width(), vp.height());
        GraphPainter.paintGraph(svg, vp, scene, GraphPalette.LIGHT);
        return svg.document();
    }

    @Test
    void aFrozenScenePaintsWhatTheLiveGraphPaintsAtEveryZoom() {
        estate(0);
        view.layout().layoutAll();
        view.laidOut();
        view.select(model.nodes().iterator().next().id());
        view.resize(1280, 760);
        view.fit();
        Viewport overview = view.viewport().zoomed(0.3 / view.viewport().scale(), 0, 0);
        Viewport close = view.viewport();

        assertThat(svg(GraphScene.freeze(view, overview.scale()), overview)).isEqualTo(svg(GraphScene.live(view), overview))
                .contains("<path d=");
        assertThat(svg(GraphScene.freeze(view, close.scale()), close)).isEqualTo(svg(GraphScene.live(view), close))
                .contains(">orders-0<", "rps");
    }

    @Test
    void aFrozenSceneKeepsThePictureOfItsMomentWhileTheGraphChanges() {
        estate(0);
        view.layout().layoutAll();
        view.laidOut();
        view.resize(1280, 760);
        view.fit();
        Viewport vp = view.viewport().zoomed(0.3 / view.viewport().scale(), 0, 0);
        GraphScene frozen = GraphScene.freeze(view, vp.scale());
        String before = svg(GraphScene.live(view), vp);

        estate(0.5); // a poll: every call within a namespace now fails, and turns red
        view.select(model.nodes().iterator().next().id());

        assertThat(svg(GraphScene.live(view), vp)).isNotEqualTo(before);
        assertThat(svg(frozen, vp)).isEqualTo(before);
    }
}
