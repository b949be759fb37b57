package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.schema.SchemaRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The live objects of a write target that candidates refer to, and the CRDs that give their schemas: what
 * `meshdeck validate --context` and the apply pipeline's gate judge candidates against, the one way.
 *
 * @param unreadable kinds the identity may not list; while any is, references are judged only among the inputs
 */
public record LiveEstate(List<JsonNode> objects, List<JsonNode> crds, List<String> unreadable) {

    /** Said whenever a kind cannot be listed, so that nobody takes an unjudged reference for a judged one. */
    static final RuleInfo UNREADABLE = RuleInfo.of("MD0006", Severity.WARNING, Category.REFERENCE,
            "a kind the identity may not list: references are judged only among the input objects");

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

    /** This estate with the objects of {@code removed}'s identities gone and {@code added} in their place. */
    public LiveEstate replacing(List<? extends JsonNode> removed, List<? extends JsonNode> added) {
        Set<String> gone = new HashSet<>();
        removed.forEach(o -> gone.add(identity(Resource.live(o))));
        added.forEach(o -> gone.add(identity(Resource.live(o))));
        List<JsonNode> kept = new ArrayList<>(objects.stream().filter(o -> !gone.contains(identity(Resource.live(o)))).toList());
        kept.addAll(added);
        return new LiveEstate(kept, crds, unreadable);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * Judges {@code candidates} as they would stand once written: each replaces the live object it overwrites,
     * the objects in {@code deleted} are gone, candidates see each other, schemas come from the CRDs (offline
     * schemas when there are none). A live object that the change leaves with a broken reference (a subset or
     * host it routes to that the change removes) gets that reference error too, marked as caused by the change.
     *
     * @param deleted objects the change set deletes (their before states)
     */
    public List<Finding> validate(List<Resource> candidates, List<? extends JsonNode> deleted) {
        Set<String> replaced = new HashSet<>();
        candidates.forEach(c -> replaced.add(identity(c)));
        deleted.forEach(d -> replaced.add(identity(Resource.live(d))));
        List<Resource> all = new ArrayList<>(candidates);
        List<Resource> untouched = new ArrayList<>();
        for (JsonNode object : objects) {
            Resource live = Resource.live(object);
            if (!replaced.contains(identity(live))) {
                all.add(live);
                untouched.add(live);
            }
        }
        Validator validator = new Validator(Rules.withSchema(crds.isEmpty() ? SchemaRules.offline() : SchemaRules.fromCrds(crds)));
        List<Finding> findings = new ArrayList<>(validator.validate(new ValidationContext(all, complete())));
        if (!complete()) {
            findings.add(new Finding(UNREADABLE.code(), UNREADABLE.severity(), UNREADABLE.category(),
                    new ResourceRef("", "", ""), "", Optional.empty(), "this identity may not list "
                    + String.join(", ", unreadable) + ": references are judged only among the input objects,"
                    + " not against the live ones", Optional.empty(), Optional.empty()));
        }
        List<Resource> exposed = exposedTo(replaced, candidates, deleted, untouched);
        if (!exposed.isEmpty()) {
            findings.addAll(brokenByTheChange(validator, all, exposed));
        }
        return findings;
    }

    /**
     * The untouched live objects a change could break: those that mention a name or host of an object it
     * writes or deletes (a route names its Service's host, a gateway ref its Gateway, a credentialName its
     * Secret). Judging only these keeps an apply on a large estate from judging every object twice.
     */
    private List<Resource> exposedTo(Set<String> replaced, List<Resource> candidates,
            List<? extends JsonNode> deleted, List<Resource> untouched) {
        if (replaced.isEmpty()) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        Stream.concat(candidates.stream().map(Resource::tree), deleted.stream()).forEach(o -> namesOf(o, names));
        for (JsonNode object : replacedLiveStates(replaced)) {
            namesOf(object, names);
        }
        names.remove("");
        return untouched.stream().filter(r -> mentionsAny(r.tree().toString(), names)).toList();
    }

    private List<JsonNode> replacedLiveStates(Set<String> replaced) {
        return objects.stream().filter(o -> replaced.contains(identity(Resource.live(o)))).toList();
    }

    /** An object's name and the hosts it declares, each also as its short name (the first DNS label). */
    private static void namesOf(JsonNode object, Set<String> into) {
        into.add(object.path("metadata").path("name").asText(""));
        JsonNode spec = object.path("spec");
        List<JsonNode> hosts = new ArrayList<>();
        hosts.add(spec.path("host"));
        spec.path("hosts").forEach(hosts::add);
        for (JsonNode host : hosts) {
            String h = host.asText("");
            into.add(h);
            into.add(h.contains(".") ? h.substring(0, h.indexOf('.')) : h);
        }
    }

    private static boolean mentionsAny(String text, Set<String> names) {
        for (String name : names) {
            if (text.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reference errors of the live objects the change does not write that they would have only after it:
     * the estate judged before and after with those objects as subjects, the errors of after that were not there
     * before.
     */
    private List<Finding> brokenByTheChange(Validator validator, List<Resource> after, List<Resource> untouched) {
        Set<ResourceRef> subjects = new HashSet<>();
        untouched.forEach(r -> subjects.add(r.ref()));
        List<Resource> afterWithSubjects = new ArrayList<>();
        for (Resource r : after) {
            afterWithSubjects.add(!r.candidate() ? new Resource(r.tree(), Optional.empty(), true) : r);
        }
        List<Finding> errorsAfter = referenceErrors(validator, afterWithSubjects, subjects);
        if (errorsAfter.isEmpty()) {
            return List.of(); // nothing to compare: the estate before need not be judged
        }
        List<Resource> before = new ArrayList<>();
        objects.forEach(o -> before.add(new Resource(o, Optional.empty(), true)));
        Set<String> errorsBefore = new HashSet<>();
        referenceErrors(validator, before, subjects).forEach(f -> errorsBefore.add(key(f)));
        List<Finding> broken = new ArrayList<>();
        for (Finding f : errorsAfter) {
            if (!errorsBefore.contains(key(f))) {
                broken.add(new Finding(f.code(), f.severity(), f.category(), f.resource(), f.path(), f.position(),
                        f.message() + " (after this change; the object itself is not in it)", f.istioCode(),
                        f.kialiCode()));
            }
        }
        return broken;
    }

    private List<Finding> referenceErrors(Validator validator, List<Resource> resources, Set<ResourceRef> subjects) {
        return validator.validate(new ValidationContext(resources, complete())).stream()
                .filter(f -> f.severity() == Severity.ERROR && f.category() == Category.REFERENCE)
                .filter(f -> subjects.contains(f.resource()))
                .toList();
    }

    private static String key(Finding f) {
        return f.code() + " " + f.resource() + " " + f.path() + " " + f.message();
    }

    /** kind@group, namespace, name: a Knative Service and a core Service of one name are different objects. */
    private static String identity(Resource r) {
        return r.kind() + "@" + r.group() + "/" + r.namespace() + "/" + r.name();
    }
}
