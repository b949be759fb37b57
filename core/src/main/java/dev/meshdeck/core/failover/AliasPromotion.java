package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.platform.LambdaAliasRouting;

/**
 * A Lambda alias moved entirely to one version (MeshDeck's {@code LambdaAlias} form): its FunctionVersion
 * becomes that version and its additional-version weights are cleared.
 */
public final class AliasPromotion {

    private AliasPromotion() {
    }

    /** The alias routing everything to {@code version}; the rest of it as read. */
    public static ObjectNode to(ObjectNode alias, String version) {
        // checks the version is a published one ($LATEST cannot carry a weighted alias)
        LambdaAliasRouting.single(alias.at("/spec/functionName").asText(), alias.at("/metadata/name").asText(), version);
        ObjectNode after = alias.deepCopy();
        ObjectNode spec = (ObjectNode) after.path("spec");
        spec.put("functionVersion", version);
        spec.remove("routingConfig");
        return after;
    }

    /**
     * Promotes the function's alias to {@code version} (default: the alias's additional version, the canary).
     *
     * @throws IllegalArgumentException when the function has no alias, or no canary and no version was named
     */
    public static FunctionChange promote(LiveFunction fn, String version, String reason) {
        ObjectNode alias = fn.lambdaAlias().orElseThrow(() -> new IllegalArgumentException("Lambda function "
                + fn.function().name() + " has no alias to promote"));
        String to = version;
        if (to == null || to.isBlank()) {
            var weights = alias.at("/spec/routingConfig/additionalVersionWeights");
            if (!weights.fieldNames().hasNext()) {
                throw new IllegalArgumentException("alias " + alias.at("/metadata/name").asText() + " of "
                        + fn.function().name() + " has no canary version to promote; name the version");
            }
            to = weights.fieldNames().next();
        }
        String what = "alias " + alias.at("/metadata/name").asText() + " of " + fn.function().name() + " to version " + to;
        return new FunctionChange(fn.subject(), "Promote " + what, ChangeSet.of(ResourceChange.of(alias, to(alias, to))),
                FunctionChange.request(reason, "promote " + what, Action.PROMOTE, null, fn.subject()));
    }
}
