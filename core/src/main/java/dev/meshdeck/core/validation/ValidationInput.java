package dev.meshdeck.core.validation;

import dev.meshdeck.core.yaml.SourcePosition;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Candidate resources read from files and directories, with the syntax findings of what could not be read.
 * A file that cannot be opened at all is an {@link IOException}: the CLI's "unreadable input".
 */
public final class ValidationInput {

    static final RuleInfo SYNTAX = RuleInfo.of("MD0001", Severity.ERROR, Category.SYNTAX, "YAML syntax error");
    static final RuleInfo NOT_AN_OBJECT = RuleInfo.of("MD0002", Severity.ERROR, Category.SYNTAX,
            "document is not a Kubernetes object");

    private final List<Resource> resources = new ArrayList<>();
    private final List<Finding> syntaxFindings = new ArrayList<>();
    private final YamlReader reader = new YamlReader();

    /** Reads one file, or every *.yaml / *.yml file below a directory (sorted, so output is stable). */
    public ValidationInput add(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                addFile(f);
            }
        } else {
            addFile(path);
        }
        return this;
    }

    private void addFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            syntax(new SourcePosition(file.toString(), 1, 1), "not UTF-8 text: this is not a YAML file");
            return;
        }
        addText(file.toString(), text);
    }

    /** Reads YAML text named {@code name} (a file name, or "-" for standard input). */
    public ValidationInput addText(String name, String text) {
        try {
            for (YamlDocument doc : reader.read(name, text)) {
                addDocument(doc);
            }
        } catch (YamlProblem p) {
            syntax(p.position(), p.reason());
        }
        return this;
    }

    private void addDocument(YamlDocument doc) {
        if (!doc.tree().isObject()) {
            syntax(doc.positionOf(""), NOT_AN_OBJECT, "document is a " + doc.tree().getNodeType().name().toLowerCase()
                    + ", not a Kubernetes object (a mapping with apiVersion, kind and metadata)");
            return;
        }
        if (doc.tree().path("kind").asText().endsWith("List") && doc.tree().path("items").isArray()) {
            // kubectl accepts v1 List documents (which have no metadata.name); validate their items as separate objects.
            for (int i = 0; i < doc.tree().path("items").size(); i++) {
                addDocument(itemOf(doc, i));
            }
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("apiVersion", "kind")) {
            if (!doc.tree().path(field).isTextual() || doc.tree().path(field).asText().isBlank()) {
                missing.add(field);
            }
        }
        if (!doc.tree().path("metadata").path("name").isTextual()) {
            missing.add("metadata.name");
        }
        if (!missing.isEmpty()) {
            syntax(doc.positionOf(""), NOT_AN_OBJECT, "not a Kubernetes object: missing " + String.join(", ", missing));
            return;
        }
        resources.add(Resource.candidate(doc));
    }

    private static YamlDocument itemOf(YamlDocument list, int i) {
        String prefix = "/items/" + i;
        return new YamlDocument(list.file(), list.index(), list.tree().path("items").get(i), below(list.positions(), prefix),
                below(list.blockScalars(), prefix));
    }

    /** The positions under {@code prefix}, keyed by their pointers relative to it. */
    private static java.util.Map<String, SourcePosition> below(java.util.Map<String, SourcePosition> all, String prefix) {
        java.util.Map<String, SourcePosition> found = new java.util.HashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix + "/") || k.equals(prefix)) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }

    private void syntax(SourcePosition at, String message) {
        syntax(at, SYNTAX, message);
    }

    private void syntax(SourcePosition at, RuleInfo rule, String message) {
        syntaxFindings.add(new Finding(rule.code(), rule.severity(), rule.category(),
                new ResourceRef("", "", ""), "", Optional.of(at), message, Optional.empty(), Optional.empty()));
    }

    public List<Resource> resources() {
        return List.copyOf(resources);
    }

    public List<Finding> syntaxFindings() {
        return List.copyOf(syntaxFindings);
    }
}
