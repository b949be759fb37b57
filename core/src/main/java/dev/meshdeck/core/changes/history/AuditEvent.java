package dev.meshdeck.core.changes.history;

import java.time.Instant;

/**
 * One mutation attempt.
 *
 * @param action   create, update, delete, restore-..., apply, or refused
 * @param resource the object, or "" for a whole change set
 * @param result   ok, failed, conflict, forbidden, ...
 * @param entry    the history entry it belongs to, or null before one was journaled
 */
public record AuditEvent(Instant time, String target, String identity, String action, String resource,
                         String result, String detail, Long entry) {
}
