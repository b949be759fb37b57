package dev.meshdeck.connectors.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.validation.LiveEstate;
import java.util.Optional;

/**
 * A gateway that passes everything to the real one, except that {@code interruption} runs as the second write
 * starts: the process dying, or the API server going away, between two writes of a change set.
 */
final class SecondWriteInterrupted implements ClusterGateway {

    private final ClusterGateway real;
    private final Runnable interruption;
    private int writes;

    SecondWriteInterrupted(ClusterGateway real, Runnable interruption) {
        this.real = real;
        this.interruption = interruption;
    }

    private void count() {
        if (++writes == 2) {
            interruption.run();
        }
    }

    @Override public WriteTarget target() { return real.target(); }
    @Override public LiveEstate estate() throws GatewayException { return real.estate(); }
    @Override public String identity() { return real.identity(); }
    @Override public boolean accepts(ResourceId id) { return real.accepts(id); }
    @Override public Optional<ObjectNode> read(ResourceId id) throws GatewayException { return real.read(id); }
    @Override public Optional<ObjectNode> dryRun(ResourceChange c) throws GatewayException { return real.dryRun(c); }

    @Override
    public ObjectNode create(ObjectNode object) throws GatewayException {
        count();
        return real.create(object);
    }

    @Override
    public ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException {
        count();
        return real.update(object, expectedVersion);
    }

    @Override
    public void delete(ResourceId id, String expectedVersion) throws GatewayException {
        count();
        real.delete(id, expectedVersion);
    }
}
