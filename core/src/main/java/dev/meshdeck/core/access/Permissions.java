package dev.meshdeck.core.access;

import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the identity may apply a change set: every verb it needs on every object (get to compare with the
 * live object, then create, update or delete), as the cluster answers.
 */
public record Permissions(String identity, List<AccessDecision> decisions) {

    public Permissions {
        decisions = List.copyOf(decisions);
    }

    /** Asks {@code review} about every verb {@code changes} needs. */
    public static Permissions check(AccessReview review, String identity, ChangeSet changes) {
        List<AccessDecision> decisions = new ArrayList<>();
        for (ResourceChange c : changes.changes()) {
            if (c.operation() != ResourceChange.Operation.CREATE) {
                decisions.add(review.review(c.target(), "get"));
            }
            decisions.add(review.review(c.target(), c.operation().name().toLowerCase(Locale.ROOT)));
        }
        return new Permissions(identity, decisions);
    }

    public boolean allowed() {
        return decisions.stream().allMatch(AccessDecision::allowed);
    }

    public List<AccessDecision> denied() {
        return decisions.stream().filter(d -> !d.allowed()).toList();
    }

    /** Why the action is not possible, for a disabled button's tooltip and the CLI; empty when allowed. */
    public Optional<String> denial() {
        if (allowed()) {
            return Optional.empty();
        }
        return Optional.of(identity + " " + denied().stream().map(AccessDecision::toString).collect(Collectors.joining("; "))
                + ". Ask a cluster admin for these RBAC verbs, or use a context that has them.");
    }
}
