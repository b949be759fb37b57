package dev.meshdeck.core.changes.history;

import dev.meshdeck.core.changes.WriteTarget;
import java.time.Instant;

/**
 * One mutation attempt.
 *
 * @param action   create, update, delete, restore-..., apply, force, or refused
 * @param resource the object, or "" for a whole change set
 * @param result   ok, failed, conflict, forbidden, ...
 * @param entry    the history entry it belongs to, or null before one was journaled
 */
public record AuditEvent(Instant time, WriteTarget target, String identity, String action, String resource,
                         String result, String detail, Long entry) {
}
