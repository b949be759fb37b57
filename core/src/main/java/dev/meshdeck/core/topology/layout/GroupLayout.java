package dev.meshdeck.core.topology.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * Node positions inside one group's box, relative to the box's content origin, plus a reserved row at the
 * bottom where nodes that arrive later are placed without moving anyone.
 */
final class GroupLayout {

    private final Map<String, Point> positions;
    private final double contentWidth;
    private final double contentHeight;
    private int appended;
    private int extraRows;

    GroupLayout(Map<String, Point> positions, double contentWidth, double contentHeight) {
        this.positions = new HashMap<>(positions);
        this.contentWidth = Math.max(contentWidth, NodeText.MIN_WIDTH);
        this.contentHeight = contentHeight;
    }

    Point position(String id) {
        return positions.get(id);
    }

    Map<String, Point> positions() {
        return positions;
    }

    int size() {
        return positions.size();
    }

    /** Width of the box's content. */
    double width() {
        return Math.max(contentWidth, appended == 0 ? 0 : NodeText.MAX_WIDTH);
    }

    /** Height of the laid-out nodes alone. */
    double laidHeight() {
        return contentHeight;
    }

    /** Height of the box's content: the laid-out nodes, then the reserved row(s). */
    double height() {
        return contentHeight + (1 + extraRows) * (TopologyLayout.NODE_HEIGHT + TopologyLayout.GAP);
    }

    /**
     * Places a new node in the next free slot of the reserved rows; slots are as wide as the widest node, so a
     * newcomer never overlaps the one beside it.
     *
     * @return true when the box had to grow (other boxes then move)
     */
    boolean append(String id) {
        int perRow = Math.max(1, (int) ((contentWidth + TopologyLayout.GAP) / (NodeText.MAX_WIDTH + TopologyLayout.GAP)));
        int row = appended / perRow;
        int column = appended % perRow;
        appended++;
        // the first newcomer widens a box narrower than a slot
        boolean grew = row > extraRows || (appended == 1 && contentWidth < NodeText.MAX_WIDTH);
        extraRows = Math.max(extraRows, row);
        positions.put(id, new Point(column * (NodeText.MAX_WIDTH + TopologyLayout.GAP),
                contentHeight + TopologyLayout.GAP + row * (TopologyLayout.NODE_HEIGHT + TopologyLayout.GAP)));
        return grew;
    }

    void remove(String id) {
        positions.remove(id);
    }
}
