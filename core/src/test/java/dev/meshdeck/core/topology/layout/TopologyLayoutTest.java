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
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
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
}
