package dev.meshdeck.views.editing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.editing.Draft;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A form tab's link to its draft. The tab keeps no state of its own: each change reads the draft's candidate into
 * an immutable form ({@code read}), applies itself and writes the form's candidate back ({@code write}), so the
 * YAML pane, findings, diff and undo follow.
 *
 * @param <F> the form type (RoutingForm, ResilienceForm, SecurityForm)
 */
final class DraftBinding<F> {

    private final Function<ObjectNode, F> read;
    private final Function<F, ObjectNode> write;
    private final Consumer<String> refused;
    private final Runnable refresh;
    private Draft draft;
    private String unreadable;

    /**
     * @param refused shows why a change was refused (the form's message)
     * @param refresh redraws the tab; called when a change left the candidate as it was
     */
    DraftBinding(Function<ObjectNode, F> read, Function<F, ObjectNode> write, Consumer<String> refused, Runnable refresh) {
        this.read = read;
        this.write = write;
        this.refused = refused;
        this.refresh = refresh;
    }

    void bind(Draft draft) {
        this.draft = draft;
    }

    Draft draft() {
        return draft;
    }

    /** The form over the draft's candidate; null without a draft or when the candidate cannot be read (see {@link #unreadable()}). */
    F form() {
        unreadable = null;
        if (draft == null) {
            return null;
        }
        try {
            return read.apply(draft.candidate());
        } catch (RuntimeException e) {
            unreadable = e.getMessage();
            return null;
        }
    }

    /** Why the last {@link #form()} was null although there is a draft, or null. */
    String unreadable() {
        return unreadable;
    }

    /** Applies a change; false (with the message shown) when the form refuses it or cannot be read. */
    boolean apply(UnaryOperator<F> change) {
        F form = form();
        if (form == null) {
            refresh.run();
            return false;
        }
        F next;
        try {
            next = change.apply(form);
        } catch (IllegalArgumentException | IllegalStateException refusal) {
            refused.accept(refusal.getMessage());
            return false;
        }
        if (!draft.update(write.apply(next))) {
            refresh.run();
        }
        return true;
    }
}
