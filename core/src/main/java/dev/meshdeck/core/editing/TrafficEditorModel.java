package dev.meshdeck.core.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.platform.LambdaAliasRouting;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.ResourceRef;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.List;
import java.util.Optional;

/**
 * The traffic editor's view-model over one {@link Draft}: the canary slider (candidate percent, lock, presets,
 * steps) and the N-way weights table, whose weights always total 100. Every change becomes a new candidate in
 * the draft (so undo works); the platform decides what is written — VirtualService weights, Knative
 * {@code percent}s or a Lambda alias weight. The model holds no traffic state of its own: it reads the draft's
 * candidate each time, so undo, redo and YAML edits show at once.
 */
public final class TrafficEditorModel {

    public static final List<Integer> PRESETS = List.of(0, 10, 25, 50, 100);
    public static final int SMALL_STEP = 1;
    public static final int LARGE_STEP = 5;

    private final Draft draft;
    private String candidateVersion;
    private boolean locked;

    private ObjectNode readFrom;
    private CanaryEditor editor;
    private String problem;
    /** The one version taking all traffic when the object has no second version: no canary, and no problem. */
    private TrafficShare sole;

    public TrafficEditorModel(Draft draft) {
        if (!drivable(draft.initial())) {
            throw new IllegalArgumentException(draft.ref() + " carries no traffic split; the traffic editor drives "
                    + "Istio VirtualServices, Knative Services and Lambda aliases");
        }
        this.draft = draft;
        editor();
    }

    /** Whether the traffic editor can open on this object (its split may still need a second version). */
    public static boolean drivable(JsonNode object) {
        String kind = object.path("kind").asText("");
        String apiVersion = object.path("apiVersion").asText("");
        return (kind.equals("VirtualService") && apiVersion.startsWith("networking.istio.io/"))
                || (kind.equals("Service") && apiVersion.startsWith("serving.knative.dev/"))
                || (kind.equals("LambdaAlias") && apiVersion.equals(CanaryEditor.LAMBDA_ALIAS_API_VERSION));
    }

    public Draft draft() {
        return draft;
    }

    /** The canary editor on the current candidate; empty when the candidate's split cannot be read. */
    private Optional<CanaryEditor> editor() {
        ObjectNode current = draft.candidate();
        if (!current.equals(readFrom)) {
            readFrom = current;
            editor = null;
            sole = null;
            problem = null;
            Optional<String> negative = negativeShare(current);
            if (negative.isPresent()) {
                problem = negative.get();
                return Optional.empty();
            }
            try {
                editor = read(current, candidateVersion);
                candidateVersion = editor.split().candidate();
            } catch (RuntimeException unreadable) {
                sole = soleShare(current).orElse(null);
                problem = sole == null ? unreadable.getMessage() : null;
            }
        }
        return Optional.ofNullable(editor);
    }

    /**
     * A negative weight or percent, which the platform splits would read as 0: the form refuses to show a split
     * that is not what the text says, and the YAML pane's finding explains it.
     */
    private static Optional<String> negativeShare(JsonNode node) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if ((field.getKey().equals("weight") || field.getKey().equals("percent")) && field.getValue().isNumber()
                        && field.getValue().asDouble() < 0) {
                    return Optional.of(field.getKey() + " " + field.getValue().asText()
                            + " is negative; fix it in the YAML to move the slider again");
                }
                Optional<String> inside = negativeShare(field.getValue());
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> inside = negativeShare(element);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static CanaryEditor read(ObjectNode tree, String candidate) {
        if (candidate != null) {
            try {
                return CanaryEditor.of(tree, candidate);
            } catch (IllegalArgumentException gone) {
                // the version was removed from the object: fall back to the smallest share
            }
        }
        return CanaryEditor.of(tree);
    }

    private static Optional<TrafficShare> soleShare(ObjectNode object) {
        try {
            List<TrafficShare> shares = CanaryEditor.shares(object);
            return shares.size() == 1 ? Optional.of(shares.get(0)) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** What is wrong with the candidate's split (unreadable or negative weights), or empty. */
    public Optional<String> problem() {
        editor();
        return Optional.ofNullable(problem);
    }

    /**
     * Why the slider rests when nothing is wrong: all traffic goes to one version, so there is no canary to move
     * (the usual state of a function between rollouts). Empty when a canary can be driven, or on a problem.
     */
    public Optional<String> note() {
        editor();
        return Optional.ofNullable(sole).map(s -> "All traffic goes to " + shortName(s.version())
                + ". A canary needs a second version: add one to the route (Routing tab or YAML), then move the slider.");
    }

    public boolean editable() {
        return editor().isPresent() && !locked;
    }

    public boolean locked() {
        return locked;
    }

    /** A locked slider ignores every change until unlocked, so a stray key or drag cannot shift traffic. */
    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    /** The version being rolled out, or empty when the split cannot be read. */
    public Optional<String> candidateVersion() {
        return editor().map(e -> e.split().candidate());
    }

    public Optional<String> stableVersion() {
        return editor().map(e -> e.split().stable()).or(() -> Optional.ofNullable(sole).map(TrafficShare::version));
    }

    /** Chooses which version the slider moves (one of {@link #shares()}); false when there is no such version. */
    public boolean setCandidateVersion(String version) {
        if (editor().isEmpty() || shares().stream().noneMatch(s -> s.version().equals(version))) {
            return false;
        }
        try {
            editor = CanaryEditor.of(readFrom, version);
            candidateVersion = version;
            return true;
        } catch (IllegalArgumentException notADestination) {
            return false;
        }
    }

    /** The candidate's share, rounded to a whole percent; 0 when the split cannot be read. */
    public int candidatePercent() {
        return editor().map(e -> (int) Math.round(e.split().candidatePercent())).orElse(0);
    }

    /** What the slider's label says: the candidate's short name and share, e.g. "v2 10%". */
    public String candidateLabel() {
        return candidateVersion().map(v -> shortName(v) + " " + candidatePercent() + "%").orElse("no canary");
    }

    /** A version without the object's name in front: "order-function-v2" on order-function is "v2". */
    public String shortName(String version) {
        String prefix = draft.ref().name() + "-";
        String function = draft.initial().path("spec").path("functionName").asText("");
        if (version.startsWith(prefix) && version.length() > prefix.length()) {
            return version.substring(prefix.length());
        }
        if (!function.isEmpty() && version.startsWith(function + "-") && version.length() > function.length() + 1) {
            return version.substring(function.length() + 1);
        }
        return version;
    }

    /** Every destination with its share, in the object's order; what the weights table lists. */
    public List<TrafficShare> shares() {
        return editor().map(e -> e.split().shares()).orElse(sole == null ? List.of() : List.of(sole));
    }

    /**
     * Moves the slider: the candidate takes {@code percent}, the others share the rest.
     *
     * @return false when locked, unreadable or unchanged
     */
    public boolean setCandidatePercent(int percent) {
        if (!editable()) {
            return false;
        }
        int clamped = Math.max(0, Math.min(100, percent));
        return draft.update(editor.withCandidatePercent(clamped).candidate());
    }

    /** Moves the slider by {@code points} (arrow keys 1, page keys 5), clamped to 0-100. */
    public boolean step(int points) {
        return setCandidatePercent(candidatePercent() + points);
    }

    /**
     * Sets one row of the weights table; the other rows share the rest in proportion to their weights (the
     * {@link dev.meshdeck.core.routing.Percentages} rule), so the total stays 100.
     */
    public boolean setWeight(int row, int percent) {
        List<TrafficShare> shares = shares();
        if (!editable() || row < 0 || row >= shares.size()) {
            return false;
        }
        int clamped = Math.max(0, Math.min(100, percent));
        String version = shares.get(row).version();
        if (version.equals(editor.split().candidate())) {
            return setCandidatePercent(clamped);
        }
        if (editor.split() instanceof LambdaAliasRouting) {
            // an alias has two versions: the primary keeps what the additional version does not take
            return setCandidatePercent(100 - clamped);
        }
        return draft.update(CanaryEditor.of(readFrom, version).withCandidatePercent(clamped).candidate());
    }

    /** The candidate as the YAML pane shows it. */
    public String candidateYaml() {
        return draft.candidateYaml();
    }

    /**
     * Takes the YAML pane's text as the new candidate, so the form follows the text. Fields the pane does not
     * show (status, resourceVersion and other server-owned fields) are kept from the current candidate.
     *
     * @return syntax problems with their line and column; empty when the text became the candidate (rule
     *         findings come from {@link CandidateCheck})
     */
    public List<Finding> fromYaml(String text) {
        return applyYaml(draft, text);
    }

    /**
     * Makes typed YAML text the candidate of any draft (the form tabs share it): syntax and shape problems
     * come back as findings and leave the candidate alone; server-owned fields the text dropped are kept.
     */
    public static List<Finding> applyYaml(Draft draft, String text) {
        List<YamlDocument> docs;
        try {
            docs = new YamlReader().read(CandidateCheck.FILE, text);
        } catch (YamlProblem problem) {
            return List.of(CandidateCheck.syntax(draft.ref(), problem.position(), problem.reason()));
        }
        List<Finding> shape = CandidateCheck.shapeProblems(docs);
        if (!shape.isEmpty()) {
            return shape.stream().map(f -> CandidateCheck.syntax(draft.ref(), f.position().orElseThrow(), f.message()))
                    .toList();
        }
        ObjectNode edited = ((ObjectNode) docs.get(0).tree()).deepCopy();
        keepServerFields(draft.candidate(), edited);
        draft.update(edited);
        return List.of();
    }

    private static final List<String> SERVER_METADATA = List.of("resourceVersion", "uid", "creationTimestamp",
            "generation", "managedFields", "selfLink");

    private static void keepServerFields(ObjectNode from, ObjectNode into) {
        if (from.has("status") && !into.has("status")) {
            into.set("status", from.get("status").deepCopy());
        }
        if (from.get("metadata") instanceof ObjectNode source && into.get("metadata") instanceof ObjectNode target) {
            for (String field : SERVER_METADATA) {
                if (source.has(field) && !target.has(field)) {
                    target.set(field, source.get(field).deepCopy());
                }
            }
        }
    }

    /** The object this editor changes. */
    public ResourceRef ref() {
        return draft.ref();
    }
}
