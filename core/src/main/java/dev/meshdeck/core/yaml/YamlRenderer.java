package dev.meshdeck.core.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes Kubernetes objects as kubectl-applyable multi-document YAML: documents in the given order separated
 * by {@code ---}, keys in the tree's order, quotes only where YAML would misread a string ({@code "on"},
 * {@code "1.0"}, {@code '*'}), long strings never folded — close to what {@code kubectl get -o yaml} prints,
 * so re-rendering an unedited object reproduces it line for line.
 */
public final class YamlRenderer {

    /** Fields the API server owns; a reviewer should not see them and an apply must not send them. */
    private static final List<String> SERVER_OWNED_METADATA = List.of("managedFields", "resourceVersion", "uid",
            "creationTimestamp", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    /** kubectl's last-applied copy, and the revision number the Deployment controller keeps on a Deployment. */
    private static final List<String> SERVER_OWNED_ANNOTATIONS = List.of(
            "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new Yaml11QuotingChecker())
            .build());

    private YamlRenderer() {
    }

    /** One document, without a separator. */
    public static String render(JsonNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write YAML for " + document.path("kind").asText("object"), e);
        }
    }

    /** Several documents, separated by {@code ---}, in the given order. */
    public static String renderAll(Collection<? extends JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode document : documents) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append(render(document));
        }
        return out.toString();
    }

    /** The documents stripped of server-owned fields, for review or export. */
    public static String renderForReview(Collection<? extends JsonNode> documents) {
        return renderAll(documents.stream().map(YamlRenderer::forReview).toList());
    }

    /**
     * A copy without what the server owns: {@code status}, {@code metadata.managedFields}, resourceVersion,
     * uid, creationTimestamp, generation, selfLink, deletion markers, kubectl's last-applied annotation and the
     * Deployment controller's revision annotation.
     * Labels or annotations left empty are removed. Owner references are kept: they are the user's intent.
     */
    public static ObjectNode forReview(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("status");
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            SERVER_OWNED_METADATA.forEach(metadata::remove);
            if (metadata.get("annotations") instanceof ObjectNode annotations) {
                SERVER_OWNED_ANNOTATIONS.forEach(annotations::remove);
            }
            for (String map : List.of("annotations", "labels")) {
                JsonNode value = metadata.get(map);
                if (value != null && (value.isNull() || (value.isObject() && value.isEmpty()))) {
                    metadata.remove(map);
                }
            }
        }
        return copy;
    }

    /**
     * Quotes exactly the strings a YAML 1.1 reader (kubectl) would take for something else: booleans and
     * null words, numbers in any notation (hex, octal, underscores, sexagesimal, {@code .inf}), timestamps,
     * the merge key. Everything else is left to SnakeYAML's emitter, which falls back to single quotes only
     * when a plain scalar is impossible ({@code '*'}, {@code 'a: b'}) — the same choices kubectl makes, so
     * an untouched {@code retryOn: 5xx,connect-failure} or JSON annotation keeps its exact line.
     */
    static final class Yaml11QuotingChecker extends StringQuotingChecker {

        private static final Pattern NON_STRING = Pattern.compile(
                "[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                        + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?"
                        + "|\\.(inf|Inf|INF))|\\.(nan|NaN|NAN)|<<|=|~|\\d{4}-\\d\\d?-\\d\\d?([Tt ].*)?");

        @Override
        public boolean needToQuoteName(String name) {
            return needToQuoteValue(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return value.isEmpty() || isReservedKeyword(value)
                    || NON_STRING.matcher(value).matches();
        }
    }
}
