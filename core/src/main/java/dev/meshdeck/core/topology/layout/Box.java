package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.topology.GroupKey;

/**
 * A group's box in graph coordinates: one platform's namespace or region in one context or account.
 *
 * @param collapsed drawn closed: its nodes are hidden and edges end at the box
 */
public record Box(GroupKey key, double x, double y, double width, double height, boolean collapsed) {

    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    public Point centre() {
        return new Point(x + width / 2, y + height / 2);
    }

    public Rect rect() {
        return new Rect(x, y, width, height);
    }

    /** The header strip, where the box's name is written. */
    public Rect header() {
        return new Rect(x, y, width, TopologyLayout.HEADER);
    }
}
