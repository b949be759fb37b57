package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What every form test asks of a candidate: its findings, its reviewed lines, its fixtures. */
final class FormChecks {

    private FormChecks() {
    }

    static JsonNode read(String yaml) throws Exception {
        return new YamlReader().read("live.yaml", yaml).get(0).tree();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = FormChecks.class.getResourceAsStream("/editing/" + name)) {
            if (in == null) {
                throw new IOException("no fixture editing/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Error findings of the candidate, validated offline by the default rules as it would be exported. */
    static List<String> errors(JsonNode candidate) throws Exception {
        String yaml = YamlRenderer.render(YamlRenderer.forReview(candidate));
        Resource resource = Resource.candidate(new YamlReader().read("candidate.yaml", yaml).get(0));
        return new Validator(Rules.defaults()).validate(new ValidationContext(List.of(resource), false)).stream()
                .filter(f -> f.severity() == Severity.ERROR).map(Finding::toCompilerLine).toList();
    }

    /** Lines of {@code after} that are not in {@code before}, as "+line", then removed ones as "-line". */
    static List<String> changedLines(JsonNode before, JsonNode after) {
        List<String> b = YamlRenderer.render(YamlRenderer.forReview(before)).lines().toList();
        List<String> a = YamlRenderer.render(YamlRenderer.forReview(after)).lines().toList();
        List<String> added = new ArrayList<>(a);
        b.forEach(added::remove);
        List<String> removed = new ArrayList<>(b);
        a.forEach(removed::remove);
        List<String> out = new ArrayList<>();
        added.forEach(l -> out.add("+" + l));
        removed.forEach(l -> out.add("-" + l));
        return out;
    }
}
