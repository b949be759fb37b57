package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceId;
import java.util.Optional;

/** The object carrying a function's traffic, read live and written only as recorded change sets. */
public interface CanaryTraffic extends AutoCloseable {

    Optional<ObjectNode> read(ResourceId id) throws GatewayException;

    /**
     * Writes {@code live} → {@code candidate} as one change set through the apply pipeline (gate, dry run, write
     * with the live version as precondition, verify, history).
     */
    Written write(ObjectNode live, ObjectNode candidate, ApplyRequest request);

    /** Whether a change set touching {@code id} is still being written (journaled, unfinished). */
    boolean inFlight(ResourceId id);

    /** @param historyId the history entry recording it, null when nothing was recorded */
    record Written(ApplyOutcome outcome, Long historyId) {
    }

    @Override
    default void close() {
    }
}
