package dev.meshdeck.core.topology.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyLayoutTest {

    private static final SourceRef CLUSTER = new SourceRef.KubeContext("c", "c", "https://127.0.0.1:1");

    private static ServerlessFunction fn(Platform platform, String ns, String name, TrafficShare... shares) {
        return new ServerlessFunction(new FunctionId(CLUSTER, platform, ns, name), List.of(shares), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 1, "Ready"), Map.of());
    }

    private final TopologyModel model = new TopologyModel();
    private final TopologyLayout layout = new TopologyLayout(model);

    private void estate() {
        List<ServerlessFunction> functions = new ArrayList<>();
        for (String ns : List.of("alpha", "beta", "gamma")) {
            for (int i = 0; i < 6; i++) {
                functions.add(fn(i % 2 == 0 ? Platform.KNATIVE : Platform.KUBERNETES, ns, ns + "-fn-" + i,
                        new TrafficShare(ns + "-fn-" + i + "-v1", 80), new TrafficShare(ns + "-fn-" + i + "-v2", 20)));
            }
        }
        model.apply(new InventoryEvent.SourceLoaded(CLUSTER, functions));
        layout.layoutAll();
    }

    private Map<String, Point> positions() {
        Map<String, Point> all = new HashMap<>();
        model.nodes().forEach(n -> all.put(n.id(), layout.position(n.id())));
        return all;
    }

    /** Positions relative to the node's own box: what a group's layout decides. */
    private Map<String, Point> relativePositions() {
        Map<String, Point> all = new HashMap<>();
        for (TopologyNode n : model.nodes()) {
            Box box = layout.box(n.group());
            Point p = layout.position(n.id());
            all.put(n.id(), new Point(p.x() - box.x(), p.y() - box.y()));
        }
        return all;
    }

    @Test
    void everyNodeSitsInsideItsOwnBoxWithoutOverlappingAnother() {
        estate();

        for (TopologyNode n : model.nodes()) {
            Point p = layout.position(n.id());
            assertThat(layout.box(n.group()).contains(p.x(), p.y())).as(n.id()).isTrue();
            assertThat(layout.box(n.group()).contains(p.x() + layout.nodeWidth(n.id()), p.y() + TopologyLayout.NODE_HEIGHT))
                    .as(n.id()).isTrue();
            for (TopologyNode other : model.nodes()) {
                boolean overlap = other != n && layout.rect(n.id()).overlaps(layout.rect(other.id()));
                assertThat(overlap).as(n.id() + " overlaps " + other.id()).isFalse();
            }
        }
        // canary versions are laid out to the right of their function (left to right)
        String fn = TopologyModel.nodeId(new FunctionId(CLUSTER, Platform.KNATIVE, "alpha", "alpha-fn-0"));
        assertThat(layout.position(fn + "|v|alpha-fn-0-v2").x()).isGreaterThan(layout.position(fn).x());
    }

    @Test
    void aQuickPlacementPutsEveryNodeInItsOwnBoxWithoutOverlapUntilTheLayeredOneReplacesIt() {
        estate();
        TopologyLayout fresh = new TopologyLayout(model);
        TopologyLayout.Job job = fresh.prepare();

        fresh.install(job.sketch());
        for (TopologyNode n : model.nodes()) {
            Rect r = fresh.rect(n.id());
            Box box = fresh.box(n.group());
            assertThat(box.contains(r.x(), r.y()) && box.contains(r.right(), r.bottom())).as(n.id()).isTrue();
            model.nodes().stream().filter(other -> other != n)
                    .forEach(other -> assertThat(r.overlaps(fresh.rect(other.id()))).as(n.id() + " overlaps " + other.id()).isFalse());
        }
        Map<String, Point> sketched = new HashMap<>();
        model.nodes().forEach(n -> sketched.put(n.id(), fresh.position(n.id())));

        fresh.install(job.run());
        Map<String, Point> layered = new HashMap<>();
        model.nodes().forEach(n -> layered.put(n.id(), fresh.position(n.id())));
        assertThat(layered).as("ELK's layout, as a layout from scratch gives").isEqualTo(positions()).isNotEqualTo(sketched);
    }

    @Test
    void platformBoxesKeepTheirOrderWhateverOrderTheirFunctionsArriveIn() {
        model.apply(new InventoryEvent.FunctionChanged(fn(Platform.KUBERNETES, "alpha", "late-discovered-first")));
        layout.layoutAll();
        model.addListener(layout::apply);

        // a platform discovered later (as when one kind's informer syncs after another's) comes in its place
        model.apply(new InventoryEvent.FunctionChanged(fn(Platform.KNATIVE, "alpha", "knative-fn")));

        List<String> tiers = layout.boxes().stream().map(b -> b.key().tier()).toList();
        assertThat(tiers).containsExactly(Platform.KNATIVE.displayName(), Platform.KUBERNETES.displayName());
    }

    @Test
    void aNewFunctionTakesAFreeSlotAndNobodyElseMoves() {
        estate();
        Map<String, Point> before = positions();

        ServerlessFunction added = fn(Platform.KNATIVE, "beta", "beta-newcomer");
        model.addListener(layout::apply);
        model.apply(new InventoryEvent.FunctionChanged(added));

        Map<String, Point> after = positions();
        String id = TopologyModel.nodeId(added.id());
        Point p = after.remove(id);
        assertThat(after).isEqualTo(before);
        Box beta = layout.box(new GroupKey("Knative", "c", "beta"));
        assertThat(beta.contains(p.x(), p.y())).isTrue();
        assertThat(layout.dirtyGroups()).containsExactly(new GroupKey("Knative", "c", "beta"));
    }

    @Test
    void relayingOutAChangedGroupLeavesUntouchedGroupsAsTheyWere() {
        estate();
        Map<String, Point> before = relativePositions();
        model.addListener(layout::apply);
        model.apply(new InventoryEvent.FunctionRemoved(new FunctionId(CLUSTER, Platform.KNATIVE, "beta", "beta-fn-2")));

        layout.relayoutDirty();

        Map<String, Point> after = relativePositions();
        before.keySet().removeIf(id -> model.node(id) == null || model.node(id).group().equals(new GroupKey("Knative", "c", "beta")));
        after.keySet().retainAll(before.keySet());
        assertThat(after).isEqualTo(before);
        assertThat(layout.dirtyGroups()).isEmpty();
    }

    @Test
    void aCollapsedGroupHidesItsNodesAndTheirEdgesEndAtTheBox() {
        estate();
        GroupKey alpha = new GroupKey("Knative", "c", "alpha");
        String fn = TopologyModel.nodeId(new FunctionId(CLUSTER, Platform.KNATIVE, "alpha", "alpha-fn-0"));

        layout.setCollapsed(alpha, true);

        assertThat(layout.position(fn)).isNull();
        assertThat(layout.anchor(fn)).isEqualTo(layout.box(alpha).centre());
        assertThat(layout.box(alpha).height()).isLessThan(2 * TopologyLayout.NODE_HEIGHT + TopologyLayout.HEADER);
        layout.setCollapsed(alpha, false);
        assertThat(layout.position(fn)).isNotNull();
    }

    @Test
    void aNodeIsAsWideAsItsNameUpToALimitThenKeepsItsHeadAndTail() {
        assertThat(NodeText.shown("payment-function-backup")).isEqualTo("payment-function-backup");
        assertThat(NodeText.width("payment-function-backup"))
                .isGreaterThan(NodeText.width("payment-function")).isLessThan(NodeText.MAX_WIDTH);

        String primary = "payment-function-primary-eu-west-1-active-2026-12-07";
        String backup = "payment-function-primary-eu-west-1-active-2026-12-08";
        assertThat(NodeText.shown(primary)).startsWith("payment-functio").contains("…").endsWith("2026-12-07")
                .isNotEqualTo(NodeText.shown(backup));
        assertThat(NodeText.width(primary)).isEqualTo(NodeText.width(primary + "-and-more-still")).isLessThanOrEqualTo(NodeText.MAX_WIDTH);
        assertThat(NodeText.PADDING + NodeText.shown(primary).length() * NodeText.CHAR_WIDTH).isLessThanOrEqualTo(NodeText.MAX_WIDTH);
    }

    private static ServiceRef ref(String ns, String name) {
        return new ServiceRef(CLUSTER.id(), ns, name);
    }

    @Test
    void anEdgeBetweenBoxesGoesAroundTheBoxesBetweenThem() {
        estate();
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref("alpha", "alpha-fn-1"), ref("gamma", "gamma-fn-1"), ""), new TrafficStats(5, 0, 20)), Map.of()));
        // one row of boxes: alpha, beta, gamma (Kubernetes) side by side, the Knative ones before them
        layout.setAspectRatio(50);
        String from = TopologyModel.nodeId(new FunctionId(CLUSTER, Platform.KUBERNETES, "alpha", "alpha-fn-1"));
        String to = TopologyModel.nodeId(new FunctionId(CLUSTER, Platform.KUBERNETES, "gamma", "gamma-fn-1"));
        TopologyEdge edge = model.edge(from, to);

        double[] route = layout.route(edge);

        Box beta = layout.box(new GroupKey("Kubernetes", "c", "beta"));
        assertThat(beta.x()).isBetween(layout.box(new GroupKey("Kubernetes", "c", "alpha")).x(),
                layout.box(new GroupKey("Kubernetes", "c", "gamma")).x());
        assertThat(route.length).isGreaterThan(4);
        for (Box box : layout.boxes()) {
            if (box.key().equals(layout.groupOf(from)) || box.key().equals(layout.groupOf(to))) {
                continue;
            }
            for (int k = 0; k + 3 < route.length; k += 2) {
                assertThat(box.rect().crossedBy(route[k], route[k + 1], route[k + 2], route[k + 3])).as(box.key().toString()).isFalse();
            }
        }
        // it leaves its source's side and ends on its target's
        assertThat(layout.rect(from).containsPoint(route[0], route[1])).isTrue();
        assertThat(layout.rect(to).containsPoint(route[route.length - 2], route[route.length - 1])).isTrue();
    }

    @Test
    void onlyTheShownNodesAreLaidOutAndBoxesLeftEmptyGo() {
        estate();
        int all = layout.boxes().size();

        layout.setShown(id -> model.node(id).group().namespace().equals("beta"));
        layout.layoutAll();

        assertThat(layout.boxes()).extracting(b -> b.key().namespace()).containsOnly("beta");
        assertThat(layout.boxes()).hasSizeLessThan(all);
        assertThat(model.nodes()).allSatisfy(n ->
                assertThat(layout.position(n.id()) != null).isEqualTo(n.group().namespace().equals("beta")));
    }
}
