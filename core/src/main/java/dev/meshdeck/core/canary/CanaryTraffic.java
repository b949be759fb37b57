package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.Plan;
import dev.meshdeck.core.changes.ResourceId;
import java.util.Optional;

/** The object carrying a function's traffic, read live and written only as recorded change sets. */
public interface CanaryTraffic extends AutoCloseable {

    Optional<ObjectNode> read(ResourceId id) throws GatewayException;

    /**
     * Writes {@code live} → {@code candidate} as one change set through the apply pipeline (gate, dry run, write
     * with the live version as precondition, verify, history).
     */
    default Written write(ObjectNode live, ObjectNode candidate, ApplyRequest request) {
        return commit(prepare(live, candidate, request), request);
    }

    /**
     * Checks {@code live} → {@code candidate} as the pipeline would before writing (gate, conflicts, dry run), writing
     * nothing: done ahead of a decision, so that the decision only writes.
     */
    Prepared prepare(ObjectNode live, ObjectNode candidate, ApplyRequest request);

    /** Writes a prepared change, recorded with {@code request}; the live version read when preparing is its precondition. */
    Written commit(Prepared prepared, ApplyRequest request);

    /** A change checked and ready to write; {@code plan} is the pipeline's, null for stand-ins. */
    record Prepared(ObjectNode live, ObjectNode candidate, Plan plan) {
    }

    /** Whether a change set touching {@code id} is still being written (journaled, unfinished). */
    boolean inFlight(ResourceId id);

    /** @param historyId the history entry recording it, null when nothing was recorded */
    record Written(ApplyOutcome outcome, Long historyId) {
    }

    @Override
    default void close() {
    }
}
