package dev.meshdeck.views.editing;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.validation.Finding;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The editor's state and rules, without a stage: which function it shows, what its status line says about the
 * last action, and when Apply and Apply all may run. {@link EditorPane} lays it out and binds to it.
 */
final class EditorModel {

    /** Whether an apply button may be pressed, and what its tooltip says either way. */
    record ApplyState(boolean enabled, String tooltip) {
    }

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final String applyKeys;
    private FunctionId shown;
    private List<Finding> yamlProblems = List.of();

    /** @param applyKeys the shortcut of Apply as shown ("Ctrl+↵") */
    EditorModel(String applyKeys) {
        this.applyKeys = applyKeys;
    }

    /** The status line: what the last action (apply, export, create, discard) did, until it no longer holds. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Another function is shown: what was said about the previous one's last action is not about this one. */
    void show(FunctionId function) {
        if (!function.equals(shown)) {
            shown = function;
            status.set("");
            yamlProblems = List.of();
        }
    }

    /** Says what an action did. */
    void report(String message) {
        status.set(message);
    }

    /** A draft changed (an edit, undo or redo): a message about an earlier action ("Applied…") would be stale. */
    void edited() {
        status.set("");
    }

    /** The YAML pane's text does not parse (these problems) or does again (empty): it is not what Apply would send. */
    void yamlProblems(List<Finding> problems) {
        yamlProblems = List.copyOf(problems);
    }

    /**
     * Apply: the pending changes of the function shown.
     *
     * @param pending how many of its objects differ from the cluster
     * @param refused why its sources refuse writes now (production not armed), if they do
     */
    ApplyState apply(int pending, Optional<String> refused) {
        return state(pending, refused, "No changes of this function to apply",
                "Review and apply the " + pending + " pending change(s) of this function (" + applyKeys + ")");
    }

    /** Apply all: every pending change of the session, as one change set. */
    ApplyState applyAll(int pending, Optional<String> refused) {
        return state(pending, refused, "No changes to apply",
                "Review and apply every pending change (" + pending + ") as one change set");
    }

    private ApplyState state(int pending, Optional<String> refused, String nothing, String ready) {
        if (!yamlProblems.isEmpty()) {
            // the draft holds the last text that parsed: applying now would send something other than what is shown
            Finding first = yamlProblems.get(0);
            return new ApplyState(false, "The YAML does not parse" + first.position().map(p -> " at line " + p.line()).orElse("")
                    + ": " + first.message() + ". Fix it, or undo, before applying.");
        }
        if (refused.isPresent()) {
            return new ApplyState(false, refused.get());
        }
        return pending == 0 ? new ApplyState(false, nothing) : new ApplyState(true, ready);
    }
}
