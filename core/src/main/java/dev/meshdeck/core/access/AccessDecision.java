package dev.meshdeck.core.access;

import dev.meshdeck.core.changes.ResourceId;

/**
 * The answer to "may I {@code verb} this object?".
 *
 * @param checked false when the target could not be asked (the write itself will tell)
 * @param reason  the cluster's reason (RBAC's explanation), or why it was not checked; may be ""
 */
public record AccessDecision(ResourceId target, String verb, boolean allowed, boolean checked, String reason) {

    public AccessDecision {
        reason = reason == null ? "" : reason;
    }

    public static AccessDecision unchecked(ResourceId target, String verb) {
        return new AccessDecision(target, verb, true, false, "not checked beforehand");
    }

    /** "may not update VirtualService payments/payment-function: RBAC: ..." */
    @Override
    public String toString() {
        return (allowed ? "may " : "may not ") + verb + " " + target + (reason.isEmpty() ? "" : ": " + reason);
    }
}
