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

/**
 * Positions of a {@link TopologyModel}'s nodes. Each innermost group (namespace, region) is laid out on its own
 * with ELK layered, left to right — all groups in parallel — and the boxes are then packed platform →
 * context/account → namespace. Positions are kept: a node that arrives later takes a free slot in its box's
 * reserved row and nobody else moves; a group whose nodes came and went is only laid out again when asked
 * ({@link #relayoutDirty()}).
 *
 * <p>Like the model, confine a layout to one thread; only {@link Job#run()} may run elsewhere.
 */
public final class TopologyLayout {

    public static final double NODE_WIDTH = 150;
    public static final double NODE_HEIGHT = 34;
    public static final double GAP = 14;
    public static final double HEADER = 22;
    public static final double PADDING = 10;

    private final TopologyModel model;
    private final Map<GroupKey, GroupLayout> groups = new HashMap<>();
    private final List<GroupKey> order = new ArrayList<>();
    private final Map<String, GroupKey> groupOfNode = new HashMap<>();
    private final Set<GroupKey> dirty = new HashSet<>();
    private final Set<GroupKey> collapsed = new HashSet<>();
    private final Map<GroupKey, Box> boxByKey = new HashMap<>();
    private Map<String, Point> absolute = new HashMap<>();
    private List<Box> boxes = List.of();
    private double width;
    private double height;

    public TopologyLayout(TopologyModel model) {
        this.model = model;
    }

    /**
     * The inputs of a full layout, captured from the model on its thread; {@link #run()} does the ELK work
     * and may run on any thread; {@link #install(Job)} takes the result back on the model's thread.
     */
    public static final class Job {
        private final Map<GroupKey, List<String>> members;
        private final Map<GroupKey, List<TopologyEdge>> edges;
        private Map<GroupKey, GroupLayout> result;

        private Job(Map<GroupKey, List<String>> members, Map<GroupKey, List<TopologyEdge>> edges) {
            this.members = members;
            this.edges = edges;
        }

        /** Lays out every group, in parallel, largest first so the long ones start early. */
        public Job run() {
            Map<GroupKey, GroupLayout> done = Collections.synchronizedMap(new HashMap<>());
            members.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<GroupKey, List<String>> e) -> e.getValue().size()).reversed())
                    .parallel()
                    .forEach(e -> done.put(e.getKey(),
                            LayeredGroupLayouter.layout(e.getValue(), edges.getOrDefault(e.getKey(), List.of()))));
            result = done;
            return this;
        }
    }

    /** Captures every group of the model for a full layout. Model thread. */
    public Job prepare() {
        return prepare(model.groups().keySet());
    }

    private Job prepare(Set<GroupKey> keys) {
        Map<GroupKey, List<String>> members = new LinkedHashMap<>();
        for (GroupKey key : keys) {
            Set<String> ids = model.groups().get(key);
            if (ids != null && !ids.isEmpty()) {
                members.put(key, List.copyOf(ids));
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
        return new Job(members, internal);
    }

    /** Lays out everything now, on this thread (ELK still runs the groups in parallel). */
    public void layoutAll() {
        install(prepare().run());
    }

    /**
     * Takes a finished job's positions. Nodes that arrived after {@link #prepare()} take free slots; nodes that
     * left are dropped. Model thread.
     */
    public void install(Job job) {
        if (job.result == null) {
            throw new IllegalStateException("The layout job has not run yet: call run() before install()");
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
        Set<GroupKey> missing = new LinkedHashSet<>(model.groups().keySet());
        missing.removeAll(groups.keySet());
        if (!missing.isEmpty()) {
            // groups that appeared while the job ran
            addGroups(prepare(missing).run());
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
            if (node == null || groupOfNode.containsKey(id)) {
                continue;
            }
            GroupLayout layout = groups.get(node.group());
            if (layout == null) {
                newGroups.add(node.group());
                continue;
            }
            repack |= layout.append(id);
            groupOfNode.put(id, node.group());
            dirty.add(node.group());
            if (!repack) {
                place(id, node.group());
            }
        }
        if (!newGroups.isEmpty()) {
            addGroups(prepare(newGroups).run());
            repack = true;
        }
        if (repack) {
            pack();
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
            if (ids == null || ids.isEmpty()) {
                GroupLayout gone = groups.remove(g);
                if (gone != null) {
                    gone.positions().keySet().forEach(groupOfNode::remove);
                }
                order.remove(g);
                dirty.remove(g);
            }
        }
        redo.retainAll(groups.keySet());
        install(prepare(redo).run());
    }

    public void setCollapsed(GroupKey key, boolean value) {
        if (value ? collapsed.add(key) : collapsed.remove(key)) {
            pack();
        }
    }

    public boolean isCollapsed(GroupKey key) {
        return collapsed.contains(key);
    }

    /** Top-left corner of the node; null when it is hidden in a collapsed box or unknown. */
    public Point position(String id) {
        return absolute.get(id);
    }

    /** Where the node's edges end: its centre, or the centre of the collapsed box hiding it. */
    public Point anchor(String id) {
        Point p = absolute.get(id);
        if (p != null) {
            return new Point(p.x() + NODE_WIDTH / 2, p.y() + NODE_HEIGHT / 2);
        }
        GroupKey g = groupOfNode.get(id);
        if (g == null) {
            return null;
        }
        for (GroupKey level : g.path()) {
            if (collapsed.contains(level)) {
                Box box = boxByKey.get(level);
                return box == null ? null : box.centre();
            }
        }
        return null;
    }

    /** Every box, outermost first (draw order). */
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

    /** Model nodes without a position take free slots; positions of nodes gone from the model are dropped. */
    private void reconcile() {
        for (String id : List.copyOf(groupOfNode.keySet())) {
            if (model.node(id) == null) {
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
                if (!groupOfNode.containsKey(id)) {
                    layout.append(id);
                    groupOfNode.put(id, e.getKey());
                    dirty.add(e.getKey());
                }
            }
        }
    }

    private void place(String id, GroupKey group) {
        Box box = boxByKey.get(group);
        Point rel = groups.get(group).position(id);
        if (box != null && !hidden(group)) {
            absolute.put(id, new Point(box.x() + PADDING + rel.x(), box.y() + HEADER + rel.y()));
        }
    }

    private boolean hidden(GroupKey group) {
        for (GroupKey level : group.path()) {
            if (collapsed.contains(level)) {
                return true;
            }
        }
        return false;
    }

    /** The box tree: each key's children in order, the top-level keys under null. */
    private Map<GroupKey, List<GroupKey>> tree() {
        Map<GroupKey, List<GroupKey>> children = new LinkedHashMap<>();
        for (GroupKey leaf : order) {
            if (!model.groups().containsKey(leaf)) {
                continue; // emptied: its box goes at the next packing
            }
            GroupKey parent = null;
            for (GroupKey level : leaf.path()) {
                List<GroupKey> siblings = children.computeIfAbsent(parent, k -> new ArrayList<>());
                if (!siblings.contains(level)) {
                    siblings.add(level);
                }
                parent = level;
            }
        }
        return children;
    }

    private void pack() {
        Map<GroupKey, List<GroupKey>> tree = tree();
        Map<GroupKey, double[]> sizes = new HashMap<>();
        Map<GroupKey, Map<GroupKey, Point>> offsets = new HashMap<>();
        List<GroupKey> top = tree.getOrDefault(null, List.of());
        for (GroupKey key : top) {
            measure(key, tree, sizes, offsets);
        }
        Map<GroupKey, Point> topOffsets = new HashMap<>();
        double[] total = shelf(top, sizes, topOffsets);
        List<Box> all = new ArrayList<>();
        boxByKey.clear();
        absolute = new HashMap<>();
        for (GroupKey key : top) {
            Point o = topOffsets.get(key);
            place(key, o.x(), o.y(), 0, false, tree, sizes, offsets, all);
        }
        boxes = List.copyOf(all);
        width = total[0];
        height = total[1];
    }

    private void measure(GroupKey key, Map<GroupKey, List<GroupKey>> tree, Map<GroupKey, double[]> sizes,
                         Map<GroupKey, Map<GroupKey, Point>> offsets) {
        List<GroupKey> children = tree.getOrDefault(key, List.of());
        double[] content;
        if (collapsed.contains(key)) {
            content = new double[] {NODE_WIDTH, 0};
        } else if (children.isEmpty()) {
            GroupLayout layout = groups.get(key);
            content = layout == null ? new double[] {NODE_WIDTH, 0} : new double[] {layout.width(), layout.height()};
        } else {
            children.forEach(c -> measure(c, tree, sizes, offsets));
            Map<GroupKey, Point> inner = new HashMap<>();
            content = shelf(children, sizes, inner);
            offsets.put(key, inner);
        }
        sizes.put(key, new double[] {content[0] + 2 * PADDING, content[1] + HEADER + PADDING});
    }

    private void place(GroupKey key, double x, double y, int depth, boolean inCollapsed, Map<GroupKey, List<GroupKey>> tree,
                       Map<GroupKey, double[]> sizes, Map<GroupKey, Map<GroupKey, Point>> offsets, List<Box> out) {
        if (inCollapsed) {
            return;
        }
        double[] size = sizes.get(key);
        boolean closed = collapsed.contains(key);
        Box box = new Box(key, x, y, size[0], size[1], depth, closed);
        out.add(box);
        boxByKey.put(key, box);
        if (closed) {
            return;
        }
        List<GroupKey> children = tree.getOrDefault(key, List.of());
        if (children.isEmpty()) {
            GroupLayout layout = groups.get(key);
            if (layout != null) {
                layout.positions().forEach((id, rel) ->
                        absolute.put(id, new Point(x + PADDING + rel.x(), y + HEADER + rel.y())));
            }
            return;
        }
        Map<GroupKey, Point> inner = offsets.get(key);
        for (GroupKey child : children) {
            Point o = inner.get(child);
            place(child, x + PADDING + o.x(), y + HEADER + o.y(), depth + 1, false, tree, sizes, offsets, out);
        }
    }

    /** Packs boxes in rows, wrapping at a width that makes the whole about 1.6 times wider than high. */
    private static double[] shelf(List<GroupKey> keys, Map<GroupKey, double[]> sizes, Map<GroupKey, Point> out) {
        double area = 0;
        double widest = 0;
        for (GroupKey k : keys) {
            double[] s = sizes.get(k);
            area += (s[0] + GAP) * (s[1] + GAP);
            widest = Math.max(widest, s[0]);
        }
        double limit = Math.max(widest, Math.sqrt(area * 1.6));
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        double maxWidth = 0;
        for (GroupKey k : keys) {
            double[] s = sizes.get(k);
            if (x > 0 && x + s[0] > limit) {
                x = 0;
                y += rowHeight + GAP;
                rowHeight = 0;
            }
            out.put(k, new Point(x, y));
            x += s[0] + GAP;
            rowHeight = Math.max(rowHeight, s[1]);
            maxWidth = Math.max(maxWidth, x - GAP);
        }
        return new double[] {maxWidth, y + rowHeight};
    }
}
