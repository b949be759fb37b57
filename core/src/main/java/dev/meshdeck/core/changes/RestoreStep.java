package dev.meshdeck.core.changes;

/** What restoring one object after a failed apply did. */
public record RestoreStep(ResourceId target, Result result, String detail) {

    public enum Result {
        /** It was written and is back to its before state. */
        RESTORED,
        /** It was created and has been deleted again. */
        DELETED,
        /** It was deleted and has been created again from its before state. */
        RECREATED,
        /** It was never changed: nothing to do. */
        UNTOUCHED,
        /** Someone else changed it since: left as they made it. */
        LEFT_ALONE,
        /** Restoring it failed: the detail says what to do by hand. */
        FAILED;

        public boolean consistent() {
            return this != FAILED && this != LEFT_ALONE;
        }
    }

    @Override
    public String toString() {
        return result.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + target
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
