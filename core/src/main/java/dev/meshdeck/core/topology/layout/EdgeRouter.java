package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.TopologyEdge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Routes edges between boxes around the boxes they do not enter. An edge whose straight line crosses no other box
 * stays straight; any other is routed with horizontal and vertical segments through the gaps between boxes: the
 * cheapest path (length plus a cost per bend) on the grid of lines through the obstacles' sides (a Hanan grid,
 * which holds a shortest rectilinear path among rectangles), keeping off the other boxes and off the nodes beside
 * its ends. Routes are made when first asked for and kept until the layout moves.
 */
final class EdgeRouter {

    /** Routes run this far outside a box they avoid: about the middle of the gap between two boxes. */
    private static final double BOX_MARGIN = TopologyLayout.GAP / 2 - 1;
    private static final double NODE_MARGIN = 4;
    /** What a bend costs, in pixels of length: a route with fewer bends reads better. */
    private static final double BEND = 40;
    /** How far around its ends a route first looks for its way, before it tries the whole graph. */
    private static final double REACH = 400;
    /**
     * Above this many boxes edges stay straight: a search among hundreds of boxes for thousands of edges would stall
     * the frame that first shows them (an estate of thousands of functions is read zoomed out, or filtered).
     */
    static final int MAX_ROUTED_BOXES = 80;
    /** Boxes with more nodes than this are not searched node by node (the route may then pass over a node). */
    private static final int NODES_AVOIDED = 80;

    private final TopologyLayout layout;
    private final Map<TopologyEdge.Key, double[]> routes = new HashMap<>();

    EdgeRouter(TopologyLayout layout) {
        this.layout = layout;
    }

    void clear() {
        routes.clear();
    }

    double[] route(TopologyEdge edge) {
        double[] known = routes.get(edge.key());
        if (known == null) {
            known = compute(edge);
            if (known != null) {
                routes.put(edge.key(), known);
            }
        }
        return known;
    }

    private double[] compute(TopologyEdge edge) {
        Rect a = layout.rect(edge.from());
        Rect b = layout.rect(edge.to());
        if (a == null || b == null || a.equals(b)) {
            return null;
        }
        double[] straight = ends(a, b);
        if (layout.boxes().size() > MAX_ROUTED_BOXES) {
            return straight;
        }
        GroupKey ga = layout.groupOf(edge.from());
        GroupKey gb = layout.groupOf(edge.to());
        List<Rect> others = new ArrayList<>();
        boolean crosses = false;
        for (Box box : layout.boxes()) {
            if (!box.key().equals(ga) && !box.key().equals(gb)) {
                Rect r = box.rect();
                others.add(r.grown(BOX_MARGIN));
                crosses |= r.crossedBy(straight[0], straight[1], straight[2], straight[3]);
            }
        }
        if (!crosses) {
            return straight;
        }
        List<Rect> obstacles = new ArrayList<>(others);
        obstacles.add(a);
        obstacles.add(b);
        for (GroupKey g : ga.equals(gb) ? List.of(ga) : List.of(ga, gb)) {
            List<String> inBox = layout.nodesIn(g);
            if (inBox.size() <= NODES_AVOIDED) {
                for (String id : inBox) {
                    if (!id.equals(edge.from()) && !id.equals(edge.to())) {
                        obstacles.add(layout.rect(id).grown(NODE_MARGIN));
                    }
                }
            }
        }
        Rect near = new Rect(Math.min(straight[0], straight[2]), Math.min(straight[1], straight[3]),
                Math.abs(straight[2] - straight[0]), Math.abs(straight[3] - straight[1])).grown(REACH);
        boolean sideways = sideBySide(a, b);
        double[] path = search(straight, sideways, obstacles, near);
        if (path == null) {
            Rect all = new Rect(0, 0, layout.width(), layout.height()).grown(2 * TopologyLayout.GAP);
            path = search(straight, sideways, obstacles, all);
        }
        return path == null ? straight : path;
    }

    /**
     * Where an edge leaves its source and enters its target: the facing sides, left and right when the two are
     * side by side, top and bottom when one is above the other.
     */
    static double[] ends(Rect a, Rect b) {
        Point ca = a.centre();
        Point cb = b.centre();
        if (sideBySide(a, b)) {
            double dir = cb.x() >= ca.x() ? 1 : -1;
            return new double[] {ca.x() + dir * a.width() / 2, ca.y(), cb.x() - dir * b.width() / 2, cb.y()};
        }
        double dir = cb.y() >= ca.y() ? 1 : -1;
        return new double[] {ca.x(), ca.y() + dir * a.height() / 2, cb.x(), cb.y() - dir * b.height() / 2};
    }

    private static boolean sideBySide(Rect a, Rect b) {
        return b.x() >= a.right() || a.x() >= b.right();
    }

    /**
     * The cheapest rectilinear path inside {@code region} avoiding the obstacles' insides; null when there is none.
     *
     * @param sideways whether the path leaves its start horizontally (from a left or right side)
     */
    private static double[] search(double[] ends, boolean sideways, List<Rect> obstacles, Rect region) {
        double sx = ends[0];
        double sy = ends[1];
        double tx = ends[2];
        double ty = ends[3];
        List<Rect> near = new ArrayList<>();
        for (Rect o : obstacles) {
            if (o.overlaps(region)) {
                near.add(o);
            }
        }
        double[] xs = coordinates(sx, tx, region.x(), region.right(), near, true);
        double[] ys = coordinates(sy, ty, region.y(), region.bottom(), near, false);
        int nx = xs.length;
        int ny = ys.length;
        boolean[] blocked = new boolean[nx * ny];
        boolean[] hBlocked = new boolean[nx * ny]; // the segment from (i, j) to (i + 1, j)
        boolean[] vBlocked = new boolean[nx * ny]; // the segment from (i, j) to (i, j + 1)
        for (Rect o : near) {
            int x0 = lowerBound(xs, o.x());
            int x1 = lowerBound(xs, o.right());
            int y0 = lowerBound(ys, o.y());
            int y1 = lowerBound(ys, o.bottom());
            for (int j = y0; j <= y1 && j < ny; j++) {
                boolean insideY = ys[j] > o.y() + 1e-6 && ys[j] < o.bottom() - 1e-6;
                for (int i = x0; i <= x1 && i < nx; i++) {
                    boolean insideX = xs[i] > o.x() + 1e-6 && xs[i] < o.right() - 1e-6;
                    int v = j * nx + i;
                    if (insideX && insideY) {
                        blocked[v] = true;
                    }
                    if (insideY && i + 1 < nx && xs[i] >= o.x() - 1e-6 && xs[i + 1] <= o.right() + 1e-6) {
                        hBlocked[v] = true;
                    }
                    if (insideX && j + 1 < ny && ys[j] >= o.y() - 1e-6 && ys[j + 1] <= o.bottom() + 1e-6) {
                        vBlocked[v] = true;
                    }
                }
            }
        }
        int start = index(ys, sy) * nx + index(xs, sx);
        int target = index(ys, ty) * nx + index(xs, tx);
        // states: vertex * 2 + (0 arrived moving horizontally, 1 vertically)
        double[] cost = new double[nx * ny * 2];
        int[] previous = new int[nx * ny * 2];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> open = new PriorityQueue<>((p, q) -> Double.compare(p[0], q[0]));
        // leaving along the side's normal is free; turning at once costs a bend
        for (int dir = 0; dir < 2; dir++) {
            int s = start * 2 + dir;
            cost[s] = (dir == 0) == sideways ? 0 : BEND;
            previous[s] = -1;
            open.add(new double[] {cost[s] + Math.abs(tx - sx) + Math.abs(ty - sy), s});
        }
        int reached = -1;
        while (!open.isEmpty()) {
            double[] top = open.poll();
            int state = (int) top[1];
            int v = state / 2;
            int dir = state % 2;
            if (top[0] - heuristic(xs, ys, nx, v, tx, ty) > cost[state] + 1e-9) {
                continue; // stale entry
            }
            if (v == target) {
                reached = state;
                break;
            }
            int i = v % nx;
            int j = v / nx;
            int[][] moves = {{i + 1, j, 0}, {i - 1, j, 0}, {i, j + 1, 1}, {i, j - 1, 1}};
            for (int[] m : moves) {
                if (m[0] < 0 || m[0] >= nx || m[1] < 0 || m[1] >= ny) {
                    continue;
                }
                int w = m[1] * nx + m[0];
                boolean free = m[2] == 0 ? !hBlocked[Math.min(v, w)] : !vBlocked[Math.min(v, w)];
                if (!free || (blocked[w] && w != target)) {
                    continue;
                }
                double step = Math.abs(xs[m[0]] - xs[i]) + Math.abs(ys[m[1]] - ys[j]) + (m[2] == dir ? 0 : BEND);
                int next = w * 2 + m[2];
                if (cost[state] + step < cost[next] - 1e-9) {
                    cost[next] = cost[state] + step;
                    previous[next] = state;
                    open.add(new double[] {cost[next] + heuristic(xs, ys, nx, w, tx, ty), next});
                }
            }
        }
        if (reached < 0) {
            return null;
        }
        List<double[]> points = new ArrayList<>();
        for (int s = reached; s >= 0; s = previous[s]) {
            int v = s / 2;
            points.add(0, new double[] {xs[v % nx], ys[v / nx]});
        }
        return corners(points);
    }

    private static double heuristic(double[] xs, double[] ys, int nx, int v, double tx, double ty) {
        return Math.abs(xs[v % nx] - tx) + Math.abs(ys[v / nx] - ty);
    }

    /** The grid lines: the ends, the region's sides and every obstacle's sides inside the region, sorted. */
    private static double[] coordinates(double s, double t, double low, double high, List<Rect> obstacles, boolean horizontal) {
        double[] all = new double[4 + 2 * obstacles.size()];
        int n = 0;
        all[n++] = s;
        all[n++] = t;
        all[n++] = low;
        all[n++] = high;
        for (Rect o : obstacles) {
            double a = horizontal ? o.x() : o.y();
            double b = horizontal ? o.right() : o.bottom();
            if (a > low && a < high) {
                all[n++] = a;
            }
            if (b > low && b < high) {
                all[n++] = b;
            }
        }
        double[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        int unique = 0;
        for (double c : sorted) {
            if (unique == 0 || c - sorted[unique - 1] > 1e-6) {
                sorted[unique++] = c;
            }
        }
        return Arrays.copyOf(sorted, unique);
    }

    /** The first index whose coordinate is at or above {@code value} (less a hair). */
    private static int lowerBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value - 1e-6);
        return i >= 0 ? i : -i - 1;
    }

    private static int index(double[] sorted, double value) {
        int best = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (Math.abs(sorted[i] - value) < Math.abs(sorted[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    /** The points where the path turns, with its ends, as x0, y0, x1, y1, ... */
    private static double[] corners(List<double[]> points) {
        List<double[]> kept = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            double[] p = points.get(k);
            if (k > 0 && k < points.size() - 1) {
                double[] before = points.get(k - 1);
                double[] after = points.get(k + 1);
                boolean straightOn = (before[0] == p[0] && p[0] == after[0]) || (before[1] == p[1] && p[1] == after[1]);
                if (straightOn) {
                    continue;
                }
            }
            kept.add(p);
        }
        double[] xy = new double[2 * kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            xy[2 * k] = kept.get(k)[0];
            xy[2 * k + 1] = kept.get(k)[1];
        }
        return xy;
    }
}
