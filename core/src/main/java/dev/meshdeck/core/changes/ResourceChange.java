package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.editing.LineDiff;
import dev.meshdeck.core.yaml.YamlRenderer;

/**
 * One object's change: its state before (null when the change creates it) and after (null when the change
 * deletes it). {@code before} is the object as read from the cluster, with its resourceVersion (a Lambda
 * alias's RevisionId): the precondition of the write.
 */
public record ResourceChange(ResourceId target, ObjectNode before, ObjectNode after) {

    public enum Operation { CREATE, UPDATE, DELETE }

    public ResourceChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change of " + target + " needs a before or an after state");
        }
        before = before == null ? null : before.deepCopy();
        after = after == null ? null : after.deepCopy();
    }

    public static ResourceChange of(ObjectNode before, ObjectNode after) {
        return new ResourceChange(ResourceId.of(after != null ? after : before), before, after);
    }

    public Operation operation() {
        return before == null ? Operation.CREATE : after == null ? Operation.DELETE : Operation.UPDATE;
    }

    /** The version the object must still have for this change to be written; null for a creation. */
    public String expectedVersion() {
        return before == null ? null : resourceVersion(before);
    }

    /** The same change the other way round: what undoes it. */
    public ResourceChange inverse() {
        return new ResourceChange(target, after, before);
    }

    /** Whether after differs from before for a reviewer (server-owned fields ignored). */
    public boolean changesSomething() {
        return !Json.sameForReview(before, after);
    }

    /** Secret values and a ConfigMap's credential-looking ones masked: a diff is printed, logged and shown. */
    public LineDiff diff() {
        return LineDiff.of(review(SecretMask.mask(before)), review(after == null ? null : SecretMask.maskAfter(before, after)));
    }

    /** {@code diff -u} of this change, headed by the object's identity and operation. */
    public String unifiedDiff() {
        String name = target.toString();
        String text = diff().unified(before == null ? "/dev/null" : "live/" + name,
                after == null ? "/dev/null" : "candidate/" + name, 3);
        return "# " + operation().name().toLowerCase(java.util.Locale.ROOT) + " " + name + "\n" + text;
    }

    static String review(ObjectNode object) {
        return object == null ? "" : YamlRenderer.render(YamlRenderer.forReview(object));
    }

    static String resourceVersion(ObjectNode object) {
        String rv = object.path("metadata").path("resourceVersion").asText("");
        return rv.isEmpty() ? null : rv;
    }
}
