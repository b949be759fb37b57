package dev.meshdeck.core.changes;

import dev.meshdeck.core.validation.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A change set checked and ready for the person to confirm: validated, compared with the live objects and
 * dry-run by the server. When {@code refusal} is present (Rejected or Conflict) it cannot be applied as is.
 *
 * @param findings every validation finding, warnings included
 */
public record Plan(ChangeSet changes, List<Finding> findings, Optional<ApplyOutcome> refusal) {

    public Plan {
        findings = List.copyOf(findings);
    }

    public boolean ready() {
        return refusal.isEmpty() && !changes.isEmpty();
    }

    /** What the confirm dialog and `meshdeck diff` show. */
    public String diff() {
        return changes.unifiedDiff();
    }
}
