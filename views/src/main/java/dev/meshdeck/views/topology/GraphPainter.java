package dev.meshdeck.views.topology;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.Badge;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.NodeKind;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.Point;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.paint.Color;

/**
 * Draws the graph for one viewport through a {@link DrawSurface}: only what is on screen, and less of it the
 * further out the zoom (labels and badges from {@value #LABEL_SCALE}, edge labels and arrows from
 * {@value #EDGE_LABEL_SCALE}; below that nodes are plain tiles and edges plain lines).
 */
final class GraphPainter {

    static final String FONT_FAMILY = "DejaVu Sans";
    static final double LABEL_SCALE = 0.4;
    static final double EDGE_LABEL_SCALE = 0.4;
    /** From this zoom edge labels carry error % and p95 too; below it, the weight and the rate. */
    static final double FULL_EDGE_LABEL_SCALE = 0.7;
    /** Room the legend takes at the bottom of the view (when it fits). */
    static final double LEGEND_HEIGHT = 3 * 16 + 14;

    private static final Color CALL = Color.web("#64748b");
    private static final Color ROUTE = Color.web("#2563eb");
    private static final Color CONDITIONAL = Color.web("#7c3aed");
    private static final Color MIRROR = Color.web("#a855f7");
    private static final Color FAILOVER = Color.web("#ea580c");
    private static final Color ERROR = Color.web("#dc2626");
    private static final Color HIGHLIGHT = Color.web("#facc15");
    private static final Color STALE = Color.web("#b45309");
    /** A node whose source does not answer: greyed, whatever its platform, so it is not read as live. */
    private static final Color SILENT_FILL = Color.web("#e5e7eb");
    private static final Color SILENT = Color.web("#9ca3af");
    private static final Map<Platform, Color> PLATFORM = new EnumMap<>(Map.of(
            Platform.KNATIVE, Color.web("#2563eb"),
            Platform.OPENFAAS, Color.web("#0891b2"),
            Platform.KUBELESS, Color.web("#7c3aed"),
            Platform.KUBERNETES, Color.web("#16a34a"),
            Platform.LAMBDA, Color.web("#d97706")));
    private static final Color GATEWAY = Color.web("#334155");
    private static final Color EXTERNAL = Color.web("#94a3b8");

    /**
     * What to draw: the graph, what the filters and focus leave visible (null: all), marks, the stale-telemetry
     * note, the theme's colours and, per node, the age of what it shows when its source does not answer ("as of
     * 14:03:12"; empty when live).
     */
    record Picture(TopologyModel model, TopologyLayout layout, Set<String> visible, Set<String> highlighted,
                   String selected, String staleMessage, GraphPalette palette,
                   Function<TopologyNode, Optional<String>> staleMark) {
    }

    private GraphPainter() {
    }

    static Color colour(TopologyNode node) {
        if (node.kind() == NodeKind.GATEWAY) {
            return GATEWAY;
        }
        return node.platform() == null ? EXTERNAL : PLATFORM.get(node.platform());
    }

    static void paint(DrawSurface s, Viewport vp, Picture p) {
        paintGraph(s, vp, p);
        paintOverlay(s, vp, p);
    }

    /** The graph itself: background, boxes, edges, nodes. */
    static void paintGraph(DrawSurface s, Viewport vp, Picture p) {
        s.fillRect(0, 0, vp.width(), vp.height(), 0, p.palette().background());
        boxes(s, vp, p);
        edges(s, vp, p);
        nodes(s, vp, p);
        s.flush();
    }

    /** What stays in place on screen above the graph: an empty state, the legend, the stale-telemetry banner. */
    static void paintOverlay(DrawSurface s, Viewport vp, Picture p) {
        String empty;
        if (p.model().nodes().isEmpty()) {
            empty = "No functions to draw yet: sources are being discovered, or none of them has functions.";
        } else if (p.layout().width() <= 0) {
            // the first layout of a large estate takes seconds in the background
            int boxes = p.model().groups().size();
            empty = String.format(Locale.ROOT, "Laying out %,d nodes in %,d %s…", p.model().nodes().size(), boxes,
                    boxes == 1 ? "box" : "boxes");
        } else if (p.visible() != null && p.visible().isEmpty()) {
            empty = "No function matches the filters: widen them or press Show all.";
        } else {
            empty = null;
        }
        if (empty != null) {
            s.text(empty, vp.width() / 2, vp.height() / 2, 14, false, p.palette().muted(), DrawSurface.Align.CENTRE);
        } else {
            legend(s, vp, p.palette());
        }
        if (p.staleMessage() != null) {
            s.fillRect(0, 0, vp.width(), 22, 0, STALE);
            s.text("Telemetry stale — " + p.staleMessage(), 8, 11, 12, true, Color.WHITE, DrawSurface.Align.LEFT);
        }
    }

    static boolean showsLegend(double width, double height) {
        return width >= 640 && height >= 2 * LEGEND_HEIGHT;
    }

    /** Three lines at the bottom left: what colours, line styles and badge letters mean. */
    private static void legend(DrawSurface s, Viewport vp, GraphPalette palette) {
        if (!showsLegend(vp.width(), vp.height())) {
            return; // no room: the graph matters more
        }
        double lineHeight = 16;
        double top = vp.height() - LEGEND_HEIGHT + 4;
        s.fillRect(6, top - 4, 620, 3 * lineHeight + 8, 6, palette.labelPlate());
        double x = 12;
        double y = top + lineHeight / 2;
        for (Platform platform : Platform.values()) {
            x = swatch(s, x, y, PLATFORM.get(platform), platform.displayName(), palette);
        }
        x = swatch(s, x, y, GATEWAY, "gateway", palette);
        swatch(s, x, y, EXTERNAL, "external host", palette);
        x = 12;
        y += lineHeight;
        x = stroke(s, x, y, Style.ROUTE, "route", palette);
        x = stroke(s, x, y, Style.ROUTE_IDLE, "no traffic", palette);
        x = stroke(s, x, y, Style.CONDITIONAL, "conditional", palette);
        x = stroke(s, x, y, Style.MIRROR, "mirror", palette);
        x = stroke(s, x, y, Style.FAILOVER, "failover", palette);
        x = stroke(s, x, y, Style.CALL, "call", palette);
        stroke(s, x, y, Style.CALL_ERRORS, "errors", palette);
        x = 12;
        y += lineHeight;
        for (Badge b : Badge.values()) {
            s.circle(x + 6, y, 6, badgeColour(b, palette));
            s.text(b.letter(), x + 6, y, 8, true, Color.WHITE, DrawSurface.Align.CENTRE);
            s.text(b.description(), x + 15, y, 10, false, palette.muted(), DrawSurface.Align.LEFT);
            x += 15 + b.description().length() * 5.6 + 10;
        }
    }

    private static Color badgeColour(Badge b, GraphPalette palette) {
        return b == Badge.UNHEALTHY ? ERROR : b == Badge.CANARY ? ROUTE : palette.muted();
    }

    private static double swatch(DrawSurface s, double x, double y, Color colour, String text, GraphPalette palette) {
        s.fillRect(x, y - 5, 10, 10, 3, colour);
        s.text(text, x + 14, y, 10, false, palette.muted(), DrawSurface.Align.LEFT);
        return x + 14 + text.length() * 5.6 + 12;
    }

    private static double stroke(DrawSurface s, double x, double y, Style style, String text, GraphPalette palette) {
        s.lines(new double[] {x, y, x + 18, y}, 1, style.colour, 2, style.dash);
        s.text(text, x + 22, y, 10, false, palette.muted(), DrawSurface.Align.LEFT);
        return x + 22 + text.length() * 5.6 + 10;
    }

    private static void boxes(DrawSurface s, Viewport vp, Picture p) {
        double scale = vp.scale();
        for (Box b : p.layout().boxes()) {
            if (!vp.shows(b.x(), b.y(), b.width(), b.height())) {
                continue;
            }
            double x = vp.screenX(b.x());
            double y = vp.screenY(b.y());
            double w = b.width() * scale;
            double h = b.height() * scale;
            s.fillRect(x, y, w, h, 10 * scale, p.palette().boxFill(b.depth()));
            s.strokeRect(x, y, w, h, 10 * scale, p.palette().boxStroke(), b.collapsed() ? 2 : 1);
            // headers name the boxes (Ingress, Knative, a namespace): readable from the zoom that shows labels
            double font = Math.max(8, Math.min(13, (TopologyLayout.HEADER - 8) * scale));
            if (scale >= LABEL_SCALE) {
                String label = (b.collapsed() ? "▸ " : "▾ ") + b.key().label()
                        + (b.collapsed() ? "  (" + count(p, b) + ")" : "");
                s.text(label, x + 6 * scale, y + TopologyLayout.HEADER / 2 * scale, font, b.depth() == 0, p.palette().muted(),
                        DrawSurface.Align.LEFT);
            }
        }
    }

    private static int count(Picture p, Box b) {
        return p.model().groups().entrySet().stream().filter(e -> b.key().contains(e.getKey()))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    private static boolean shown(Picture p, String id) {
        return p.visible() == null || p.visible().contains(id);
    }

    private static final class Batch {
        double[] xy = new double[256];
        int n;

        void add(double x1, double y1, double x2, double y2) {
            if (4 * n + 4 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, xy.length * 2);
            }
            xy[4 * n] = x1;
            xy[4 * n + 1] = y1;
            xy[4 * n + 2] = x2;
            xy[4 * n + 3] = y2;
            n++;
        }
    }

    private enum Style {
        CALL(GraphPainter.CALL, DrawSurface.Dash.SOLID), CALL_ERRORS(ERROR, DrawSurface.Dash.SOLID),
        ROUTE(GraphPainter.ROUTE, DrawSurface.Dash.SOLID), ROUTE_IDLE(GraphPainter.ROUTE, DrawSurface.Dash.DASHED),
        CONDITIONAL(GraphPainter.CONDITIONAL, DrawSurface.Dash.SOLID), CONDITIONAL_IDLE(GraphPainter.CONDITIONAL, DrawSurface.Dash.DASHED),
        MIRROR(GraphPainter.MIRROR, DrawSurface.Dash.DOTTED),
        FAILOVER(GraphPainter.FAILOVER, DrawSurface.Dash.SOLID), FAILOVER_IDLE(GraphPainter.FAILOVER, DrawSurface.Dash.DASHED);

        final Color colour;
        final DrawSurface.Dash dash;

        Style(Color colour, DrawSurface.Dash dash) {
            this.colour = colour;
            this.dash = dash;
        }
    }

    private static Style style(TopologyEdge e, double threshold) {
        boolean idle = e.configuredOnly();
        return switch (e.kind()) {
            case CALL -> e.observed().errorRatio() > threshold ? Style.CALL_ERRORS : Style.CALL;
            case ROUTE -> idle ? Style.ROUTE_IDLE : Style.ROUTE;
            case CONDITIONAL_ROUTE -> idle ? Style.CONDITIONAL_IDLE : Style.CONDITIONAL;
            case MIRROR -> Style.MIRROR;
            case FAILOVER -> idle ? Style.FAILOVER_IDLE : Style.FAILOVER;
        };
    }

    private static void edges(DrawSurface s, Viewport vp, Picture p) {
        boolean detailed = vp.scale() >= LABEL_SCALE;
        boolean labelled = vp.scale() >= EDGE_LABEL_SCALE;
        double threshold = p.model().errorThreshold();
        Map<Style, Batch> batches = new EnumMap<>(Style.class);
        Labels labels = new Labels();
        double half = TopologyLayout.NODE_WIDTH / 2;
        for (TopologyEdge e : p.model().edges()) {
            if (!shown(p, e.from()) || !shown(p, e.to())) {
                continue;
            }
            Point a = p.layout().anchor(e.from());
            Point b = p.layout().anchor(e.to());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            // leave the source on its right side and enter the target on its left when it lies to the right
            double dir = b.x() >= a.x() ? 1 : -1;
            double x1 = a.x() + dir * (p.layout().position(e.from()) == null ? 0 : half);
            double x2 = b.x() - dir * (p.layout().position(e.to()) == null ? 0 : half);
            if (!vp.shows(Math.min(x1, x2), Math.min(a.y(), b.y()), Math.abs(x2 - x1), Math.abs(b.y() - a.y()))) {
                continue;
            }
            Style style = style(e, threshold);
            double sx1 = vp.screenX(x1);
            double sy1 = vp.screenY(a.y());
            double sx2 = vp.screenX(x2);
            double sy2 = vp.screenY(b.y());
            batches.computeIfAbsent(detailed ? style : simplified(style), k -> new Batch()).add(sx1, sy1, sx2, sy2);
            if (detailed) {
                arrow(s, sx1, sy1, sx2, sy2, style.colour);
            }
            if (labelled) {
                String text = vp.scale() >= FULL_EDGE_LABEL_SCALE ? edgeLabel(e) : shortEdgeLabel(e);
                // towards the target: the edges fanning out of one node (a canary's versions) part there
                double mx = sx1 + 0.65 * (sx2 - sx1);
                double my = sy1 + 0.65 * (sy2 - sy1) - 7;
                // a backing plate keeps the figures readable over lines and boxes (width estimated, no font metrics)
                double w = text.length() * 6.3 + 6;
                if (!text.isEmpty() && labels.free(mx - w / 2, my - 7, w, 14)) {
                    s.fillRect(mx - w / 2, my - 7, w, 14, 6, p.palette().labelPlate());
                    s.text(text, mx, my, 10.5, false, style.colour, DrawSurface.Align.CENTRE);
                }
            }
        }
        double width = detailed ? 1.6 : 1;
        batches.forEach((style, batch) -> s.lines(batch.xy, batch.n, style.colour, width, style.dash));
    }

    /**
     * The edge labels drawn so far in a frame: a label that would cover one of them is left out (zoom in, or
     * select the function, to read it) rather than drawn over it.
     */
    private static final class Labels {
        private final List<double[]> drawn = new ArrayList<>();

        /** Whether the box is clear of every label drawn so far; if so it is taken. */
        boolean free(double x, double y, double w, double h) {
            for (double[] r : drawn) {
                if (x < r[0] + r[2] && r[0] < x + w && y < r[1] + r[3] && r[1] < y + h) {
                    return false;
                }
            }
            drawn.add(new double[] {x, y, w, h});
            return true;
        }
    }

    /** Zoomed out every edge is a thin solid line in its kind's colour: dashes cost time and show nothing. */
    private static Style simplified(Style style) {
        return switch (style) {
            case ROUTE_IDLE -> Style.ROUTE;
            case CONDITIONAL_IDLE -> Style.CONDITIONAL;
            case FAILOVER_IDLE -> Style.FAILOVER;
            case MIRROR -> Style.CONDITIONAL;
            default -> style;
        };
    }

    private static void arrow(DrawSurface s, double x1, double y1, double x2, double y2, Color colour) {
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 12) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double size = 8;
        s.triangle(x2, y2, x2 - size * ux - size / 2 * uy, y2 - size * uy + size / 2 * ux,
                x2 - size * ux + size / 2 * uy, y2 - size * uy - size / 2 * ux, colour);
    }

    /** "90%", "x-version=v2", "mirror 10%", then the traffic: "12.5 rps · 2.0% err · p95 80 ms". */
    static String edgeLabel(TopologyEdge e) {
        StringBuilder text = new StringBuilder();
        if (e.kind() == EdgeKind.CONDITIONAL_ROUTE) {
            text.append(e.condition());
        } else if (e.kind() == EdgeKind.MIRROR) {
            text.append("mirror").append(Double.isNaN(e.weight()) ? "" : " " + percent(e.weight()));
        } else if (e.configured() && !Double.isNaN(e.weight())) {
            text.append(e.kind() == EdgeKind.FAILOVER ? "failover " : "").append(percent(e.weight()));
        } else if (e.kind() == EdgeKind.FAILOVER) {
            text.append("failover");
        }
        TrafficStats t = e.observed();
        if (t != null && t.requestsPerSecond() > 0) {
            if (text.length() > 0) {
                text.append("  ");
            }
            text.append(String.format(Locale.ROOT, "%.1f rps · %.1f%% err", t.requestsPerSecond(), 100 * t.errorRatio()));
            if (t.hasLatency()) {
                text.append(String.format(Locale.ROOT, " · p95 %.0f ms", t.p95Millis()));
            }
        }
        return text.toString();
    }

    /** "90%  12.5 rps": what a canary split and its traffic look like from further out. */
    static String shortEdgeLabel(TopologyEdge e) {
        String full = edgeLabel(e);
        int figures = full.indexOf(" · ");
        return figures < 0 ? full : full.substring(0, figures);
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f%%", value) : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static void nodes(DrawSurface s, Viewport vp, Picture p) {
        double scale = vp.scale();
        double w = TopologyLayout.NODE_WIDTH * scale;
        double h = TopologyLayout.NODE_HEIGHT * scale;
        boolean detailed = scale >= LABEL_SCALE;
        Map<Color, Batch> tiles = new java.util.HashMap<>();
        for (TopologyNode n : p.model().nodes()) {
            if (!shown(p, n.id())) {
                continue;
            }
            Point pos = p.layout().position(n.id());
            if (pos == null || !vp.shows(pos.x(), pos.y(), TopologyLayout.NODE_WIDTH, TopologyLayout.NODE_HEIGHT)) {
                continue;
            }
            double x = vp.screenX(pos.x());
            double y = vp.screenY(pos.y());
            Optional<String> asOf = p.staleMark().apply(n);
            Color colour = asOf.isPresent() ? SILENT : colour(n);
            boolean marked = p.highlighted().contains(n.id());
            if (marked) {
                s.fillRect(x - 4, y - 4, w + 8, h + 8, 12, HIGHLIGHT);
            }
            if (!detailed) {
                tiles.computeIfAbsent(n.has(Badge.UNHEALTHY) && asOf.isEmpty() ? ERROR : colour, c -> new Batch()).add(x, y, w, h);
                continue;
            }
            if (asOf.isPresent()) {
                silentNode(s, n, asOf.get(), x, y, w, h, scale, n.id().equals(p.selected()), p.palette());
                continue;
            }
            boolean version = n.kind() == NodeKind.VERSION;
            s.fillRect(x, y, w, h, 10 * scale, version ? colour.deriveColor(0, 0.35, p.palette().versionBrightness(), 1)
                    : p.palette().tile());
            s.fillRect(x, y, 6 * scale, h, 0, colour);
            s.strokeRect(x, y, w, h, 10 * scale, n.has(Badge.UNHEALTHY) ? ERROR : colour,
                    n.id().equals(p.selected()) ? 3 : n.has(Badge.UNHEALTHY) ? 2 : 1);
            if (n.id().equals(p.selected())) {
                s.strokeRect(x - 3, y - 3, w + 6, h + 6, 12 * scale, p.palette().selected(), 2);
            }
            // never smaller than 8 px: the label is why one zooms in
            double font = Math.max(8, 12 * scale);
            // as many characters as the tile holds (about 0.6 em each): a label never runs out of its node
            int room = (int) ((w - 14 * scale) / (0.6 * font));
            s.text(fit(n.label(), Math.max(4, Math.min(20, room))), x + 12 * scale, y + h / 2, font, n.kind() == NodeKind.FUNCTION,
                    p.palette().text(), DrawSurface.Align.LEFT);
            badges(s, n, x + w, y, scale, p.palette());
        }
        tiles.forEach((colour, batch) -> s.rects(batch.xy, batch.n, colour));
    }

    /**
     * A node of a source that does not answer: grey with a dashed outline, its label and, under it, the age of what
     * it shows. No badges or health colour: they are what the source said last, not what holds now.
     */
    private static void silentNode(DrawSurface s, TopologyNode n, String asOf, double x, double y, double w, double h,
                                   double scale, boolean selected, GraphPalette palette) {
        s.fillRect(x, y, w, h, 10 * scale, SILENT_FILL);
        s.lines(new double[] {x, y, x + w, y, x + w, y, x + w, y + h, x + w, y + h, x, y + h, x, y + h, x, y}, 4, SILENT,
                1.5, DrawSurface.Dash.DASHED);
        if (selected) {
            s.strokeRect(x - 3, y - 3, w + 6, h + 6, 12 * scale, palette.selected(), 2);
        }
        double font = Math.max(8, 11 * scale);
        int room = (int) ((w - 14 * scale) / (0.6 * font));
        s.text(fit(n.label(), Math.max(4, Math.min(20, room))), x + 8 * scale, y + h * 0.34, font, n.kind() == NodeKind.FUNCTION,
                palette.muted(), DrawSurface.Align.LEFT);
        s.text(asOf, x + 8 * scale, y + h * 0.74, Math.max(7, 9 * scale), false, palette.muted(), DrawSurface.Align.LEFT);
    }

    private static void badges(DrawSurface s, TopologyNode n, double right, double top, double scale, GraphPalette palette) {
        double r = 7 * scale;
        double cx = right - r - 2 * scale;
        for (Badge b : Badge.values()) {
            if (!n.has(b)) {
                continue;
            }
            s.circle(cx, top, r, badgeColour(b, palette));
            s.text(b.letter(), cx, top, 9 * scale, true, Color.WHITE, DrawSurface.Align.CENTRE);
            cx -= 2 * r + 2 * scale;
        }
    }

    private static String fit(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }
}
