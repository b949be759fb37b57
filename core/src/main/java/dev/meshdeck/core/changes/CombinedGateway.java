package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.validation.LiveEstate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Several gateways as one; see {@link ClusterGateway#combined}. Closing it closes those that can be. */
final class CombinedGateway implements ClusterGateway, AutoCloseable {

    private final List<ClusterGateway> gateways;

    CombinedGateway(List<ClusterGateway> gateways) {
        this.gateways = List.copyOf(gateways);
    }

    @Override
    public WriteTarget target() {
        return WriteTarget.of(gateways.stream().map(ClusterGateway::target).toList());
    }

    @Override
    public LiveEstate estate() throws GatewayException {
        LiveEstate all = LiveEstate.EMPTY;
        for (ClusterGateway g : gateways) {
            all = all.plus(g.estate());
        }
        return all;
    }

    @Override
    public String identity() {
        return gateways.stream().map(ClusterGateway::identity).distinct().collect(Collectors.joining(" + "));
    }

    @Override
    public AccessReview access() {
        return (id, verb) -> of(id).access().review(id, verb);
    }

    @Override
    public boolean accepts(ResourceId id) {
        return gateways.stream().anyMatch(g -> g.accepts(id));
    }

    private ClusterGateway of(ResourceId id) {
        return gateways.stream().filter(g -> g.accepts(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("nothing here can write " + id + " (connected to " + target() + ")"));
    }

    @Override
    public Optional<ObjectNode> read(ResourceId id) throws GatewayException {
        return of(id).read(id);
    }

    @Override
    public Optional<ObjectNode> dryRun(ResourceChange change) throws GatewayException {
        return of(change.target()).dryRun(change);
    }

    @Override
    public ObjectNode create(ObjectNode object) throws GatewayException {
        return of(ResourceId.of(object)).create(object);
    }

    @Override
    public ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException {
        return of(ResourceId.of(object)).update(object, expectedVersion);
    }

    @Override
    public void delete(ResourceId id, String expectedVersion) throws GatewayException {
        of(id).delete(id, expectedVersion);
    }

    @Override
    public void close() {
        for (ClusterGateway g : gateways) {
            try {
                if (g instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (Exception e) {
                // closing a client after the work is done: nothing to report
            }
        }
    }
}
