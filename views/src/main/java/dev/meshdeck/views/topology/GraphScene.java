package dev.meshdeck.views.topology;

import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyNode;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.Rect;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link GraphPainter} reads of the graph. The live scene reads the view model and, like it, belongs to the
 * FX thread; a {@linkplain #freeze frozen} one is a copy that any thread may paint, so the overview image of a
 * large graph is drawn in the background while the FX thread goes on.
 */
interface GraphScene {

    Collection<TopologyNode> nodes();

    Collection<TopologyEdge> edges();

    double errorThreshold();

    List<Box> boxes();

    /** The node's own rectangle; null when it is not drawn (filtered out, or folded into a collapsed box). */
    Rect nodeRect(String id);

    /** Where the node's edges end: its rectangle or that of the collapsed box hiding it; null when not drawn. */
    Rect endRect(String id);

    /** The edge's line around the boxes it does not enter (see {@code TopologyLayout.route}). */
    double[] route(TopologyEdge edge);

    /** How many nodes a box holds, shown on a collapsed one. */
    int members(GroupKey key);

    /** Whether filters and focus leave the node. */
    boolean shown(String id);

    String selected();

    Set<String> highlighted();

    Optional<String> staleMark(TopologyNode node);

    List<EdgeLabels.Placed> labels();

    static GraphScene live(TopologyViewModel view) {
        return new Live(view);
    }

    /**
     * Copies, on the view model's thread, what painting at {@code scale} reads: the routes only when the painter
     * routes edges at that zoom, the labels only when it writes them (see {@link GraphPainter#routes}).
     */
    static GraphScene freeze(TopologyViewModel view, double scale) {
        GraphScene live = live(view);
        List<TopologyNode> nodes = List.copyOf(live.nodes());
        List<TopologyEdge> edges = List.copyOf(live.edges());
        Map<String, Rect> drawn = new HashMap<>();
        Map<String, Rect> folded = new HashMap<>();
        Map<String, String> marks = new HashMap<>();
        for (TopologyNode n : nodes) {
            Rect own = live.nodeRect(n.id());
            if (own != null) {
                drawn.put(n.id(), own);
            } else {
                Rect box = live.endRect(n.id());
                if (box != null) {
                    folded.put(n.id(), box);
                }
            }
            live.staleMark(n).ifPresent(mark -> marks.put(n.id(), mark));
        }
        Map<TopologyEdge, double[]> routes = new HashMap<>();
        if (GraphPainter.routes(scale, edges.size())) {
            for (TopologyEdge e : edges) {
                double[] line = live.shown(e.from()) && live.shown(e.to()) ? live.route(e) : null;
                if (line != null) {
                    routes.put(e, line);
                }
            }
        }
        Map<GroupKey, Integer> members = new HashMap<>();
        view.model().groups().forEach((key, ids) -> members.put(key, ids.size()));
        Set<String> visible = view.visible() == null ? null : Set.copyOf(view.visible());
        return new Frozen(nodes, edges, live.errorThreshold(), live.boxes(), drawn, folded, routes, members, visible,
                live.selected(), Set.copyOf(live.highlighted()), marks,
                scale >= GraphPainter.EDGE_LABEL_SCALE ? List.copyOf(live.labels()) : List.of());
    }

    /** Reads through to the view model, its model and layout. */
    record Live(TopologyViewModel view) implements GraphScene {
        @Override
        public Collection<TopologyNode> nodes() {
            return view.model().nodes();
        }

        @Override
        public Collection<TopologyEdge> edges() {
            return view.model().edges();
        }

        @Override
        public double errorThreshold() {
            return view.model().errorThreshold();
        }

        @Override
        public List<Box> boxes() {
            return view.layout().boxes();
        }

        @Override
        public Rect nodeRect(String id) {
            return view.layout().position(id) == null ? null : view.layout().rect(id);
        }

        @Override
        public Rect endRect(String id) {
            return view.layout().rect(id);
        }

        @Override
        public double[] route(TopologyEdge edge) {
            return view.layout().route(edge);
        }

        @Override
        public int members(GroupKey key) {
            return view.model().groups().getOrDefault(key, Set.of()).size();
        }

        @Override
        public boolean shown(String id) {
            return view.visible() == null || view.visible().contains(id);
        }

        @Override
        public String selected() {
            return view.selected();
        }

        @Override
        public Set<String> highlighted() {
            return view.highlighted();
        }

        @Override
        public Optional<String> staleMark(TopologyNode node) {
            return view.staleMark(node);
        }

        @Override
        public List<EdgeLabels.Placed> labels() {
            return view.labels();
        }
    }

    /** A copy: every collection is immutable or no longer shared. */
    record Frozen(List<TopologyNode> nodes, List<TopologyEdge> edges, double errorThreshold, List<Box> boxes,
                  Map<String, Rect> drawn, Map<String, Rect> folded, Map<TopologyEdge, double[]> routes,
                  Map<GroupKey, Integer> sizes, Set<String> visible, String selected, Set<String> highlighted,
                  Map<String, String> marks, List<EdgeLabels.Placed> labels) implements GraphScene {
        @Override
        public Rect nodeRect(String id) {
            return drawn.get(id);
        }

        @Override
        public Rect endRect(String id) {
            Rect own = drawn.get(id);
            return own != null ? own : folded.get(id);
        }

        @Override
        public double[] route(TopologyEdge edge) {
            return routes.get(edge);
        }

        @Override
        public int members(GroupKey key) {
            return sizes.getOrDefault(key, 0);
        }

        @Override
        public boolean shown(String id) {
            return visible == null || visible.contains(id);
        }

        @Override
        public Optional<String> staleMark(TopologyNode node) {
            return Optional.ofNullable(marks.get(node.id()));
        }
    }
}
