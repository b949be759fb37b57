package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.validation.schema.SchemaRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An export judged as the controller's cluster would admit it: each object against the openAPIV3Schema of the
 * CustomResourceDefinition its controller installs ({@code canaries.flagger.app}, {@code rollouts.argoproj.io},
 * {@code analysistemplates.argoproj.io}), with MeshDeck's schema rules. Only the CRDs an export names are read, so a
 * caller fetches those few by name rather than every CRD of the cluster.
 */
public final class ExportCheck {

    /** The CRD defining each kind an export writes, by "group/kind". */
    private static final Map<String, String> CRDS = Map.of(
            "flagger.app/Canary", "canaries.flagger.app",
            "argoproj.io/Rollout", "rollouts.argoproj.io",
            "argoproj.io/AnalysisTemplate", "analysistemplates.argoproj.io");

    /**
     * @param findings what the schemas found, every severity
     * @param unchecked the CRDs the cluster does not serve: their objects were not judged
     */
    public record Result(List<Finding> findings, List<String> unchecked) {

        public Result {
            findings = List.copyOf(findings);
            unchecked = List.copyOf(unchecked);
        }

        /** A controller's cluster would refuse at least one object. */
        public boolean refused() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    private ExportCheck() {
    }

    /** The names of the CRDs that define the objects of an export, in the order of the objects. */
    public static List<String> crdNames(List<? extends JsonNode> objects) {
        Set<String> names = new LinkedHashSet<>();
        objects.forEach(o -> crdOf(o).ifPresent(names::add));
        return List.copyOf(names);
    }

    /**
     * Judges {@code objects} against {@code crds}, the CRDs the cluster served of those {@link #crdNames} asked for;
     * objects whose CRD is not among them are left unjudged and named in {@link Result#unchecked}.
     */
    public static Result judge(List<ObjectNode> objects, List<JsonNode> crds) {
        Set<String> served = new LinkedHashSet<>();
        crds.forEach(c -> served.add(c.at("/metadata/name").asText()));
        List<Resource> judged = new ArrayList<>();
        Set<String> unchecked = new LinkedHashSet<>();
        for (ObjectNode o : objects) {
            Optional<String> crd = crdOf(o);
            if (crd.isEmpty()) {
                continue;
            }
            if (served.contains(crd.get())) {
                judged.add(new Resource(o, Optional.empty(), true));
            } else {
                unchecked.add(crd.get());
            }
        }
        List<Finding> findings = judged.isEmpty() ? List.of()
                : new Validator(SchemaRules.fromCrds(crds)).validate(new ValidationContext(judged, false));
        return new Result(findings, new ArrayList<>(unchecked));
    }

    private static Optional<String> crdOf(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return Optional.ofNullable(CRDS.get(group + "/" + object.path("kind").asText()));
    }
}
