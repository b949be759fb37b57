package dev.meshdeck.views.topology;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.Badge;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.NodeKind;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.NodeText;
import dev.meshdeck.core.topology.layout.Rect;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.paint.Color;

/**
 * Draws the graph for one viewport through a {@link DrawSurface}: only what is on screen, and less of it the
 * further out the zoom (names, badges and arrows from {@value #LABEL_SCALE}, edge labels from
 * {@value #EDGE_LABEL_SCALE}; below that nodes are plain tiles and edges plain lines). Health colours nodes and
 * edges at every zoom; a selection keeps its node and edges bright and dims the rest.
 */
final class GraphPainter {

    static final String FONT_FAMILY = "DejaVu Sans";
    static final double LABEL_SCALE = 0.4;
    static final double EDGE_LABEL_SCALE = 0.55;
    /** Below this many edges every edge is drawn on its route at every zoom; above, zoomed out they are straight. */
    private static final int ROUTED_ALWAYS = 1000;
    /** How far a routed edge may stray from the rectangle of its ends, for culling. */
    private static final double DETOUR = 400;
    /** What a dimmed element keeps of its colour while a selection stands out. */
    private static final double DIMMED = 0.22;
    /** The "Telemetry stale" banner across the top of the view. */
    static final double BANNER_HEIGHT = 22;
    /** Room the legend takes at the bottom of the view (when it fits). */
    static final double LEGEND_HEIGHT = 3 * 16 + 14;

    private static final Color CALL = Color.web("#64748b");
    private static final Color ROUTE = Color.web("#2563eb");
    private static final Color CONDITIONAL = Color.web("#7c3aed");
    private static final Color MIRROR = Color.web("#a855f7");
    private static final Color FAILOVER = Color.web("#ea580c");
    private static final Color ERROR = Color.web("#dc2626");
    /** Some errors, below the threshold that makes an edge red. */
    private static final Color WARN = Color.web("#d97706");
    private static final Color DEGRADED = Color.web("#f59e0b");
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
            Platform.LAMBDA, Color.web("#d97706"),
            Platform.CLOUDRUN, Color.web("#4285f4")));
    private static final Color GATEWAY = Color.web("#334155");
    private static final Color EXTERNAL = Color.web("#94a3b8");

    /** What to draw: the graph as its view model has it, the stale-telemetry note, the theme's colours. */
    record Picture(TopologyViewModel view, String staleMessage, GraphPalette palette) {
        TopologyModel model() {
            return view.model();
        }

        TopologyLayout layout() {
            return view.layout();
        }

        Set<String> visible() {
            return view.visible();
        }

        GraphScene scene() {
            return GraphScene.live(view);
        }
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

    static void paintGraph(DrawSurface s, Viewport vp, Picture p) {
        paintGraph(s, vp, p.scene(), p.palette());
    }

    /** The graph itself: background, boxes, edges, nodes. On the scene's thread, any thread for a frozen one. */
    static void paintGraph(DrawSurface s, Viewport vp, GraphScene scene, GraphPalette palette) {
        s.fillRect(0, 0, vp.width(), vp.height(), 0, palette.background());
        boxes(s, vp, scene, palette);
        edges(s, vp, scene, palette);
        nodes(s, vp, scene, palette);
        s.flush();
    }

    /** Whether edges are drawn on their routes at this zoom: zoomed out, a large graph's are drawn straight. */
    static boolean routes(double scale, int edges) {
        return scale >= LABEL_SCALE || edges <= ROUTED_ALWAYS;
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
        } else if (p.view().legendShown()) {
            legend(s, vp, p.palette());
        }
        if (p.staleMessage() != null) {
            s.fillRect(0, 0, vp.width(), BANNER_HEIGHT, 0, STALE);
            s.text("Telemetry stale — " + p.staleMessage(), 8, BANNER_HEIGHT / 2, 12, true, Color.WHITE, DrawSurface.Align.LEFT);
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
        x = stroke(s, x, y, Style.CALL_WARN, "some errors", palette);
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
        return switch (b) {
            case UNHEALTHY, ALERT -> ERROR;
            case ALERT_PENDING -> WARN;
            case CANARY -> ROUTE;
            default -> palette.muted();
        };
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

    private static void boxes(DrawSurface s, Viewport vp, GraphScene p, GraphPalette palette) {
        double scale = vp.scale();
        for (Box b : p.boxes()) {
            if (!vp.shows(b.x(), b.y(), b.width(), b.height())) {
                continue;
            }
            double x = vp.screenX(b.x());
            double y = vp.screenY(b.y());
            double w = b.width() * scale;
            double h = b.height() * scale;
            s.fillRect(x, y, w, h, 8 * scale, palette.boxFill());
            s.strokeRect(x, y, w, h, 8 * scale, palette.boxStroke(), b.collapsed() ? 2 : 1);
            // the platform's colour as the box's icon, then one line: "Knative · ctx · namespace"
            double mid = y + TopologyLayout.HEADER / 2 * scale;
            s.fillRect(x + 8 * scale, mid - 5 * scale, 10 * scale, 10 * scale, 3 * scale, tierColour(b.key().tier()));
            if (scale >= LABEL_SCALE) {
                String label = (b.collapsed() ? "▸ " : "▾ ") + b.key().header() + (b.collapsed() ? "  (" + p.members(b.key()) + ")" : "");
                s.text(label, x + 24 * scale, mid, 12 * scale, true, palette.muted(), DrawSurface.Align.LEFT);
            }
        }
    }

    private static Color tierColour(String tier) {
        for (Platform platform : Platform.values()) {
            if (platform.displayName().equals(tier)) {
                return PLATFORM.get(platform);
            }
        }
        return GroupKey.INGRESS.equals(tier) ? GATEWAY : EXTERNAL;
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
        CALL(GraphPainter.CALL, DrawSurface.Dash.SOLID), CALL_WARN(WARN, DrawSurface.Dash.SOLID),
        CALL_ERRORS(ERROR, DrawSurface.Dash.SOLID),
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

    /** An edge failing more than the threshold is red whatever its kind, so health reads at every zoom. */
    private static Style style(TopologyEdge e, double threshold) {
        boolean idle = e.configuredOnly();
        if (e.observed() != null && e.observed().requestsPerSecond() > 0 && e.observed().errorRatio() > threshold) {
            return Style.CALL_ERRORS;
        }
        return switch (e.kind()) {
            case CALL -> e.observed() != null && e.observed().errorRatio() > threshold / 5 ? Style.CALL_WARN : Style.CALL;
            case ROUTE -> idle ? Style.ROUTE_IDLE : Style.ROUTE;
            case CONDITIONAL_ROUTE -> idle ? Style.CONDITIONAL_IDLE : Style.CONDITIONAL;
            case MIRROR -> Style.MIRROR;
            case FAILOVER -> idle ? Style.FAILOVER_IDLE : Style.FAILOVER;
        };
    }

    private static void edges(DrawSurface s, Viewport vp, GraphScene p, GraphPalette palette) {
        boolean detailed = vp.scale() >= LABEL_SCALE;
        boolean routed = routes(vp.scale(), p.edges().size());
        double threshold = p.errorThreshold();
        String selected = p.selected();
        Map<Style, Batch> batches = new EnumMap<>(Style.class);
        Map<Style, Batch> dimmed = new EnumMap<>(Style.class);
        double left = vp.graphX(0);
        double top = vp.graphY(0);
        double right = vp.graphX(vp.width());
        double bottom = vp.graphY(vp.height());
        for (TopologyEdge e : p.edges()) {
            if (!p.shown(e.from()) || !p.shown(e.to())) {
                continue;
            }
            double[] line = straight(p, e);
            // a route keeps near its ends: an edge whose ends are far off screen is not routed at all
            if (line == null || !onScreen(line, left - DETOUR, top - DETOUR, right + DETOUR, bottom + DETOUR)) {
                continue;
            }
            line = routed ? p.route(e) : line;
            if (!onScreen(line, left, top, right, bottom)) {
                continue;
            }
            Style style = style(e, threshold);
            boolean dim = selected != null && !e.from().equals(selected) && !e.to().equals(selected);
            Batch batch = (dim ? dimmed : batches).computeIfAbsent(detailed ? style : simplified(style), k -> new Batch());
            for (int k = 0; k + 3 < line.length; k += 2) {
                batch.add(vp.screenX(line[k]), vp.screenY(line[k + 1]), vp.screenX(line[k + 2]), vp.screenY(line[k + 3]));
            }
            if (detailed) {
                int n = line.length;
                arrow(s, vp.screenX(line[n - 4]), vp.screenY(line[n - 3]), vp.screenX(line[n - 2]), vp.screenY(line[n - 1]),
                        dim ? style.colour.deriveColor(0, 1, 1, DIMMED) : style.colour);
            }
        }
        double width = detailed ? 1.6 : 1;
        dimmed.forEach((style, batch) -> s.lines(batch.xy, batch.n, style.colour.deriveColor(0, 1, 1, DIMMED), width, style.dash));
        batches.forEach((style, batch) -> s.lines(batch.xy, batch.n, style.colour, selected == null ? width : 2.4, style.dash));
        if (vp.scale() >= EDGE_LABEL_SCALE) {
            edgeLabels(s, vp, p, palette, threshold);
        }
    }

    /** Centre to centre: what a zoomed-out view of a large graph draws, without routing thousands of edges. */
    private static double[] straight(GraphScene p, TopologyEdge e) {
        Rect a = p.endRect(e.from());
        Rect b = p.endRect(e.to());
        if (a == null || b == null || a.equals(b)) {
            return null;
        }
        return new double[] {a.centre().x(), a.centre().y(), b.centre().x(), b.centre().y()};
    }

    private static boolean onScreen(double[] line, double left, double top, double right, double bottom) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int k = 0; k + 1 < line.length; k += 2) {
            minX = Math.min(minX, line[k]);
            maxX = Math.max(maxX, line[k]);
            minY = Math.min(minY, line[k + 1]);
            maxY = Math.max(maxY, line[k + 1]);
        }
        return maxX >= left && minX <= right && maxY >= top && minY <= bottom;
    }

    /** The labels the view model placed, clear of each other and of the nodes, each on a plate. */
    private static void edgeLabels(DrawSurface s, Viewport vp, GraphScene p, GraphPalette palette, double threshold) {
        String selected = p.selected();
        for (EdgeLabels.Placed l : p.labels()) {
            Rect r = l.rect();
            if (!vp.shows(r.x(), r.y(), r.width(), r.height())) {
                continue;
            }
            boolean dim = selected != null && !l.edge().from().equals(selected) && !l.edge().to().equals(selected);
            Color colour = style(l.edge(), threshold).colour;
            s.fillRect(vp.screenX(r.x()), vp.screenY(r.y()), r.width() * vp.scale(), r.height() * vp.scale(), 6 * vp.scale(),
                    palette.labelPlate());
            s.text(l.text(), vp.screenX(r.centre().x()), vp.screenY(r.centre().y()), EdgeLabels.FONT * vp.scale(), false,
                    dim ? colour.deriveColor(0, 1, 1, DIMMED * 2) : colour, DrawSurface.Align.CENTRE);
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

    /** The colour health gives a node's outline at every zoom; null when healthy (the platform's colour then). */
    private static Color healthColour(TopologyNode n) {
        if (n.has(Badge.UNHEALTHY) || n.health() == Health.Level.DOWN) {
            return ERROR;
        }
        return n.health() == Health.Level.DEGRADED ? DEGRADED : null;
    }

    private static void nodes(DrawSurface s, Viewport vp, GraphScene p, GraphPalette palette) {
        double scale = vp.scale();
        double h = TopologyLayout.NODE_HEIGHT * scale;
        boolean detailed = scale >= LABEL_SCALE;
        String selected = p.selected();
        Set<String> lit = selected == null ? Set.of() : neighbours(p, selected);
        Map<Color, Batch> tiles = new java.util.HashMap<>();
        for (TopologyNode n : p.nodes()) {
            if (!p.shown(n.id())) {
                continue;
            }
            Rect at = p.nodeRect(n.id());
            if (at == null || !vp.shows(at.x(), at.y(), at.width(), at.height())) {
                continue;
            }
            double x = vp.screenX(at.x());
            double y = vp.screenY(at.y());
            double w = at.width() * scale;
            Optional<String> asOf = p.staleMark(n);
            Color colour = asOf.isPresent() ? SILENT : colour(n);
            Color health = asOf.isPresent() ? null : healthColour(n);
            if (p.highlighted().contains(n.id())) {
                s.fillRect(x - 4, y - 4, w + 8, h + 8, 12, HIGHLIGHT);
            }
            if (!detailed) {
                tiles.computeIfAbsent(health != null ? health : colour, c -> new Batch()).add(x, y, w, h);
                continue;
            }
            if (asOf.isPresent()) {
                silentNode(s, n, asOf.get(), x, y, w, h, scale, n.id().equals(selected), palette);
            } else {
                node(s, n, x, y, w, h, scale, colour, health, n.id().equals(selected), palette);
            }
            if (selected != null && !lit.contains(n.id())) {
                s.fillRect(x - 1, y - 1, w + 2, h + 2, 10 * scale, palette.background().deriveColor(0, 1, 1, 1 - DIMMED));
            }
        }
        tiles.forEach((colour, batch) -> s.rects(batch.xy, batch.n, colour));
    }

    private static void node(DrawSurface s, TopologyNode n, double x, double y, double w, double h, double scale, Color colour,
                             Color health, boolean selected, GraphPalette palette) {
        boolean version = n.kind() == NodeKind.VERSION;
        s.fillRect(x, y, w, h, 10 * scale, version ? colour.deriveColor(0, 0.35, palette.versionBrightness(), 1) : palette.tile());
        s.fillRect(x, y, 6 * scale, h, 0, colour);
        s.strokeRect(x, y, w, h, 10 * scale, health != null ? health : colour, selected ? 3 : health != null ? 2 : 1);
        if (selected) {
            s.strokeRect(x - 3, y - 3, w + 6, h + 6, 12 * scale, palette.selected(), 2);
        }
        // the node is as wide as its name (NodeText): the whole name, or its head and tail, fits at every zoom
        s.text(NodeText.shown(n.label()), x + 12 * scale, y + h / 2, 12 * scale, n.kind() == NodeKind.FUNCTION,
                palette.text(), DrawSurface.Align.LEFT);
        badges(s, n, x + w, y, scale, palette);
    }

    /** The selected node and the nodes at the other end of its edges: what stays bright. */
    private static Set<String> neighbours(GraphScene p, String selected) {
        Set<String> lit = new java.util.HashSet<>();
        lit.add(selected);
        for (TopologyEdge e : p.edges()) {
            if (e.from().equals(selected)) {
                lit.add(e.to());
            } else if (e.to().equals(selected)) {
                lit.add(e.from());
            }
        }
        return lit;
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
        s.text(NodeText.shown(n.label()), x + 8 * scale, y + h * 0.34, 11 * scale, n.kind() == NodeKind.FUNCTION,
                palette.muted(), DrawSurface.Align.LEFT);
        s.text(asOf, x + 8 * scale, y + h * 0.74, 9 * scale, false, palette.muted(), DrawSurface.Align.LEFT);
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
}
