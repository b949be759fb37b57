package dev.meshdeck.views.inventory;

import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import java.util.List;

/**
 * What the window knows of its sources' states, for the panes and actions that must say, or refuse, while one does
 * not answer. FX thread.
 */
public interface SourceHealth {

    /** The source's last reported status; null before it reported any. */
    SourceStatus statusOf(SourceRef source);

    /**
     * The statuses of the sources {@code target} writes to (a history entry's target, matched by context name, or by
     * AWS region and account or profile); a part the window does not list has none.
     */
    List<SourceStatus> statusesOf(WriteTarget target);

    /** {@code changed} runs on the FX thread whenever a status may have changed. */
    void addListener(Runnable changed);
}
