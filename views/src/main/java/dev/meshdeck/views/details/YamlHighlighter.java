package dev.meshdeck.views.details;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a YAML document worth colouring: mapping keys, quoted strings, numbers, booleans/null
 * and comments. It reads YAML as printed by Kubernetes tools (block style); it is not a YAML parser.
 */
public final class YamlHighlighter {

    /** A styled stretch of text, {@code [start, end)}. */
    public record Span(int start, int end, String styleClass) {}

    public static final String KEY = "yaml-key";
    public static final String STRING = "yaml-string";
    public static final String NUMBER = "yaml-number";
    public static final String LITERAL = "yaml-literal";
    public static final String COMMENT = "yaml-comment";

    // A key sits at the start of a line, after indentation and list dashes, and is followed by ": " or ":"
    // at the end of the line. A comment needs whitespace before '#'. A number or literal is a whole scalar,
    // so "image-resize-00001" and "10.0.0.1" stay plain.
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>(?<=^|\\s)#[^\\n]*)"
                    + "|^[ \\t]*(?:-[ \\t]+)*(?<KEY>\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s#'\"\\-{}\\[\\],][^:\\n]*?)(?=:(?:[ \\t]|$))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*')"
                    + "|(?<NUMBER>(?<![\\w.\\-/:])-?\\d+(?:\\.\\d+)?(?![\\w.\\-/:]))"
                    + "|(?<LITERAL>(?<![\\w.\\-/:])(?:true|false|null|~)(?![\\w.\\-/:]))",
            Pattern.MULTILINE);

    private YamlHighlighter() {
    }

    /** The spans in document order, never overlapping. */
    public static List<Span> spans(String yaml) {
        List<Span> spans = new ArrayList<>();
        Matcher m = TOKENS.matcher(yaml);
        while (m.find()) {
            if (m.group("KEY") != null) {
                spans.add(new Span(m.start("KEY"), m.end("KEY"), KEY));
            } else if (m.group("COMMENT") != null) {
                spans.add(new Span(m.start(), m.end(), COMMENT));
            } else if (m.group("STRING") != null) {
                spans.add(new Span(m.start(), m.end(), STRING));
            } else if (m.group("NUMBER") != null) {
                spans.add(new Span(m.start(), m.end(), NUMBER));
            } else {
                spans.add(new Span(m.start(), m.end(), LITERAL));
            }
        }
        return spans;
    }
}
