package dev.meshdeck.views.topology;

import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.Rect;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the edges' labels in graph coordinates, each on its own edge's line, clear of every node, every box header
 * and every label placed before it. Edges with traffic go first, the busiest first; a label with no clear place on
 * its edge is left out (its figures are on the edge's hover card), never drawn over another.
 */
public final class EdgeLabels {

    /** Font size at zoom 1, and the estimated advance of one of its characters (DejaVu Sans, digits). */
    static final double FONT = 10.5;
    static final double CHAR_WIDTH = 6.6;
    static final double HEIGHT = 15;
    /** Where along a segment a label is tried, in order. */
    private static final double[] ALONG = {0.5, 0.3, 0.7, 0.15, 0.85};

    /** One edge's label and where it goes. */
    public record Placed(TopologyEdge edge, String text, Rect rect) {
    }

    private EdgeLabels() {
    }

    /**
     * @param shown  the drawn nodes, null for all
     * @param within only edges whose line reaches into this rectangle get a label; null for all
     */
    static List<Placed> place(TopologyModel model, TopologyLayout layout, Set<String> shown, EdgeLabelMode mode, Rect within) {
        if (mode == EdgeLabelMode.NONE || layout.width() <= 0) {
            return List.of();
        }
        Occupied taken = new Occupied();
        for (TopologyNode n : model.nodes()) {
            Rect r = layout.position(n.id()) == null || !shows(shown, n.id()) ? null : layout.rect(n.id());
            if (r != null) {
                taken.add(r);
            }
        }
        for (Box b : layout.boxes()) {
            taken.add(b.collapsed() ? b.rect() : b.header());
        }
        Map<String, Double> sent = new HashMap<>();
        List<TopologyEdge> edges = new ArrayList<>();
        for (TopologyEdge e : model.edges()) {
            if (shows(shown, e.from()) && shows(shown, e.to())) {
                edges.add(e);
                if (e.observed() != null) {
                    sent.merge(e.from(), e.observed().requestsPerSecond(), Double::sum);
                }
            }
        }
        edges.sort(Comparator.comparingDouble((TopologyEdge e) -> e.observed() == null ? 0 : e.observed().requestsPerSecond())
                .reversed());
        List<Placed> placed = new ArrayList<>();
        for (TopologyEdge e : edges) {
            if (within != null && !reaches(layout, e, within)) {
                continue;
            }
            String text = mode.text(e, id -> sent.getOrDefault(id, 0.0));
            if (text.isEmpty()) {
                continue;
            }
            double[] route = layout.route(e);
            if (route == null) {
                continue;
            }
            Rect spot = spot(route, width(text), taken);
            if (spot != null) {
                taken.add(spot);
                placed.add(new Placed(e, text, spot));
            }
        }
        return placed;
    }

    /** Whether the rectangle spanned by the edge's ends meets {@code area}: a cheap test before routing it. */
    private static boolean reaches(TopologyLayout layout, TopologyEdge e, Rect area) {
        Rect a = layout.rect(e.from());
        Rect b = layout.rect(e.to());
        if (a == null || b == null) {
            return false;
        }
        double x = Math.min(a.x(), b.x());
        double y = Math.min(a.y(), b.y());
        return new Rect(x, y, Math.max(a.right(), b.right()) - x, Math.max(a.bottom(), b.bottom()) - y).overlaps(area);
    }

    static double width(String text) {
        return text.length() * CHAR_WIDTH + 8;
    }

    private static boolean shows(Set<String> shown, String id) {
        return shown == null || shown.contains(id);
    }

    /** The first clear place centred on the route, trying its longest segments first. */
    private static Rect spot(double[] route, double w, Occupied taken) {
        List<double[]> segments = new ArrayList<>();
        for (int k = 0; k + 3 < route.length; k += 2) {
            segments.add(new double[] {route[k], route[k + 1], route[k + 2], route[k + 3]});
        }
        segments.sort(Comparator.comparingDouble((double[] s) -> Math.hypot(s[2] - s[0], s[3] - s[1])).reversed());
        for (double[] s : segments) {
            for (double t : ALONG) {
                double cx = s[0] + t * (s[2] - s[0]);
                double cy = s[1] + t * (s[3] - s[1]);
                Rect r = new Rect(cx - w / 2, cy - HEIGHT / 2, w, HEIGHT);
                if (!taken.overlaps(r)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Rectangles in buckets of a coarse grid, so a test looks only at its neighbours. */
    private static final class Occupied {
        private static final double CELL = 128;
        private final Map<Long, List<Rect>> cells = new HashMap<>();

        void add(Rect r) {
            forCells(r, key -> cells.computeIfAbsent(key, k -> new ArrayList<>()).add(r));
        }

        boolean overlaps(Rect r) {
            boolean[] hit = {false};
            forCells(r, key -> {
                for (Rect o : cells.getOrDefault(key, List.of())) {
                    hit[0] |= o.overlaps(r);
                }
            });
            return hit[0];
        }

        private static void forCells(Rect r, java.util.function.LongConsumer action) {
            long x0 = (long) Math.floor(r.x() / CELL);
            long x1 = (long) Math.floor(r.right() / CELL);
            long y0 = (long) Math.floor(r.y() / CELL);
            long y1 = (long) Math.floor(r.bottom() / CELL);
            for (long x = x0; x <= x1; x++) {
                for (long y = y0; y <= y1; y++) {
                    action.accept(x * 1_000_003L + y);
                }
            }
        }
    }
}
