package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.validation.LiveEstate;
import java.util.List;
import java.util.Optional;

/**
 * Where a change set is written: one kube context, or one AWS account and region for Lambda aliases.
 * Connectors implement it; every write carries a precondition and nothing is ever forced.
 */
public interface ClusterGateway {

    /** What is written to: the history records it, rollback and failback match on it. */
    WriteTarget target();

    /** Who writes (kubeconfig user name, STS caller ARN): never a token or key. */
    String identity();

    /** Whether this gateway writes objects like {@code id}. */
    boolean accepts(ResourceId id);

    /**
     * What the writing identity may do here, asked before writing; {@link AccessReview#UNCHECKED} where nothing can
     * be asked beforehand (AWS IAM answers when writing).
     */
    default AccessReview access() {
        return AccessReview.UNCHECKED;
    }

    /**
     * The live objects that objects written here may refer to, and the CRDs giving their schemas: what the
     * pipeline judges candidates against before anything is written.
     */
    LiveEstate estate() throws GatewayException;

    /** The object as it is now, with its resourceVersion; empty when it does not exist. */
    Optional<ObjectNode> read(ResourceId id) throws GatewayException;

    /**
     * Asks the server what the change would give without storing anything (Kubernetes {@code dryRun=All},
     * which also runs admission webhooks). Answers the object the write would produce; empty for a deletion.
     */
    Optional<ObjectNode> dryRun(ResourceChange change) throws GatewayException;

    /** Creates the object; fails with {@link GatewayException.Reason#ALREADY_EXISTS} when it exists. */
    ObjectNode create(ObjectNode object) throws GatewayException;

    /**
     * Replaces the object if it still has {@code expectedVersion}, else fails with
     * {@link GatewayException.Reason#CONFLICT}. Answers the stored object.
     */
    ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException;

    /** Deletes the object if it still has {@code expectedVersion}. */
    void delete(ResourceId id, String expectedVersion) throws GatewayException;

    /** One gateway over several (a kube context and a Lambda region): each object goes to the first that accepts it. */
    static ClusterGateway combined(List<ClusterGateway> gateways) {
        return gateways.size() == 1 ? gateways.get(0) : new CombinedGateway(gateways);
    }
}
