package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.yaml.SourcePosition;
import dev.meshdeck.core.yaml.YamlDocument;
import java.util.Optional;

/**
 * A Kubernetes object taking part in validation: a candidate read from a file (findings are reported on it)
 * or a live object from the cluster (only referred to).
 *
 * <p>Identity is the object itself (two equal documents in two files are two resources), and the names every
 * rule asks for are read once: rules look them up millions of times on a large estate.
 */
public final class Resource {

    private final JsonNode tree;
    private final Optional<YamlDocument> document;
    private final boolean candidate;
    private final String kind;
    private final String apiVersion;
    private final String name;
    private final String namespace;

    public Resource(JsonNode tree, Optional<YamlDocument> document, boolean candidate) {
        this.tree = tree;
        this.document = document;
        this.candidate = candidate;
        this.kind = tree.path("kind").asText("");
        this.apiVersion = tree.path("apiVersion").asText("");
        this.name = tree.path("metadata").path("name").asText("");
        this.namespace = tree.path("metadata").path("namespace").asText("");
    }

    public static Resource candidate(YamlDocument document) {
        return new Resource(document.tree(), Optional.of(document), true);
    }

    public static Resource live(JsonNode tree) {
        return new Resource(tree, Optional.empty(), false);
    }

    public JsonNode tree() {
        return tree;
    }

    public Optional<YamlDocument> document() {
        return document;
    }

    public boolean candidate() {
        return candidate;
    }

    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The API group: "networking.istio.io" for "networking.istio.io/v1", "" for "v1". */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public JsonNode spec() {
        return tree.path("spec");
    }

    public ResourceRef ref() {
        return new ResourceRef(kind, namespace, name);
    }

    /** Where the field at a JSON pointer was written, when the resource came from a file. */
    public Optional<SourcePosition> positionOf(String pointer) {
        return document.map(d -> d.positionOf(pointer));
    }

    @Override
    public String toString() {
        return (candidate ? "candidate " : "live ") + ref();
    }
}
