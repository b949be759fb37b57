package dev.meshdeck.core.changes;

import dev.meshdeck.core.changes.history.Action;

/**
 * Why a change set is applied, for the history.
 *
 * @param reason    the person's words, optional (required when forced)
 * @param action    what kind of change it is
 * @param relatesTo the history entry this one undoes or fails back from, or null
 * @param subject   what the change is about for the person (a function for failover), or ""
 * @param forced    the person overrides the validation gate's errors (an emergency); recorded with the findings
 */
public record ApplyRequest(String reason, Action action, Long relatesTo, String subject, boolean forced) {

    public ApplyRequest {
        reason = reason == null ? "" : reason;
        subject = subject == null ? "" : subject;
        if (forced && reason.isBlank()) {
            throw new IllegalArgumentException("a forced change needs a reason: say why the findings are overridden");
        }
    }

    public ApplyRequest(String reason, Action action, Long relatesTo, String subject) {
        this(reason, action, relatesTo, subject, false);
    }

    public static ApplyRequest apply(String reason) {
        return new ApplyRequest(reason, Action.APPLY, null, "");
    }

    /** The same request, overriding the gate's errors for {@code why}. */
    public ApplyRequest forced(String why) {
        return new ApplyRequest(why, action, relatesTo, subject, true);
    }

    /** The same request with the person's reason, or its own when {@code words} is blank. */
    public ApplyRequest because(String words) {
        return words == null || words.isBlank() ? this
                : new ApplyRequest(words.strip(), action, relatesTo, subject, forced);
    }
}
