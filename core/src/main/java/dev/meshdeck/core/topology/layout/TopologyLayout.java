package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.TopologyChange;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Positions of a {@link TopologyModel}'s nodes. Each group (a namespace or region of one platform and context) is
 * laid out on its own with ELK layered, left to right — all groups in parallel — in a box with a one-line header
 * ("Knative · ctx · namespace"); the boxes are then packed in rows to about the viewport's shape. Positions are
 * kept: a node that arrives later takes a free slot in its box's reserved row and nobody else moves; a group whose
 * nodes came and went is only laid out again when asked ({@link #relayoutDirty()}).
 *
 * <p>Only the nodes a filter leaves ({@link #setShown}) are laid out: a box with none of them is not drawn at all.
 * An edge between two boxes is routed around the boxes it does not enter ({@link #route}).
 *
 * <p>Like the model, confine a layout to one thread; only {@link Job#run()} may run elsewhere.
 */
public final class TopologyLayout {

    public static final double NODE_HEIGHT = 34;
    public static final double GAP = 14;
    public static final double HEADER = 24;
    public static final double PADDING = 10;
    /** Estimated advance of one header character (12 px), and the room of the fold mark and platform icon. */
    static final double HEADER_CHAR_WIDTH = 7.0;
    static final double HEADER_EXTRA = 56;

    private final TopologyModel model;
    private final Map<GroupKey, GroupLayout> groups = new HashMap<>();
    private final List<GroupKey> order = new ArrayList<>();
    private final Map<String, GroupKey> groupOfNode = new HashMap<>();
    private final Set<GroupKey> dirty = new HashSet<>();
    private final Set<GroupKey> collapsed = new HashSet<>();
    private final Map<GroupKey, Box> boxByKey = new HashMap<>();
    private final EdgeRouter router = new EdgeRouter(this);
    private Predicate<String> shown = id -> true;
    private double aspectRatio = 1.6;
    private Map<String, Point> absolute = new HashMap<>();
    private List<Box> boxes = List.of();
    private double width;
    private double height;

    public TopologyLayout(TopologyModel model) {
        this.model = model;
    }

    /**
     * The inputs of a layout, captured from the model on its thread; {@link #run()} does the ELK work and may
     * run on any thread; {@link #install(Job)} takes the result back on the model's thread.
     */
    public static final class Job {
        private final Map<GroupKey, List<String>> members;
        private final Map<GroupKey, List<TopologyEdge>> edges;
        private final Map<String, Double> widths;
        /** Every group that is shown: the boxes not in it go. */
        private final boolean full;
        private Map<GroupKey, GroupLayout> result;

        private Job(Map<GroupKey, List<String>> members, Map<GroupKey, List<TopologyEdge>> edges, Map<String, Double> widths,
                    boolean full) {
            this.members = members;
            this.edges = edges;
            this.widths = widths;
            this.full = full;
        }

        /** Lays out every group, in parallel, largest first so the long ones start early. */
        public Job run() {
            Map<GroupKey, GroupLayout> done = Collections.synchronizedMap(new HashMap<>());
            members.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<GroupKey, List<String>> e) -> e.getValue().size()).reversed())
                    .parallel()
                    .forEach(e -> done.put(e.getKey(), LayeredGroupLayouter.layout(e.getValue(),
                            edges.getOrDefault(e.getKey(), List.of()), widths::get)));
            result = done;
            return this;
        }

        /**
         * A quick placement of the same nodes, without ELK: each group's in a grid of about the shape ELK gives it.
         * A large estate's first layout takes a second or more (more in a fresh JVM); this one a few milliseconds,
         * so the graph can be shown, searched and clicked while {@link #run()} works.
         */
        public Job sketch() {
            Job quick = new Job(members, edges, widths, full);
            Map<GroupKey, GroupLayout> done = new HashMap<>();
            members.forEach((key, ids) -> done.put(key, LayeredGroupLayouter.grid(ids, widths::get)));
            quick.result = done;
            return quick;
        }

        /** How many nodes the job places. */
        public int size() {
            return widths.size();
        }
    }

    /** Captures every shown node of the model for a full layout. Model thread. */
    public Job prepare() {
        return prepare(model.groups().keySet(), true);
    }

    private Job prepare(Set<GroupKey> keys, boolean full) {
        Map<GroupKey, List<String>> members = new LinkedHashMap<>();
        Map<String, Double> widths = new HashMap<>();
        for (GroupKey key : keys) {
            Set<String> ids = model.groups().get(key);
            List<String> kept = ids == null ? List.of() : ids.stream().filter(shown).toList();
            if (!kept.isEmpty()) {
                members.put(key, kept);
                kept.forEach(id -> widths.put(id, nodeWidth(id)));
            }
        }
        Map<GroupKey, List<TopologyEdge>> internal = new HashMap<>();
        for (TopologyEdge e : model.edges()) {
            TopologyNode from = model.node(e.from());
            TopologyNode to = model.node(e.to());
            if (from != null && to != null && from.group().equals(to.group()) && members.containsKey(from.group())) {
                internal.computeIfAbsent(from.group(), k -> new ArrayList<>()).add(e);
            }
        }
        return new Job(members, internal, widths, full);
    }

    /** Lays out everything now, on this thread (ELK still runs the groups in parallel). */
    public void layoutAll() {
        install(prepare().run());
    }

    /**
     * Takes a finished job's positions. Nodes that arrived after {@link #prepare()} take free slots; nodes that
     * left are dropped; after a full job, boxes left with nothing shown go. Model thread.
     */
    public void install(Job job) {
        if (job.result == null) {
            throw new IllegalStateException("The layout job has not run yet: call run() before install()");
        }
        if (job.full) {
            groups.clear();
            groupOfNode.clear();
            order.clear();
            dirty.clear();
        }
        for (Map.Entry<GroupKey, GroupLayout> e : job.result.entrySet()) {
            GroupLayout before = groups.put(e.getKey(), e.getValue());
            if (before != null) {
                before.positions().keySet().forEach(groupOfNode::remove);
            }
            e.getValue().positions().keySet().forEach(id -> groupOfNode.put(id, e.getKey()));
            dirty.remove(e.getKey());
        }
        for (GroupKey key : job.result.keySet()) {
            if (!order.contains(key)) {
                order.add(key);
            }
        }
        sortOrder();
        reconcile();
        Set<GroupKey> missing = new LinkedHashSet<>();
        model.groups().forEach((key, ids) -> {
            if (!groups.containsKey(key) && ids.stream().anyMatch(shown)) {
                missing.add(key); // groups that appeared while the job ran
            }
        });
        if (!missing.isEmpty()) {
            addGroups(prepare(missing, false).run());
        }
        pack();
    }

    private void addGroups(Job job) {
        job.result.forEach((key, layout) -> {
            groups.put(key, layout);
            layout.positions().keySet().forEach(id -> groupOfNode.put(id, key));
            order.add(key);
        });
        sortOrder();
    }

    /** Boxes by tier (ingress, then platforms in their order), context and namespace, however they arrived. */
    private void sortOrder() {
        order.sort(Comparator.comparingInt((GroupKey g) -> tierRank(g.tier()))
                .thenComparing(GroupKey::source).thenComparing(GroupKey::namespace));
    }

    /**
     * Which nodes are laid out and drawn (a filter, a focus); all by default. Takes effect at the next full layout
     * ({@link #prepare()}); nodes arriving meanwhile that it leaves out are not placed.
     */
    public void setShown(Predicate<String> value) {
        shown = value == null ? id -> true : value;
    }

    /** Packs the boxes in rows to make the whole about {@code ratio} times wider than high (the viewport's shape). */
    public void setAspectRatio(double ratio) {
        if (ratio > 0 && Math.abs(ratio - aspectRatio) > 0.01) {
            aspectRatio = ratio;
            pack();
        }
    }

    /** Follows one model update: new nodes take free slots, removed ones leave holes. */
    public void apply(TopologyChange change) {
        boolean repack = false;
        for (String id : change.removed()) {
            GroupKey g = groupOfNode.remove(id);
            if (g != null) {
                groups.get(g).remove(id);
                absolute.remove(id);
                dirty.add(g);
            }
        }
        Set<GroupKey> newGroups = new LinkedHashSet<>();
        for (String id : change.added()) {
            TopologyNode node = model.node(id);
            if (node == null || groupOfNode.containsKey(id) || !shown.test(id)) {
                continue;
            }
            GroupLayout layout = groups.get(node.group());
            if (layout == null) {
                newGroups.add(node.group());
                continue;
            }
            repack |= layout.append(id, nodeWidth(id));
            groupOfNode.put(id, node.group());
            dirty.add(node.group());
            if (!repack) {
                place(id, node.group());
            }
        }
        if (!newGroups.isEmpty()) {
            addGroups(prepare(newGroups, false).run());
            repack = true;
        }
        if (repack) {
            pack();
        } else if (!change.added().isEmpty() || !change.removed().isEmpty()) {
            router.clear();
        }
    }

    /** Groups whose nodes changed since they were laid out. */
    public Set<GroupKey> dirtyGroups() {
        return Collections.unmodifiableSet(dirty);
    }

    /** Lays out again the groups that changed (emptied ones disappear), then packs the boxes. */
    public void relayoutDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        Set<GroupKey> redo = new HashSet<>(dirty);
        for (GroupKey g : redo) {
            Set<String> ids = model.groups().get(g);
            if (ids == null || ids.stream().noneMatch(shown)) {
                GroupLayout gone = groups.remove(g);
                if (gone != null) {
                    gone.positions().keySet().forEach(groupOfNode::remove);
                }
                order.remove(g);
                dirty.remove(g);
            }
        }
        redo.retainAll(groups.keySet());
        install(prepare(redo, false).run());
    }

    public void setCollapsed(GroupKey key, boolean value) {
        if (value ? collapsed.add(key) : collapsed.remove(key)) {
            pack();
        }
    }

    public boolean isCollapsed(GroupKey key) {
        return collapsed.contains(key);
    }

    /** Top-left corner of the node; null when it is hidden in a collapsed box, filtered out or unknown. */
    public Point position(String id) {
        return absolute.get(id);
    }

    /** How wide the node is drawn: as its name, within {@link NodeText}'s bounds. */
    public double nodeWidth(String id) {
        TopologyNode n = model.node(id);
        return NodeText.width(n == null ? "" : n.label());
    }

    /** The node's rectangle, or the collapsed box hiding it; null when it is not drawn. */
    public Rect rect(String id) {
        Point p = absolute.get(id);
        if (p != null) {
            return new Rect(p.x(), p.y(), nodeWidth(id), NODE_HEIGHT);
        }
        GroupKey g = groupOfNode.get(id);
        Box box = g == null || !collapsed.contains(g) ? null : boxByKey.get(g);
        return box == null ? null : new Rect(box.x(), box.y(), box.width(), box.height());
    }

    /** Where the node's edges end: its centre, or the centre of the collapsed box hiding it. */
    public Point anchor(String id) {
        Rect r = rect(id);
        return r == null ? null : r.centre();
    }

    /** The box a drawn node sits in; null when it is not laid out. */
    public GroupKey groupOf(String id) {
        return groupOfNode.get(id);
    }

    /**
     * The edge's line in graph coordinates (x0, y0, x1, y1, ...), from the side of its source to the side of its
     * target, around every box it does not enter; null when an end is not drawn. Computed when first asked.
     */
    public double[] route(TopologyEdge edge) {
        return router.route(edge);
    }

    /** Every box, in draw order. */
    public List<Box> boxes() {
        return boxes;
    }

    public Box box(GroupKey key) {
        return boxByKey.get(key);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The nodes drawn in a box (none when it is collapsed). */
    List<String> nodesIn(GroupKey key) {
        GroupLayout layout = groups.get(key);
        return layout == null || collapsed.contains(key) ? List.of() : List.copyOf(layout.positions().keySet());
    }

    // ---- packing ------------------------------------------------------------------------------------------

    private static int tierRank(String tier) {
        if (GroupKey.INGRESS.equals(tier)) {
            return 0;
        }
        for (Platform p : Platform.values()) {
            if (p.displayName().equals(tier)) {
                return 1 + p.ordinal();
            }
        }
        return 100;
    }

    /** Model nodes without a position take free slots; positions of nodes gone or filtered out are dropped. */
    private void reconcile() {
        for (String id : List.copyOf(groupOfNode.keySet())) {
            if (model.node(id) == null || !shown.test(id)) {
                GroupKey g = groupOfNode.remove(id);
                groups.get(g).remove(id);
                dirty.add(g);
            }
        }
        for (Map.Entry<GroupKey, Set<String>> e : model.groups().entrySet()) {
            GroupLayout layout = groups.get(e.getKey());
            if (layout == null) {
                continue;
            }
            for (String id : e.getValue()) {
                if (!groupOfNode.containsKey(id) && shown.test(id)) {
                    layout.append(id, nodeWidth(id));
                    groupOfNode.put(id, e.getKey());
                    dirty.add(e.getKey());
                }
            }
        }
    }

    private void place(String id, GroupKey group) {
        Box box = boxByKey.get(group);
        Point rel = groups.get(group).position(id);
        if (box != null && !collapsed.contains(group)) {
            absolute.put(id, new Point(box.x() + PADDING + rel.x(), box.y() + HEADER + rel.y()));
        }
    }

    static double headerWidth(GroupKey key) {
        return HEADER_EXTRA + key.header().length() * HEADER_CHAR_WIDTH;
    }

    private void pack() {
        List<GroupKey> drawn = new ArrayList<>();
        for (GroupKey key : order) {
            GroupLayout layout = groups.get(key);
            if (layout != null && layout.size() > 0) {
                drawn.add(key); // an emptied or filtered-out box goes
            }
        }
        Map<GroupKey, double[]> sizes = new HashMap<>();
        for (GroupKey key : drawn) {
            GroupLayout layout = groups.get(key);
            double header = headerWidth(key);
            sizes.put(key, collapsed.contains(key) ? new double[] {header, HEADER + 4}
                    : new double[] {Math.max(header, layout.width() + 2 * PADDING), layout.height() + HEADER + PADDING});
        }
        Map<GroupKey, Point> at = new HashMap<>();
        double[] total = shelf(drawn, sizes, at, aspectRatio);
        List<Box> all = new ArrayList<>();
        boxByKey.clear();
        absolute = new HashMap<>();
        for (GroupKey key : drawn) {
            Point o = at.get(key);
            double[] size = sizes.get(key);
            Box box = new Box(key, o.x(), o.y(), size[0], size[1], collapsed.contains(key));
            all.add(box);
            boxByKey.put(key, box);
            if (!box.collapsed()) {
                groups.get(key).positions().forEach((id, rel) ->
                        absolute.put(id, new Point(o.x() + PADDING + rel.x(), o.y() + HEADER + rel.y())));
            }
        }
        boxes = List.copyOf(all);
        width = total[0];
        height = total[1];
        router.clear();
    }

    /**
     * Packs boxes in rows, wrapping at the width that lets the whole be drawn largest in a viewport {@code ratio}
     * times wider than high (a few widths are tried: boxes differ too much for one formula).
     */
    private static double[] shelf(List<GroupKey> keys, Map<GroupKey, double[]> sizes, Map<GroupKey, Point> out, double ratio) {
        double widest = 0;
        double total = 0;
        for (GroupKey k : keys) {
            widest = Math.max(widest, sizes.get(k)[0]);
            total += sizes.get(k)[0] + GAP;
        }
        double bestLimit = widest;
        double bestSide = Double.MAX_VALUE;
        int tries = 40;
        for (int i = 0; i <= tries; i++) {
            double limit = widest + (total - widest) * i / tries;
            double[] size = rows(keys, sizes, null, limit);
            // the height the whole needs in the viewport's shape: the smaller, the larger it is drawn
            double side = Math.max(size[0] / ratio, size[1]);
            if (side < bestSide - 1e-6) {
                bestSide = side;
                bestLimit = limit;
            }
        }
        return rows(keys, sizes, out, bestLimit);
    }

    /** Lays the boxes in rows no wider than {@code limit}; their corners go to {@code out} unless null. */
    private static double[] rows(List<GroupKey> keys, Map<GroupKey, double[]> sizes, Map<GroupKey, Point> out, double limit) {
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        double maxWidth = 0;
        for (GroupKey k : keys) {
            double[] s = sizes.get(k);
            if (x > 0 && x + s[0] > limit + 1e-6) {
                x = 0;
                y += rowHeight + GAP;
                rowHeight = 0;
            }
            if (out != null) {
                out.put(k, new Point(x, y));
            }
            x += s[0] + GAP;
            rowHeight = Math.max(rowHeight, s[1]);
            maxWidth = Math.max(maxWidth, x - GAP);
        }
        return new double[] {maxWidth, y + rowHeight};
    }
}
