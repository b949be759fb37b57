package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.topology.TopologyEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out one group's nodes: each connected part that has edges with Eclipse ELK layered, left to right (the
 * parts in parallel), packed in rows largest first; nodes without an edge in the group follow in a grid below,
 * as ELK would put them anyway, without its cost. Thread-safe: one ELK graph per part.
 */
final class LayeredGroupLayouter {

    static {
        // Outside OSGi nothing registers the algorithm; without this ELK knows no "layered".
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private LayeredGroupLayouter() {
    }

    /** {@code edges} may name nodes outside the group: those are ignored. {@code widthOf} gives each node's width. */
    static GroupLayout layout(Collection<String> nodeIds, List<TopologyEdge> edges, ToDoubleFunction<String> widthOf) {
        Map<String, String> parent = new LinkedHashMap<>();
        nodeIds.forEach(id -> parent.put(id, id));
        List<TopologyEdge> inside = new ArrayList<>();
        for (TopologyEdge e : edges) {
            if (parent.containsKey(e.from()) && parent.containsKey(e.to()) && !e.from().equals(e.to())) {
                inside.add(e);
                parent.put(root(parent, e.from()), root(parent, e.to()));
            }
        }
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (String id : nodeIds) {
            parts.computeIfAbsent(root(parent, id), k -> new ArrayList<>()).add(id);
        }
        Map<String, List<TopologyEdge>> partEdges = new HashMap<>();
        for (TopologyEdge e : inside) {
            partEdges.computeIfAbsent(root(parent, e.from()), k -> new ArrayList<>()).add(e);
        }
        List<String> alone = new ArrayList<>();
        List<Map.Entry<String, List<String>>> connected = new ArrayList<>();
        for (Map.Entry<String, List<String>> part : parts.entrySet()) {
            if (part.getValue().size() == 1) {
                alone.add(part.getValue().get(0));
            } else {
                connected.add(part);
            }
        }
        connected.sort(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getValue().size()).reversed());
        List<GroupLayout> laid = (connected.size() > 1 ? connected.parallelStream() : connected.stream())
                .map(e -> elk(e.getValue(), partEdges.get(e.getKey()), widthOf))
                .toList();
        return pack(laid, alone, widthOf);
    }

    /** The nodes in a grid, in their order, with no regard to their edges. */
    static GroupLayout grid(List<String> nodeIds, ToDoubleFunction<String> widthOf) {
        return pack(List.of(), nodeIds, widthOf);
    }

    /** The representative of a node's part (union-find with path halving). */
    private static String root(Map<String, String> parent, String id) {
        String at = id;
        while (!parent.get(at).equals(at)) {
            String up = parent.get(parent.get(at));
            parent.put(at, up);
            at = up;
        }
        return at;
    }

    /** Parts in rows about 1.6 times wider than high, then the lone nodes in a grid of that width. */
    private static GroupLayout pack(List<GroupLayout> parts, List<String> alone, ToDoubleFunction<String> widthOf) {
        double cellW = alone.stream().mapToDouble(widthOf).max().orElse(NodeText.MIN_WIDTH) + TopologyLayout.GAP;
        double cellH = TopologyLayout.NODE_HEIGHT + TopologyLayout.GAP;
        double area = alone.size() * cellW * cellH;
        double widest = NodeText.MIN_WIDTH;
        for (GroupLayout p : parts) {
            area += (p.width() + TopologyLayout.GAP) * (p.laidHeight() + TopologyLayout.GAP);
            widest = Math.max(widest, p.width());
        }
        double limit = Math.max(widest, Math.sqrt(area * 1.6));
        Map<String, Point> positions = new HashMap<>();
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        double width = 0;
        for (GroupLayout p : parts) {
            if (x > 0 && x + p.width() > limit) {
                x = 0;
                y += rowHeight + TopologyLayout.GAP;
                rowHeight = 0;
            }
            double ox = x;
            double oy = y;
            p.positions().forEach((id, at) -> positions.put(id, new Point(ox + at.x(), oy + at.y())));
            x += p.width() + TopologyLayout.GAP;
            rowHeight = Math.max(rowHeight, p.laidHeight());
            width = Math.max(width, x - TopologyLayout.GAP);
        }
        double top = parts.isEmpty() ? 0 : y + rowHeight + TopologyLayout.GAP;
        int columns = Math.max(1, (int) ((Math.max(limit, width) + TopologyLayout.GAP) / cellW));
        for (int i = 0; i < alone.size(); i++) {
            positions.put(alone.get(i), new Point(i % columns * cellW, top + i / columns * cellH));
            width = Math.max(width, (Math.min(alone.size(), columns)) * cellW - TopologyLayout.GAP);
        }
        double height = alone.isEmpty() ? top - (parts.isEmpty() ? 0 : TopologyLayout.GAP)
                : top + ((alone.size() - 1) / columns + 1) * cellH - TopologyLayout.GAP;
        return new GroupLayout(positions, width, height);
    }

    /** One connected part with ELK layered. */
    private static GroupLayout elk(Collection<String> nodeIds, List<TopologyEdge> edges, ToDoubleFunction<String> widthOf) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, TopologyLayout.GAP);
        // room between layers for an edge label ("37.8 rps") clear of both nodes
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 6 * TopologyLayout.GAP);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, TopologyLayout.GAP);
        // one connected part per call: ELK need not look for components
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        root.setProperty(CoreOptions.ASPECT_RATIO, 1.6);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(0));
        // The graph draws straight edges itself: ELK's routes are not used, so the cheapest routing will do, and
        // one crossing-minimisation pass is plenty for groups of tens of nodes.
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.THOROUGHNESS, 1);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
        Map<String, ElkNode> elk = new HashMap<>();
        for (String id : nodeIds) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(widthOf.applyAsDouble(id), TopologyLayout.NODE_HEIGHT);
            n.setIdentifier(id);
            elk.put(id, n);
        }
        Set<String> inGroup = elk.keySet();
        for (TopologyEdge e : edges) {
            if (inGroup.contains(e.from()) && inGroup.contains(e.to()) && !e.from().equals(e.to())) {
                ElkGraphUtil.createSimpleEdge(elk.get(e.from()), elk.get(e.to()));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> positions = new HashMap<>();
        double width = 0;
        double height = 0;
        for (Map.Entry<String, ElkNode> e : elk.entrySet()) {
            ElkNode n = e.getValue();
            positions.put(e.getKey(), new Point(n.getX(), n.getY()));
            width = Math.max(width, n.getX() + n.getWidth());
            height = Math.max(height, n.getY() + n.getHeight());
        }
        return new GroupLayout(positions, width, height);
    }
}
