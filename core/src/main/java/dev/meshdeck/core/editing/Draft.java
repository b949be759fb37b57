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
 * the candidate's earlier states for undo and redo. Trees handed in or out are copies, so nobody can change a
 * draft behind its back. Not thread-safe: a view uses it on its own thread.
 */
public final class Draft {

    /** Undo keeps this many states; older ones are dropped. */
    static final int HISTORY = 200;

    private final EditSession session;
    private final FunctionId function;
    private final ObjectNode live;
    private final String liveYaml;
    private ObjectNode candidate;
    private String candidateYaml;
    private final Deque<ObjectNode> undo = new ArrayDeque<>();
    private final Deque<ObjectNode> redo = new ArrayDeque<>();

    Draft(EditSession session, FunctionId function, ObjectNode live) {
        this.session = session;
        this.function = function;
        this.live = live.deepCopy();
        this.liveYaml = review(live);
        this.candidate = live.deepCopy();
        this.candidateYaml = liveYaml;
    }

    public FunctionId function() {
        return function;
    }

    public ResourceRef ref() {
        return new ResourceRef(live.path("kind").asText(""), live.path("metadata").path("namespace").asText(""),
                live.path("metadata").path("name").asText(""));
    }

    public String kind() {
        return live.path("kind").asText("");
    }

    public String apiVersion() {
        return live.path("apiVersion").asText("");
    }

    /** The object as loaded from the cluster (a copy). */
    public ObjectNode live() {
        return live.deepCopy();
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

    /** The live object as it would be reviewed, for the left side of a diff. */
    public String liveYaml() {
        return liveYaml;
    }

    /**
     * True when the reviewed YAML of the candidate differs from the live object's: server-owned fields and
     * number types (10 read as an int, written back as a long) do not count.
     */
    public boolean dirty() {
        return !candidateYaml.equals(liveYaml);
    }

    public LineDiff diff() {
        return LineDiff.between(live, candidate);
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

    /** Back to the live object, as one undoable step. */
    public boolean revert() {
        return update(live);
    }

    @Override
    public String toString() {
        return ref() + (dirty() ? " (changed)" : "");
    }
}
