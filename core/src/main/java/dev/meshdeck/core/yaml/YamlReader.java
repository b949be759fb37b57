package dev.meshdeck.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads multi-document YAML into trees that remember where each field came from.
 *
 * <p>Jackson's YAML parser does not expand aliases, so this reader does, under a budget: a billion-laughs
 * document fails fast with a clear message instead of exhausting memory. Duplicate keys are errors, as
 * the Kubernetes API server treats them.
 */
public final class YamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Inputs at least this long are read in parallel chunks. */
    private static final int PARALLEL_CHARS = 512 * 1024;

    private final YamlLimits limits;
    private final YAMLFactory factory;

    public YamlReader() {
        this(YamlLimits.DEFAULT);
    }

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxChars()));
        options.setNestingDepthLimit(limits.maxDepth());
        options.setMaxAliasesForCollections(limits.maxAliasUses());
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxChars()))
                        .build())
                .build();
    }

    /** Reads every non-empty document of {@code text}; {@code file} names the input in positions. */
    public List<YamlDocument> read(String file, String text) throws YamlProblem {
        if (text.length() > limits.maxChars()) {
            throw new YamlProblem(new SourcePosition(file, 1, 1),
                    "input is " + text.length() + " characters, more than the limit of " + limits.maxChars());
        }
        checkLineLengths(file, text);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new YamlProblem(positionOfOffset(file, text, nul), "binary content (NUL byte): this is not a YAML file");
        }
        List<Chunk> chunks = chunks(text);
        if (chunks.size() == 1) {
            return parse(file, text, 0);
        }
        // Big bundles are cut at document markers and read on every core; a "---" line always ends a
        // document in YAML (even inside a scalar), and anchors never cross documents.
        List<Object> parts = chunks.parallelStream().map(c -> {
            try {
                return (Object) parse(file, text.substring(c.start(), c.end()), c.lineOffset());
            } catch (YamlProblem p) {
                return p;
            }
        }).toList();
        List<YamlDocument> documents = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof YamlProblem problem) {
                throw problem;
            }
            for (Object d : (List<?>) part) {
                YamlDocument doc = (YamlDocument) d;
                documents.add(new YamlDocument(file, documents.size(), doc.tree(), doc.positions(), doc.blockScalars()));
            }
        }
        return documents;
    }

    /** A slice of the input starting at a document marker; {@code lineOffset} lines precede it. */
    private record Chunk(int start, int end, int lineOffset) {
    }

    private static List<Chunk> chunks(String text) {
        if (text.length() < PARALLEL_CHARS) {
            return List.of(new Chunk(0, text.length(), 0));
        }
        int target = Math.max(PARALLEL_CHARS / 4, text.length() / (4 * Runtime.getRuntime().availableProcessors()));
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        int startLine = 0;
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (lineStart && i - start >= target && isDocumentMarker(text, i)) {
                chunks.add(new Chunk(start, i, startLine));
                start = i;
                startLine = line;
            }
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        chunks.add(new Chunk(start, text.length(), startLine));
        return chunks;
    }

    private static boolean isDocumentMarker(String text, int i) {
        if (!text.startsWith("---", i)) {
            return false;
        }
        int after = i + 3;
        return after == text.length() || " \t\r\n".indexOf(text.charAt(after)) >= 0;
    }

    /** Reads one stream; positions are shifted by {@code lineOffset} lines. Empty documents are skipped. */
    private List<YamlDocument> parse(String file, String text, int lineOffset) throws YamlProblem {
        List<YamlDocument> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            DocumentBuilder builder = new DocumentBuilder(file, text, parser, lineOffset);
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    // Jackson reports a null token between documents and two at the end of the stream.
                    token = parser.nextToken();
                    if (token == null) {
                        break;
                    }
                }
                Map<String, SourcePosition> positions = new HashMap<>();
                builder.blockScalars = new HashMap<>();
                JsonNode tree = builder.value("", positions, 0);
                // an empty document (e.g. after a trailing ---) comes through as an empty string
                boolean empty = tree.isNull() || tree.isMissingNode() || (tree.isTextual() && tree.asText().isEmpty());
                if (!empty) {
                    documents.add(new YamlDocument(file, documents.size(), tree, positions, builder.blockScalars));
                }
            }
        } catch (YamlProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw fromParserFailure(file, e, lineOffset);
        }
        return documents;
    }

    private void checkLineLengths(String file, String text) throws YamlProblem {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > limits.maxLineChars()) {
                    throw new YamlProblem(new SourcePosition(file, line, 1), "line is " + (i - start)
                            + " characters long, more than the limit of " + limits.maxLineChars()
                            + "; split the value over several lines (e.g. a | block scalar)");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static YamlProblem fromParserFailure(String file, Exception e, int lineOffset) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = 1;
        int column = 1;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            line = Math.max(1, jpe.getLocation().getLineNr()) + lineOffset;
            column = Math.max(1, jpe.getLocation().getColumnNr());
        }
        // SnakeYAML messages carry a context excerpt after the first line; the first line says what is wrong.
        String reason = message.lines().findFirst().orElse(message).trim();
        if (reason.startsWith("while ") || reason.isEmpty()) {
            reason = message.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).reduce((a, b) -> a + "; " + b)
                    .orElse(message);
        }
        return new YamlProblem(new SourcePosition(file, line, column), "YAML syntax error: " + reason);
    }

    private static SourcePosition positionOfOffset(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, offset - lineStart + 1);
    }

    /** Builds one document's tree from the token stream, expanding aliases within the budget. */
    private final class DocumentBuilder {
        private final String file;
        private final String text;
        private final YAMLParser parser;
        private final int lineOffset;
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private long nodes;
        private int aliasUses;
        private long aliasedValues;
        /** The current document's block scalars (see {@link YamlDocument#blockScalars()}). */
        private Map<String, SourcePosition> blockScalars;

        DocumentBuilder(String file, String text, YAMLParser parser, int lineOffset) {
            this.file = file;
            this.text = text;
            this.parser = parser;
            this.lineOffset = lineOffset;
        }

        JsonNode value(String pointer, Map<String, SourcePosition> positions, int depth) throws IOException, YamlProblem {
            JsonToken token = parser.currentToken();
            SourcePosition here = position();
            if (depth > limits.maxDepth()) {
                throw new YamlProblem(here, "nesting deeper than " + limits.maxDepth() + " levels");
            }
            if (++nodes > limits.maxNodes()) {
                throw new YamlProblem(here, "document has more than " + limits.maxNodes() + " values");
            }
            if (parser.isCurrentAlias()) {
                return alias(parser.getText(), here);
            }
            String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
            JsonNode node;
            if (token == JsonToken.START_OBJECT) {
                node = object(pointer, positions, depth);
            } else if (token == JsonToken.START_ARRAY) {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + i++;
                    positions.put(child, position());
                    array.add(value(child, positions, depth + 1));
                }
                node = array;
            } else {
                node = scalar(token);
                if (token == JsonToken.VALUE_STRING) {
                    blockScalarStart().ifPresent(start -> blockScalars.put(pointer, start));
                }
            }
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private ObjectNode object(String pointer, Map<String, SourcePosition> positions, int depth) throws IOException, YamlProblem {
            ObjectNode object = NODES.objectNode();
            java.util.Set<String> ownKeys = new java.util.HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                SourcePosition keyPosition = position();
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                parser.nextToken();
                JsonNode value = value(child, positions, depth + 1);
                if (name.equals("<<") && value.isObject()) {
                    // YAML merge key: the mapping's own keys win over merged ones.
                    Iterator<Map.Entry<String, JsonNode>> merged = value.fields();
                    while (merged.hasNext()) {
                        Map.Entry<String, JsonNode> e = merged.next();
                        if (!ownKeys.contains(e.getKey())) {
                            object.set(e.getKey(), e.getValue());
                        }
                    }
                    continue;
                }
                if (!ownKeys.add(name)) {
                    throw new YamlProblem(keyPosition, "duplicate key '" + name + "'");
                }
                positions.put(child, keyPosition);
                object.set(name, value);
            }
            return object;
        }

        private JsonNode alias(String name, SourcePosition here) throws YamlProblem {
            JsonNode target = anchors.get(name);
            if (target == null) {
                throw new YamlProblem(here, "alias '*" + name + "' refers to no anchor defined before it");
            }
            if (++aliasUses > limits.maxAliasUses()) {
                throw new YamlProblem(here, "more than " + limits.maxAliasUses() + " alias uses (possible YAML bomb)");
            }
            long added = size(target, here);
            aliasedValues += added;
            nodes += added;
            return target.deepCopy();
        }

        private long size(JsonNode node, SourcePosition here) throws YamlProblem {
            long count = 1;
            for (JsonNode child : node) {
                count += size(child, here);
                if (aliasedValues + count > limits.maxAliasedValues() || nodes + count > limits.maxNodes()) {
                    throw new YamlProblem(here, "aliases expand to more than " + limits.maxAliasedValues()
                            + " values (possible YAML bomb)");
                }
            }
            return count;
        }

        private JsonNode scalar(JsonToken token) throws IOException {
            switch (token) {
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? NODES.numberNode(parser.getBigIntegerValue())
                            : NODES.numberNode(parser.getLongValue());
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                default:
                    return NODES.nullNode();
            }
        }

        /**
         * Where the content of the current scalar starts when it is a block scalar: the scalar's token starts
         * at its {@code |} or {@code >} indicator, its content on the next non-blank line, after the indentation.
         */
        private java.util.Optional<SourcePosition> blockScalarStart() {
            JsonLocation l = parser.currentTokenLocation();
            int at = (int) l.getCharOffset();
            // SnakeYAML counts code points: past a character outside the BMP the offset no longer matches
            if (at < 0 || at >= text.length() || (text.charAt(at) != '|' && text.charAt(at) != '>')) {
                return java.util.Optional.empty();
            }
            int line = Math.max(1, l.getLineNr()) + lineOffset;
            int i = text.indexOf('\n', at);
            while (i >= 0) {
                line++;
                int start = i + 1;
                int indent = start;
                while (indent < text.length() && text.charAt(indent) == ' ') {
                    indent++;
                }
                if (indent < text.length() && text.charAt(indent) != '\n' && text.charAt(indent) != '\r') {
                    return java.util.Optional.of(new SourcePosition(file, line, indent - start + 1));
                }
                i = indent < text.length() ? text.indexOf('\n', indent) : -1;
            }
            return java.util.Optional.empty();
        }

        private SourcePosition position() {
            JsonLocation l = parser.currentTokenLocation();
            return new SourcePosition(file, Math.max(1, l.getLineNr()) + lineOffset, Math.max(1, l.getColumnNr()));
        }
    }
}
