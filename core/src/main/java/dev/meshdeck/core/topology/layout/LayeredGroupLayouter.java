package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.topology.TopologyEdge;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** Lays out one group's nodes with Eclipse ELK layered, left to right. Thread-safe: one ELK graph per call. */
final class LayeredGroupLayouter {

    static {
        // Outside OSGi nothing registers the algorithm; without this ELK knows no "layered".
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private LayeredGroupLayouter() {
    }

    /** {@code edges} may name nodes outside the group: those are ignored. */
    static GroupLayout layout(Collection<String> nodeIds, List<TopologyEdge> edges) {
        if (nodeIds.size() == 1) {
            return new GroupLayout(Map.of(nodeIds.iterator().next(), new Point(0, 0)), TopologyLayout.NODE_WIDTH,
                    TopologyLayout.NODE_HEIGHT);
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, TopologyLayout.GAP);
        // room between layers for an edge label ("90%  37.8 rps")
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 8 * TopologyLayout.GAP);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, TopologyLayout.GAP);
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, true);
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
            n.setDimensions(TopologyLayout.NODE_WIDTH, TopologyLayout.NODE_HEIGHT);
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
