package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.history.HistoryEntry;
import java.util.Optional;

/** {@link CanaryTraffic} through the apply pipeline and its history, as every other MeshDeck write. */
public final class PipelineTraffic implements CanaryTraffic {

    private final ApplyPipeline pipeline;

    public PipelineTraffic(ApplyPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Optional<ObjectNode> read(ResourceId id) throws GatewayException {
        return pipeline.gateway().read(id);
    }

    @Override
    public Prepared prepare(ObjectNode live, ObjectNode candidate, ApplyRequest request) {
        return new Prepared(live, candidate,
                pipeline.plan(ChangeSet.of(ResourceChange.of(live, candidate)), request, ApplyProgress.NONE));
    }

    @Override
    public Written commit(Prepared prepared, ApplyRequest request) {
        long before = newestEntry();
        ApplyOutcome outcome = prepared.plan().refusal()
                .orElseGet(() -> pipeline.apply(prepared.plan(), request, ApplyProgress.NONE));
        long after = newestEntry();
        return new Written(outcome, after > before ? after : null);
    }

    private long newestEntry() {
        return pipeline.history().entries().stream().mapToLong(HistoryEntry::id).max().orElse(0);
    }

    @Override
    public boolean inFlight(ResourceId id) {
        return pipeline.history().unfinished().stream()
                .anyMatch(e -> e.changes().changes().stream().anyMatch(c -> c.target().equals(id)));
    }
}
