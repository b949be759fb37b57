package dev.meshdeck.core.changes;

/** Told of each step of an apply as it happens, on the thread doing the work. */
@FunctionalInterface
public interface ApplyProgress {

    ApplyProgress NONE = step -> { };

    enum Phase { VALIDATE, CHECK_CONFLICTS, DRY_RUN, JOURNAL, WRITE, VERIFY, RESTORE, DONE }

    /**
     * @param target the object concerned, null for a step about the whole change set
     * @param index  0-based position of the object in the change set, -1 when none
     */
    record Step(Phase phase, ResourceId target, int index, int total, String message) {
        @Override
        public String toString() {
            return phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (index >= 0 ? " " + (index + 1) + "/" + total : "") + (target == null ? "" : " " + target)
                    + (message.isEmpty() ? "" : ": " + message);
        }
    }

    void step(Step step);
}
