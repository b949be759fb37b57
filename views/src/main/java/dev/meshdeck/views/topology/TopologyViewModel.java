package dev.meshdeck.views.topology;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.topology.TopologyNode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the graph shows beyond the {@link dev.meshdeck.core.topology.TopologyModel}, kept apart from the canvas so it
 * is tested without a stage: which nodes come from a source that stopped answering, and as of when they are. The
 * graph greys those nodes and writes their age on them until the source answers again.
 */
public final class TopologyViewModel {

    private final ZoneId zone;
    /** Sources that are stale or failed now, with the status that says since when and as of when. */
    private final Map<SourceRef, SourceStatus> silent = new HashMap<>();

    public TopologyViewModel(ZoneId zone) {
        this.zone = zone;
    }

    /** Folds in the source states of a batch; true when a node's mark changed, so the graph must be drawn again. */
    public boolean apply(List<InventoryEvent> batch) {
        boolean changed = false;
        for (InventoryEvent event : batch) {
            if (event instanceof InventoryEvent.SourceChanged e) {
                SourceStatus status = e.status();
                changed |= silentNow(status.state())
                        ? !status.equals(silent.put(status.source(), status))
                        : silent.remove(status.source()) != null;
            } else if (event instanceof InventoryEvent.SourceRemoved e) {
                changed |= silent.remove(e.source()) != null;
            }
        }
        return changed;
    }

    private static boolean silentNow(SourceStatus.State state) {
        return state == SourceStatus.State.STALE || state == SourceStatus.State.FAILED;
    }

    /**
     * "as of 14:03:12" for a node whose function's source does not answer: what it shows is what that source said
     * last. Empty for a node of a live source, a gateway or an external host.
     */
    public Optional<String> staleMark(TopologyNode node) {
        if (node.function() == null) {
            return Optional.empty();
        }
        SourceStatus status = silent.get(node.function().id().source());
        return status == null ? Optional.empty() : Optional.of(status.asOf(zone).orElse("not answering"));
    }
}
