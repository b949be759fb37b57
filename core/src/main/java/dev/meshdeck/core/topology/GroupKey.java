package dev.meshdeck.core.topology;

import java.util.List;

/**
 * The box a node is drawn in: platform (or Ingress / External), then cluster context or AWS account, then
 * namespace or region. Each level is collapsible; an empty level is skipped.
 */
public record GroupKey(String tier, String source, String namespace) {

    public static final String INGRESS = "Ingress";
    public static final String EXTERNAL = "External";

    public GroupKey {
        source = source == null ? "" : source;
        namespace = namespace == null ? "" : namespace;
    }

    /** The enclosing boxes from the outermost, this one last (e.g. Knative, Knative/ctx, Knative/ctx/ns). */
    public List<GroupKey> path() {
        if (source.isEmpty()) {
            return List.of(new GroupKey(tier, "", ""));
        }
        if (namespace.isEmpty()) {
            return List.of(new GroupKey(tier, "", ""), this);
        }
        return List.of(new GroupKey(tier, "", ""), new GroupKey(tier, source, ""), this);
    }

    /** What the box's header reads: its own level's name. */
    public String label() {
        return !namespace.isEmpty() ? namespace : !source.isEmpty() ? source : tier;
    }

    public boolean contains(GroupKey other) {
        return tier.equals(other.tier)
                && (source.isEmpty() || source.equals(other.source))
                && (namespace.isEmpty() || namespace.equals(other.namespace));
    }
}
