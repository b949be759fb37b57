package dev.meshdeck.core.topology.layout;

/** An axis-aligned rectangle in graph coordinates. */
public record Rect(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public Point centre() {
        return new Point(x + width / 2, y + height / 2);
    }

    /** Whether the two share more than an edge. */
    public boolean overlaps(Rect o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    public boolean containsPoint(double px, double py) {
        return px >= x && px <= right() && py >= y && py <= bottom();
    }

    public Rect grown(double by) {
        return new Rect(x - by, y - by, width + 2 * by, height + 2 * by);
    }

    /**
     * Whether the segment passes through the inside of the rectangle (touching its border does not count).
     * Liang–Barsky clipping against the rectangle shrunk by a hair.
     */
    public boolean crossedBy(double x1, double y1, double x2, double y2) {
        double e = 1e-6;
        double[] p = {-(x2 - x1), x2 - x1, -(y2 - y1), y2 - y1};
        double[] q = {x1 - (x + e), right() - e - x1, y1 - (y + e), bottom() - e - y1};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 < t1;
    }
}
