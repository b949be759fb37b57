package dev.meshdeck.core.changes;

import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.Set;

/**
 * Where the window's changes are written and remembered: opens an apply pipeline to the sources of the drafts
 * (a kube context, a Lambda region) or to where a recorded change set was written. The app implements it.
 */
public interface ApplyTargets {

    /**
     * A pipeline writing to {@code sources}, guarded by {@code guard}. May block: call it off the FX thread.
     *
     * @throws IllegalArgumentException when the sources cannot be written as one change set (two kube contexts)
     */
    Connection connect(Set<SourceRef> sources, ProductionGuard guard);

    /** A pipeline to where {@code entry} was written (for its rollback or recovery). May block. */
    Connection connect(HistoryEntry entry, ProductionGuard guard);

    /** The history every pipeline records to. */
    ChangeHistory history();

    /** An open pipeline; closing it closes its clients. */
    interface Connection extends AutoCloseable {
        ApplyPipeline pipeline();

        /** What the writing identity may do, to disable an action with the reason before it is tried. */
        default AccessReview access() {
            return AccessReview.UNCHECKED;
        }

        @Override
        void close();
    }
}
