package dev.meshdeck.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One document of a YAML stream with the position of every field, keyed by JSON pointer
 * ({@code /spec/http/0/route/1/weight}). Object members map to the position of their key, array elements
 * to the position of the element.
 *
 * @param index       0-based index of the document among the non-empty documents of its file
 * @param blockScalars where the text of each block scalar ({@code |} or {@code >}) value starts, by JSON
 *                     pointer: its first content line at its indentation, so that a place inside the text
 *                     (a PromQL syntax error) can be reported at its line and column in the file
 */
public record YamlDocument(String file, int index, JsonNode tree, Map<String, SourcePosition> positions,
                           Map<String, SourcePosition> blockScalars) {

    public YamlDocument {
        // the reader hands over a fresh map per document; wrapping avoids rehashing every pointer
        positions = java.util.Collections.unmodifiableMap(positions);
        blockScalars = java.util.Collections.unmodifiableMap(blockScalars);
    }

    public YamlDocument(String file, int index, JsonNode tree, Map<String, SourcePosition> positions) {
        this(file, index, tree, positions, Map.of());
    }

    /** Position of the node at {@code pointer}, or of its nearest ancestor that has one. */
    public SourcePosition positionOf(String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new SourcePosition(file, 1, 1);
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    public String kind() {
        return tree.path("kind").asText("");
    }

    public String apiVersion() {
        return tree.path("apiVersion").asText("");
    }

    public String name() {
        return tree.path("metadata").path("name").asText("");
    }

    public String namespace() {
        return tree.path("metadata").path("namespace").asText("");
    }
}
