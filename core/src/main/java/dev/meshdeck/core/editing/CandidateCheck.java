package dev.meshdeck.core.editing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ResourceRef;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.yaml.SourcePosition;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validator run behind an editor: the candidate text as the SRE sees it (so findings point at its lines)
 * together with the function's other objects, so that subsets, gateways and services it refers to resolve.
 * Pure and thread-safe: views call it off their UI thread.
 */
public final class CandidateCheck {

    /** The name findings carry for the candidate pane's text. */
    public static final String FILE = "candidate.yaml";

    private CandidateCheck() {
    }

    private static final class Holder {
        static final Validator VALIDATOR = new Validator(Rules.defaults());
    }

    /**
     * Findings on the candidate: its YAML syntax first, then every rule of an offline run.
     *
     * @param candidateYaml the candidate pane's text, one object
     * @param others        the function's other objects, referred to only (never reported on)
     */
    public static List<Finding> run(String candidateYaml, List<? extends JsonNode> others) {
        List<YamlDocument> docs;
        try {
            docs = new YamlReader().read(FILE, candidateYaml);
        } catch (YamlProblem problem) {
            return List.of(syntax(new ResourceRef("", "", ""), problem.position(), problem.reason()));
        }
        List<Finding> shape = shapeProblems(docs);
        if (!shape.isEmpty()) {
            return shape;
        }
        List<Resource> resources = new ArrayList<>();
        resources.add(Resource.candidate(docs.get(0)));
        Resource candidate = resources.get(0);
        for (JsonNode other : others) {
            Resource live = Resource.live(other);
            if (!live.ref().equals(candidate.ref())) {
                resources.add(live);
            }
        }
        return Holder.VALIDATOR.validate(new ValidationContext(resources, false)).stream()
                .filter(f -> f.resource().equals(candidate.ref()))
                .toList();
    }

    /** The candidate pane holds exactly one Kubernetes object; anything else is reported at its start. */
    static List<Finding> shapeProblems(List<YamlDocument> docs) {
        ResourceRef none = new ResourceRef("", "", "");
        if (docs.size() != 1) {
            return List.of(syntax(none, new SourcePosition(FILE, 1, 1), docs.isEmpty()
                    ? "the candidate is empty; write the object to apply, or undo to get it back"
                    : "the candidate holds " + docs.size() + " documents; edit one object here"));
        }
        YamlDocument doc = docs.get(0);
        if (!doc.tree().isObject() || doc.kind().isEmpty() || doc.apiVersion().isEmpty() || doc.name().isEmpty()) {
            return List.of(syntax(none, doc.positionOf(""),
                    "not a Kubernetes object: it needs apiVersion, kind and metadata.name"));
        }
        return List.of();
    }

    static Finding syntax(ResourceRef resource, SourcePosition position, String message) {
        return new Finding("MD0001", Severity.ERROR, Category.SYNTAX, resource, "", Optional.of(position), message,
                Optional.empty(), Optional.empty());
    }
}
