package dev.meshdeck.core.topology.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * Node positions inside one group's box, relative to the box's content origin, plus a reserved row at the
 * bottom where nodes that arrive later are placed without moving anyone.
 */
final class GroupLayout {

    private final Map<String, Point> positions;
    private double contentWidth;
    private final double contentHeight;
    /** The reserved row newcomers go to now, and where the next one starts in it. */
    private int row;
    private double rowX;
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
        return contentWidth;
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
     * Places a new node of this width next in the reserved rows, starting a new row when it does not fit beside
     * the last newcomer.
     *
     * @return true when the box had to grow (other boxes then move)
     */
    boolean append(String id, double width) {
        boolean grew = false;
        if (rowX > 0 && rowX + width > contentWidth) {
            row++;
            rowX = 0;
        }
        if (row > extraRows) {
            extraRows = row;
            grew = true;
        }
        if (width > contentWidth) {
            contentWidth = width;
            grew = true;
        }
        positions.put(id, new Point(rowX, contentHeight + TopologyLayout.GAP + row * (TopologyLayout.NODE_HEIGHT + TopologyLayout.GAP)));
        rowX += width + TopologyLayout.GAP;
        return grew;
    }

    void remove(String id) {
        positions.remove(id);
    }
}
