package dev.meshdeck.views.topology;

import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.Badge;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.TopologyChange;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyFilter;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.Rect;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph's state apart from the canvas, tested without a stage: the layout, the viewport, filters, focus,
 * search, selection, what edges say and where their labels go, what a hover tells, and which nodes come from a
 * source that stopped answering. {@link TopologyView} only lays out its controls, binds them here and runs the
 * long work (full layouts) in the background. One thread (the FX thread in the window).
 */
public final class TopologyViewModel {

    /** More new nodes than this at once are laid out from scratch, off the FX thread. */
    static final int BULK = 200;
    /**
     * A first layout of more nodes than this shows a quick placement ({@code TopologyLayout.Job#sketch}) while ELK
     * works: at 5,000 functions ELK takes a second or more, several in a fresh JVM.
     */
    public static final int SKETCH_ABOVE = 1000;
    /** How close to an edge's line the pointer must be, in screen pixels, to hover it. */
    private static final double EDGE_REACH = 5;
    /** Above this many edges only the labels around the viewport are placed. */
    private static final int LABEL_ALL_EDGES = 2000;
    /** The zoom Fit does not go beyond: a handful of nodes is not blown up to fill the screen. */
    static final double FIT_MAX_SCALE = 2;

    private final TopologyModel model;
    private final TopologyLayout layout;
    private final ZoneId zone;
    /** Sources that are stale or failed now, with the status that says since when and as of when. */
    private final Map<SourceRef, SourceStatus> silent = new HashMap<>();
    private Viewport viewport = new Viewport(0, 0, 1, 0, 0);
    /** Screen pixels at the top that a banner covers: Fit keeps the graph below them. */
    private double topInset;
    private TopologyFilter filter = TopologyFilter.ALL;
    private String focusNode;
    private int hops = 1;
    private Set<String> visible;
    private Set<String> highlighted = Set.of();
    private String selected;
    /** A function asked for before its node exists (the window's --select during discovery). */
    private FunctionId wanted;
    private EdgeLabelMode labelMode = EdgeLabelMode.REQUESTS;
    private boolean legendShown;
    private boolean laidOut;
    /** Counts changes of what is drawn (not of where the view is): labels and the overview image follow it. */
    private long content;
    private long labelsContent = -1;
    private Rect labelsArea;
    private List<EdgeLabels.Placed> labels = List.of();

    public TopologyViewModel(TopologyModel model, ZoneId zone) {
        this.model = model;
        this.layout = new TopologyLayout(model);
        this.zone = zone;
        layout.setShown(id -> visible == null || visible.contains(id));
    }

    public TopologyModel model() {
        return model;
    }

    public TopologyLayout layout() {
        return layout;
    }

    // ---- sources that do not answer -------------------------------------------------------------------------

    /** Folds in the source states of a batch; true when a node's mark changed, so the graph must be drawn again. */
    public boolean apply(List<InventoryEvent> batch) {
        boolean changed = false;
        for (InventoryEvent event : batch) {
            if (event instanceof InventoryEvent.SourceChanged e) {
                SourceStatus status = e.status();
                changed |= silentNow(status.state())
                        ? !status.equals(silent.put(status.source(), status))
                        : silent.remove(status.source()) != null;
            } else if (event instanceof InventoryEvent.SourceRemoved e) {
                changed |= silent.remove(e.source()) != null;
            }
        }
        if (changed) {
            changed();
        }
        return changed;
    }

    private static boolean silentNow(SourceStatus.State state) {
        return state == SourceStatus.State.STALE || state == SourceStatus.State.FAILED;
    }

    /**
     * "as of 14:03:12" for a node whose function's source does not answer: what it shows is what that source said
     * last. Empty for a node of a live source, a gateway or an external host.
     */
    public Optional<String> staleMark(TopologyNode node) {
        if (node.function() == null) {
            return Optional.empty();
        }
        SourceStatus status = silent.get(node.function().id().source());
        return status == null ? Optional.empty() : Optional.of(status.asOf(zone).orElse("not answering"));
    }

    // ---- model and layout schedule --------------------------------------------------------------------------

    /**
     * Follows a model change: small ones are placed at once, keeping everyone else where they are; returns true
     * when a full layout must run instead (the first one, or many newcomers at once).
     */
    public boolean modelChanged(TopologyChange change) {
        if (selected != null && change.removed().contains(selected)) {
            selected = null;
        }
        if (wanted != null && model.node(TopologyModel.nodeId(wanted)) != null) {
            selected = TopologyModel.nodeId(wanted);
            wanted = null;
        }
        refreshVisible();
        changed();
        if (!laidOut || change.added().size() > BULK) {
            return true;
        }
        layout.apply(change);
        return false;
    }

    /** Whether a full layout of this many nodes shows a quick placement first: the first one of a large graph. */
    public boolean sketchFirst(int nodes) {
        return !laidOut && nodes > SKETCH_ABOVE;
    }

    /** A full layout (or its quick placement) was installed. */
    public void laidOut() {
        laidOut = true;
        changed();
    }

    public boolean isLaidOut() {
        return laidOut;
    }

    /** What is drawn changed: labels are placed again and the overview image made again. */
    public void changed() {
        content++;
    }

    public long content() {
        return content;
    }

    // ---- viewport ---------------------------------------------------------------------------------------------

    public Viewport viewport() {
        return viewport;
    }

    public void setViewport(Viewport value) {
        viewport = value;
    }

    public void resize(double width, double height) {
        viewport = viewport.resized(width, height);
    }

    /**
     * Shows the whole graph as large as the viewport allows: the boxes are packed to the viewport's shape first.
     * False while there is nothing to fit (no layout, no size yet).
     */
    public boolean fit() {
        if (viewport.width() <= 0 || viewport.height() <= 0 || layout.width() <= 0) {
            return false;
        }
        double room = Math.max(1, viewport.height() - topInset);
        layout.setAspectRatio(viewport.width() / room);
        Viewport below = Viewport.fitting(0, 0, layout.width(), layout.height(), viewport.width(), room, FIT_MAX_SCALE);
        viewport = new Viewport(below.originX(), below.originY() - topInset / below.scale(), below.scale(), viewport.width(),
                viewport.height());
        changed();
        return true;
    }

    /** How much of the top a banner covers (the stale-telemetry one), in screen pixels; 0 for none. */
    public void setTopInset(double pixels) {
        topInset = pixels;
    }

    // ---- search, selection, filters, focus --------------------------------------------------------------------

    /** Marks the nodes matching {@code text}, brings the first into view and returns them. */
    public Set<String> search(String text) {
        highlighted = model.search(text);
        highlighted.stream().map(layout::anchor).filter(p -> p != null).findFirst().ifPresent(p ->
                viewport = new Viewport(p.x() - viewport.width() / 2 / viewport.scale(), p.y() - viewport.height() / 2 / viewport.scale(),
                        viewport.scale(), viewport.width(), viewport.height()));
        changed();
        return highlighted;
    }

    public Set<String> highlighted() {
        return highlighted;
    }

    /** Selects a node; null (or a node not in the graph) clears. */
    public void select(String nodeId) {
        selected = nodeId != null && model.node(nodeId) != null ? nodeId : null;
        wanted = null;
        changed();
    }

    /** Selects this function's node, now or as soon as it is discovered. */
    public void selectFunction(FunctionId id) {
        String node = TopologyModel.nodeId(id);
        select(node);
        if (selected == null) {
            wanted = id;
        }
    }

    public String selected() {
        return selected;
    }

    /** The Istio Gateway of the selected node; empty when none is selected or it is not a Gateway's. */
    public Optional<IngressGateway> selectedGateway() {
        return selected == null ? Optional.empty() : model.gatewayOf(selected);
    }

        /** The function of the selected node (a version's function); null for none, a gateway or a host. */
    public ServerlessFunction selectedFunction() {
        return selected == null ? null : model.functionOf(selected);
    }

    public TopologyFilter filter() {
        return filter;
    }

    /** Applies a filter; true when the graph must be laid out again (with only what remains). */
    public boolean setFilter(TopologyFilter value) {
        filter = value;
        return refreshVisible();
    }

    /** Shows only the selected node and what is within {@code n} hops; false when nothing is selected. */
    public boolean focus(int n) {
        if (selected == null) {
            return false;
        }
        focusNode = selected;
        hops = n;
        refreshVisible();
        return true;
    }

    /** Shows everything the filters leave; true when the graph must be laid out again. */
    public boolean clearFocus() {
        focusNode = null;
        return refreshVisible();
    }

    /** The nodes drawn (filters and focus applied); null for all. */
    public Set<String> visible() {
        return visible;
    }

    /** Computes what is shown; true when that changed, so the layout must be made again for it. */
    private boolean refreshVisible() {
        Set<String> shown = filter.isAll() ? null : model.visible(filter);
        if (focusNode != null) {
            Set<String> around = model.neighbourhood(focusNode, hops);
            if (shown != null) {
                around.retainAll(shown);
            }
            shown = around;
        }
        boolean changed = !java.util.Objects.equals(shown, visible);
        visible = shown;
        if (changed) {
            changed();
        }
        return changed;
    }

    // ---- what edges say ---------------------------------------------------------------------------------------

    public EdgeLabelMode labelMode() {
        return labelMode;
    }

    public void setLabelMode(EdgeLabelMode value) {
        labelMode = value;
        changed();
    }

    public boolean legendShown() {
        return legendShown;
    }

    public void setLegendShown(boolean value) {
        legendShown = value;
    }

    /**
     * The edge labels and where they go, in graph coordinates: none overlaps another, a node or a box header. A large
     * graph places only the labels of the edges around the viewport (it is read zoomed in, a part at a time).
     */
    public List<EdgeLabels.Placed> labels() {
        Rect area = null;
        if (model.edges().size() > LABEL_ALL_EDGES) {
            // a screen's margin around the view, so a small pan keeps the labels where they are
            double w = viewport.width() / viewport.scale();
            double h = viewport.height() / viewport.scale();
            area = new Rect(Math.floor(viewport.originX() / w) * w - w, Math.floor(viewport.originY() / h) * h - h, 3 * w, 3 * h);
        }
        if (labelsContent != content || !java.util.Objects.equals(area, labelsArea)) {
            labels = EdgeLabels.place(model, layout, visible, labelMode, area);
            labelsContent = content;
            labelsArea = area;
        }
        return labels;
    }

    // ---- pointer ----------------------------------------------------------------------------------------------

    /** The drawn node under a screen point; null for none. */
    public String nodeAt(double screenX, double screenY) {
        double gx = viewport.graphX(screenX);
        double gy = viewport.graphY(screenY);
        for (TopologyNode n : model.nodes()) {
            if (layout.position(n.id()) != null && (visible == null || visible.contains(n.id()))
                    && layout.rect(n.id()).containsPoint(gx, gy)) {
                return n.id();
            }
        }
        return null;
    }

    /** The box whose header is under a screen point; null for none. */
    public Box headerAt(double screenX, double screenY) {
        double gx = viewport.graphX(screenX);
        double gy = viewport.graphY(screenY);
        return layout.boxes().stream().filter(b -> b.header().containsPoint(gx, gy)).findFirst().orElse(null);
    }

    /** What the pointer is over tells: a node's full name and figures, or an edge's; empty over nothing. */
    public Optional<HoverCard> hover(double screenX, double screenY) {
        String node = nodeAt(screenX, screenY);
        if (node != null) {
            return Optional.of(nodeCard(model.node(node)));
        }
        TopologyEdge edge = edgeAt(screenX, screenY);
        return edge == null ? Optional.empty() : Optional.of(edgeCard(edge));
    }

    private TopologyEdge edgeAt(double screenX, double screenY) {
        double gx = viewport.graphX(screenX);
        double gy = viewport.graphY(screenY);
        for (EdgeLabels.Placed l : labels()) {
            if (l.rect().containsPoint(gx, gy)) {
                return l.edge();
            }
        }
        double reach = EDGE_REACH / viewport.scale();
        for (TopologyEdge e : model.edges()) {
            if (visible != null && (!visible.contains(e.from()) || !visible.contains(e.to()))) {
                continue;
            }
            double[] route = layout.route(e);
            for (int k = 0; route != null && k + 3 < route.length; k += 2) {
                if (distance(gx, gy, route[k], route[k + 1], route[k + 2], route[k + 3]) <= reach) {
                    return e;
                }
            }
        }
        return null;
    }

    private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
        return Math.hypot(px - x1 - t * dx, py - y1 - t * dy);
    }

    private HoverCard nodeCard(TopologyNode n) {
        List<String> lines = new ArrayList<>();
        lines.add(n.group().header());
        if (n.function() != null) {
            lines.add("Health: " + n.health().name().toLowerCase(Locale.ROOT) + ", " + n.function().health().replicas() + " ready, " + n.function().health().state());
        }
        double in = 0;
        double out = 0;
        for (TopologyEdge e : model.edges()) {
            if (e.observed() != null && e.to().equals(n.id())) {
                in += e.observed().requestsPerSecond();
            }
            if (e.observed() != null && e.from().equals(n.id())) {
                out += e.observed().requestsPerSecond();
            }
        }
        model.gatewayOf(n.id()).ifPresent(g -> gatewayLines(g, lines));
        lines.add("Inbound: " + figures(n.stats()));
        lines.add(String.format(Locale.ROOT, "Requests: %.1f rps in, %.1f rps out over its edges", in, out));
        for (Badge b : Badge.values()) {
            if (n.has(b)) {
                lines.add(b.description());
            }
        }
        staleMark(n).ifPresent(mark -> lines.add("Source not answering: " + mark));
        return new HoverCard(n.label(), lines);
    }

    /** What an ingress node tells of its Gateway: the pods it configures, its servers, what is bound to it. */
    private static void gatewayLines(IngressGateway g, List<String> lines) {
        lines.add("Istio Gateway " + g.qualifiedName() + (g.workloads().isEmpty() ? ", selecting no ingress pods"
                : " on " + String.join(", ", g.workloads().stream().map(IngressGateway.Workload::qualifiedName).toList())));
        for (IngressGateway.Server s : g.servers()) {
            lines.add("Server " + s.port() + "/" + s.protocol() + " " + String.join(", ", s.hosts())
                    + s.tls().map(t -> " · TLS " + t.mode().name() + t.credentialName().map(c -> " (" + c + ")").orElse("")).orElse(""));
        }
        lines.add(g.virtualServices().isEmpty() ? "No VirtualService bound" : "Bound: " + String.join(", ", g.virtualServices()));
    }

    private HoverCard edgeCard(TopologyEdge e) {
        List<String> lines = new ArrayList<>();
        lines.add(kind(e.kind()) + (e.configuredOnly() ? ", no traffic seen" : ""));
        if (!Double.isNaN(e.weight())) {
            lines.add("Weight: " + EdgeLabelMode.percent(e.weight()));
        }
        if (!e.condition().isEmpty()) {
            lines.add("When: " + e.condition());
        }
        if (e.observed() != null) {
            lines.add("Observed: " + figures(e.observed()));
        }
        return new HoverCard(label(e.from()) + " → " + label(e.to()), lines);
    }

    private String label(String id) {
        TopologyNode n = model.node(id);
        return n == null ? id : n.label();
    }

    private static String kind(EdgeKind kind) {
        return switch (kind) {
            case CALL -> "Call";
            case ROUTE -> "Route";
            case CONDITIONAL_ROUTE -> "Conditional route";
            case MIRROR -> "Mirror";
            case FAILOVER -> "Failover";
        };
    }

    private static String figures(TrafficStats t) {
        if (t == null || t.requestsPerSecond() <= 0) {
            return "no traffic seen";
        }
        return String.format(Locale.ROOT, "%.1f rps · %.1f%% errors", t.requestsPerSecond(), 100 * t.errorRatio())
                + (t.hasLatency() ? String.format(Locale.ROOT, " · p95 %.0f ms", t.p95Millis()) : "");
    }
}
