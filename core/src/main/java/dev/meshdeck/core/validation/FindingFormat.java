package dev.meshdeck.core.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Renders findings for the CLI: compiler-style lines for people and editors, JSON for pipelines. */
public enum FindingFormat {
    TEXT, JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static FindingFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + name + "' (use text or json)");
        }
    }

    public String render(List<Finding> findings) {
        if (this == TEXT) {
            StringBuilder s = new StringBuilder();
            findings.forEach(f -> s.append(f.toCompilerLine()).append('\n'));
            return s.toString();
        }
        ArrayNode array = json(findings);
        try {
            return MAPPER.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings as the JSON array {@code validate -o json} prints, for commands that embed them in their own JSON. */
    public static ArrayNode json(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("code", f.code());
            o.put("severity", f.severity().label());
            o.put("category", f.category().label());
            ObjectNode resource = o.putObject("resource");
            resource.put("kind", f.resource().kind());
            resource.put("namespace", f.resource().namespace());
            resource.put("name", f.resource().name());
            o.put("path", f.path());
            f.position().ifPresent(p -> {
                o.put("file", p.file());
                o.put("line", p.line());
                o.put("column", p.column());
            });
            o.put("message", f.message());
            f.istioCode().ifPresent(c -> o.put("istioCode", c));
            f.kialiCode().ifPresent(c -> o.put("kialiCode", c));
        }
        return array;
    }

    /** One summary line: "2 errors, 1 warning in 14 resources". */
    public static String summary(List<Finding> findings, int resources) {
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(resources, "resource");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
