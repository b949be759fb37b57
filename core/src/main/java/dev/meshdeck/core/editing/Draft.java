package dev.meshdeck.core.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.validation.ResourceRef;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One object of a function being edited: the live object as loaded, the candidate the SRE is shaping, and
 * the candidate's earlier states for undo and redo. A draft can also be a new object the SRE creates (no live
 * object: {@link #isNew()}); it is pending from the start and diffs against nothing. Trees handed in or out are
 * copies, so nobody can change a draft behind its back. Not thread-safe: a view uses it on its own thread.
 */
public final class Draft {

    /** Undo keeps this many states; older ones are dropped. */
    static final int HISTORY = 200;

    private final EditSession session;
    private final FunctionId function;
    /** Null for a new object. */
    private final ObjectNode live;
    /** The live object, or the defaults a new object was created with: what names the draft. */
    private final ObjectNode initial;
    private final String liveYaml;
    private ObjectNode candidate;
    private String candidateYaml;
    private final Deque<ObjectNode> undo = new ArrayDeque<>();
    private final Deque<ObjectNode> redo = new ArrayDeque<>();

    Draft(EditSession session, FunctionId function, ObjectNode live) {
        this(session, function, live, live);
    }

    private Draft(EditSession session, FunctionId function, ObjectNode live, ObjectNode initial) {
        this.session = session;
        this.function = function;
        this.live = live == null ? null : live.deepCopy();
        this.initial = initial.deepCopy();
        this.liveYaml = live == null ? "" : review(live);
        this.candidate = initial.deepCopy();
        this.candidateYaml = review(initial);
    }

    /** A draft of an object that does not exist yet, starting from {@code defaults}. */
    static Draft created(EditSession session, FunctionId function, ObjectNode defaults) {
        return new Draft(session, function, null, defaults);
    }

    public FunctionId function() {
        return function;
    }

    public ResourceRef ref() {
        return new ResourceRef(initial.path("kind").asText(""), initial.path("metadata").path("namespace").asText(""),
                initial.path("metadata").path("name").asText(""));
    }

    public String kind() {
        return initial.path("kind").asText("");
    }

    public String apiVersion() {
        return initial.path("apiVersion").asText("");
    }

    /** True for an object the SRE is creating: applying it creates it. */
    public boolean isNew() {
        return live == null;
    }

    /** The object as loaded from the cluster (a copy); null for a new object. */
    public ObjectNode live() {
        return live == null ? null : live.deepCopy();
    }

    /** The live object, or for a new object the defaults it was created with (a copy). */
    public ObjectNode initial() {
        return initial.deepCopy();
    }

    /** The object as the SRE would apply it now (a copy). */
    public ObjectNode candidate() {
        return candidate.deepCopy();
    }

    /** The candidate as kubectl-applyable YAML, without server-owned fields. */
    public String candidateYaml() {
        return candidateYaml;
    }

    private static String review(JsonNode object) {
        return YamlRenderer.render(YamlRenderer.forReview(object));
    }

    private void become(ObjectNode next) {
        candidate = next;
        candidateYaml = review(next);
        session.changed(this);
    }

    /** The live object as it would be reviewed, for the left side of a diff; empty for a new object. */
    public String liveYaml() {
        return liveYaml;
    }

    /**
     * True when the reviewed YAML of the candidate differs from the live object's: server-owned fields and
     * number types (10 read as an int, written back as a long) do not count. Always true for a new object.
     */
    public boolean dirty() {
        return !candidateYaml.equals(liveYaml);
    }

    public LineDiff diff() {
        return live == null ? LineDiff.of("", candidateYaml) : LineDiff.between(live, candidate);
    }

    /**
     * Makes {@code next} the candidate, remembering the current one for undo. Does nothing when nothing
     * changed, so re-rendering the same state never fills the history.
     *
     * @return whether the candidate changed
     */
    public boolean update(JsonNode next) {
        if (!(next instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the candidate " + ref() + " must be an object, not "
                    + (next == null ? "nothing" : next.getNodeType().name().toLowerCase()));
        }
        if (object.equals(candidate)) {
            return false;
        }
        undo.push(candidate);
        if (undo.size() > HISTORY) {
            undo.removeLast();
        }
        redo.clear();
        become(object.deepCopy());
        return true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Goes back one state; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(candidate);
        become(undo.pop());
        return true;
    }

    /** Goes forward again after an undo; false when there is nothing to redo. */
    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(candidate);
        become(redo.pop());
        return true;
    }

    /** Back to the live object (a new object: to its defaults), as one undoable step. */
    public boolean revert() {
        return update(initial);
    }

    @Override
    public String toString() {
        return ref() + (isNew() ? " (new)" : dirty() ? " (changed)" : "");
    }
}
