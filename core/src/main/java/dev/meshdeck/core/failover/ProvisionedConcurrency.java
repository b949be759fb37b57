package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.history.Action;
import java.util.Optional;

/**
 * The provisioned concurrency of a Lambda alias or published version as MeshDeck writes it
 * ({@code lambda.meshdeck.dev/v1 LambdaProvisionedConcurrency}, named by function and qualifier), and the change
 * that sets or removes it: the scale command and the Scale tab build the same one.
 */
public final class ProvisionedConcurrency {

    public static final String API_VERSION = "lambda.meshdeck.dev/v1";

    private ProvisionedConcurrency() {
    }

    public static ResourceId id(String function, String qualifier) {
        return new ResourceId(API_VERSION, ResourceId.LAMBDA_PROVISIONED_CONCURRENCY_KIND, function, qualifier);
    }

    /** The document asking for {@code count} on {@code function}'s {@code qualifier} (no version, no status). */
    public static ObjectNode document(String function, String qualifier, int count) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("apiVersion", API_VERSION);
        o.put("kind", ResourceId.LAMBDA_PROVISIONED_CONCURRENCY_KIND);
        o.putObject("metadata").put("name", qualifier);
        o.putObject("spec").put("functionName", function).put("provisionedConcurrentExecutions", count);
        return o;
    }

    /**
     * Sets {@code count} on the qualifier as {@code gateway} reads it now (what it was read with, its version and
     * the function's reserved concurrency, kept for the gate); 0 removes it. Empty when there is nothing to change.
     */
    public static Optional<FunctionChange> set(ClusterGateway gateway, String function, String qualifier, int count,
                                               String reason) throws GatewayException {
        if (count < 0) {
            throw new IllegalArgumentException("provisioned concurrency " + count + " is below 0");
        }
        ResourceId id = id(function, qualifier);
        ObjectNode live = gateway.read(id).orElse(null);
        ObjectNode wanted = null;
        if (count > 0) {
            wanted = live == null ? document(function, qualifier, count) : live.deepCopy();
            ((ObjectNode) wanted.get("spec")).put("provisionedConcurrentExecutions", count);
        }
        if (live == null && wanted == null) {
            return Optional.empty();
        }
        String subject = function + ":" + qualifier;
        return Optional.of(new FunctionChange(subject, "Provision " + count + " concurrent executions on " + subject,
                ChangeSet.of(new ResourceChange(id, live, wanted)), FunctionChange.request(reason,
                "scale " + subject + " provisioned concurrency " + count, Action.APPLY, null, subject)));
    }
}
