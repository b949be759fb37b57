package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.yaml.SourcePosition;
import dev.meshdeck.core.yaml.YamlDocument;
import java.util.Optional;

/**
 * A Kubernetes object taking part in validation: a candidate read from a file (findings are reported on it)
 * or a live object from the cluster (only referred to).
 */
public record Resource(JsonNode tree, Optional<YamlDocument> document, boolean candidate) {

    public static Resource candidate(YamlDocument document) {
        return new Resource(document.tree(), Optional.of(document), true);
    }

    public static Resource live(JsonNode tree) {
        return new Resource(tree, Optional.empty(), false);
    }

    public String kind() {
        return tree.path("kind").asText("");
    }

    public String apiVersion() {
        return tree.path("apiVersion").asText("");
    }

    /** The API group: "networking.istio.io" for "networking.istio.io/v1", "" for "v1". */
    public String group() {
        String v = apiVersion();
        int slash = v.indexOf('/');
        return slash < 0 ? "" : v.substring(0, slash);
    }

    public String name() {
        return tree.path("metadata").path("name").asText("");
    }

    public String namespace() {
        return tree.path("metadata").path("namespace").asText("");
    }

    public JsonNode spec() {
        return tree.path("spec");
    }

    public ResourceRef ref() {
        return new ResourceRef(kind(), namespace(), name());
    }

    /** Where the field at a JSON pointer was written, when the resource came from a file. */
    public Optional<SourcePosition> positionOf(String pointer) {
        return document.map(d -> d.positionOf(pointer));
    }
}
