package dev.meshdeck.core.changes;

import dev.meshdeck.core.changes.history.Action;

/**
 * Why a change set is applied, for the history.
 *
 * @param reason    the person's words, optional
 * @param action    what kind of change it is
 * @param relatesTo the history entry this one undoes or fails back from, or null
 * @param subject   what the change is about for the person (a function for failover), or ""
 */
public record ApplyRequest(String reason, Action action, Long relatesTo, String subject) {

    public ApplyRequest {
        reason = reason == null ? "" : reason;
        subject = subject == null ? "" : subject;
    }

    public static ApplyRequest apply(String reason) {
        return new ApplyRequest(reason, Action.APPLY, null, "");
    }
}
