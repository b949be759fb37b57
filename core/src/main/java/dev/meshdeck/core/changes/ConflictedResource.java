package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object someone else changed between load and apply, seen three ways: {@code base} as loaded,
 * {@code live} as it is now, {@code mine} as the change set would write it (each null where the object does
 * not exist). Rebasing re-applies my field changes on top of live when they touch other fields than theirs.
 */
public record ConflictedResource(ResourceId target, ObjectNode base, ObjectNode live, ObjectNode mine) {

    /** base → live: what they changed. */
    public String theirDiff() {
        return diff(base, live, "base/", "live/");
    }

    /** base → mine: what I change. */
    public String myDiff() {
        return diff(base, mine, "base/", "mine/");
    }

    /** base → live, line by line (for a side-by-side view). */
    public dev.meshdeck.core.editing.LineDiff theirLines() {
        return dev.meshdeck.core.editing.LineDiff.of(ResourceChange.review(base), ResourceChange.review(live));
    }

    /** base → mine, line by line. */
    public dev.meshdeck.core.editing.LineDiff myLines() {
        return dev.meshdeck.core.editing.LineDiff.of(ResourceChange.review(base), ResourceChange.review(mine));
    }

    private String diff(ObjectNode from, ObjectNode to, String fromLabel, String toLabel) {
        return dev.meshdeck.core.editing.LineDiff.of(ResourceChange.review(from), ResourceChange.review(to))
                .unified(from == null ? "/dev/null" : fromLabel + target, to == null ? "/dev/null" : toLabel + target, 3);
    }

    /** The fields (JSON pointers) both sides changed; empty when a rebase can keep both. */
    public List<String> overlappingFields() {
        if (base == null || live == null || mine == null) {
            return List.of("/");
        }
        return Json.overlapping(fieldChanges(base, live).keySet(), fieldChanges(base, mine).keySet());
    }

    /**
     * My change re-applied on top of the live object, or empty when both changed the same fields (or the
     * object was created or deleted on one side): then the person must decide.
     */
    public Optional<ResourceChange> rebased() {
        if (!overlappingFields().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode onLive = Json.apply(YamlRenderer.forReview(live), fieldChanges(base, mine));
        // the rebased object is written against the live version
        ((ObjectNode) onLive.path("metadata")).put("resourceVersion",
                live.path("metadata").path("resourceVersion").asText(""));
        return Optional.of(new ResourceChange(target, live, onLive));
    }

    private static Map<String, JsonNode> fieldChanges(ObjectNode from, ObjectNode to) {
        return Json.changes(YamlRenderer.forReview(from), YamlRenderer.forReview(to));
    }

    /** What a reviewer reads: both diffs against the common base. */
    public String threeWayDiff() {
        StringBuilder s = new StringBuilder("# conflict on ").append(target).append('\n');
        s.append("## changed by someone else since it was loaded (base -> live)\n").append(orNone(theirDiff()));
        s.append("## my change (base -> mine)\n").append(orNone(myDiff()));
        List<String> overlap = overlappingFields();
        s.append(overlap.isEmpty() ? "## both touch different fields: rebase keeps both\n"
                : "## both touch " + String.join(", ", overlap) + ": rebase is not possible, reload and edit again\n");
        return s.toString();
    }

    private static String orNone(String diff) {
        return diff.isEmpty() ? "(no change)\n" : diff;
    }
}
