package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Istio's CRDs from the shared corpus (read in place through the meshdeck.shared property, never copied). */
final class IstioCrds {

    private static List<JsonNode> crds;

    private IstioCrds() {
    }

    static Path corpus() {
        String shared = System.getProperty("meshdeck.shared", "../../shared");
        return Path.of(shared, "corpus", "istio-crds");
    }

    static synchronized List<JsonNode> load() {
        if (crds == null) {
            List<JsonNode> all = new ArrayList<>();
            for (YamlDocument d : read(corpus().resolve("crd-all.gen.yaml"))) {
                all.add(d.tree());
            }
            crds = List.copyOf(all);
        }
        return crds;
    }

    static List<YamlDocument> read(Path file) {
        try {
            return new YamlReader().read(file.toString(), Files.readString(file));
        } catch (IOException | dev.meshdeck.core.yaml.YamlProblem e) {
            throw new IllegalStateException("cannot read " + file + " (is meshdeck.shared set?)", e);
        }
    }
}
