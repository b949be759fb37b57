package dev.meshdeck.core.topology;

/**
 * The box a node is drawn in: a platform (or Ingress / External), a cluster context or AWS account, a namespace or
 * region. An empty level is left out of the box's name.
 */
public record GroupKey(String tier, String source, String namespace) {

    public static final String INGRESS = "Ingress";
    public static final String EXTERNAL = "External";

    public GroupKey {
        source = source == null ? "" : source;
        namespace = namespace == null ? "" : namespace;
    }

    /** One line naming the box whole: "Knative · meshdeck-sandbox · backend", "External". */
    public String header() {
        StringBuilder text = new StringBuilder(tier);
        if (!source.isEmpty()) {
            text.append(" · ").append(source);
        }
        if (!namespace.isEmpty()) {
            text.append(" · ").append(namespace);
        }
        return text.toString();
    }
}
