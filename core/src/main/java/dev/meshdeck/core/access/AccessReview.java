package dev.meshdeck.core.access;

import dev.meshdeck.core.changes.ResourceId;

/**
 * Asks the cluster whether the current identity may do {@code verb} on an object, before trying (Kubernetes:
 * a SelfSubjectAccessReview). Connectors implement it; a view disables an action with the reason when denied.
 */
@FunctionalInterface
public interface AccessReview {

    /** For targets that cannot be asked beforehand (AWS IAM is only checked when writing). */
    AccessReview UNCHECKED = (id, verb) -> AccessDecision.unchecked(id, verb);

    /** May block on the network: never call it on the UI thread. */
    AccessDecision review(ResourceId id, String verb);
}
