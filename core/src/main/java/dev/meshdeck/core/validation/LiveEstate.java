package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.schema.SchemaRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The live objects of a write target that candidates refer to, and the CRDs that give their schemas: what
 * `meshdeck validate --context` and the apply pipeline's gate judge candidates against, the one way.
 *
 * @param unreadable kinds the identity may not list; while any is, references are judged only among the inputs
 */
public record LiveEstate(List<JsonNode> objects, List<JsonNode> crds, List<String> unreadable) {

    /** A target with nothing the rules refer to (a Lambda region: the alias rules judge the alias itself). */
    public static final LiveEstate EMPTY = new LiveEstate(List.of(), List.of(), List.of());

    public LiveEstate {
        objects = List.copyOf(objects);
        crds = List.copyOf(crds);
        unreadable = List.copyOf(unreadable);
    }

    public boolean complete() {
        return unreadable.isEmpty();
    }

    /** Both estates as one (a change set written to a kube context and a Lambda region). */
    public LiveEstate plus(LiveEstate other) {
        return new LiveEstate(concat(objects, other.objects), concat(crds, other.crds), concat(unreadable, other.unreadable));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * Judges {@code candidates} as they would stand once written: each replaces the live object it overwrites,
     * the objects in {@code deleted} are gone, candidates see each other, schemas come from the CRDs (offline
     * schemas when there are none).
     *
     * @param deleted objects the change set deletes (their before states)
     */
    public List<Finding> validate(List<Resource> candidates, List<? extends JsonNode> deleted) {
        Set<String> replaced = new HashSet<>();
        candidates.forEach(c -> replaced.add(identity(c)));
        deleted.forEach(d -> replaced.add(identity(Resource.live(d))));
        List<Resource> all = new ArrayList<>(candidates);
        for (JsonNode object : objects) {
            Resource live = Resource.live(object);
            if (!replaced.contains(identity(live))) {
                all.add(live);
            }
        }
        List<Rule> schema = crds.isEmpty() ? SchemaRules.offline() : SchemaRules.fromCrds(crds);
        return new Validator(Rules.withSchema(schema)).validate(new ValidationContext(all, complete()));
    }

    /** kind@group, namespace, name: a Knative Service and a core Service of one name are different objects. */
    private static String identity(Resource r) {
        return r.kind() + "@" + r.group() + "/" + r.namespace() + "/" + r.name();
    }
}
