package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.topology.GroupKey;

/**
 * A group's box in graph coordinates: a platform, a cluster context or account, a namespace or region.
 *
 * @param depth     0 for a platform, 1 for a context/account, 2 for a namespace/region
 * @param collapsed drawn closed: its nodes are hidden and edges end at the box
 */
public record Box(GroupKey key, double x, double y, double width, double height, int depth, boolean collapsed) {

    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    public Point centre() {
        return new Point(x + width / 2, y + height / 2);
    }
}
