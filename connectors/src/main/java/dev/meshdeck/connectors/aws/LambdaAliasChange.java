package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.MeshResource;

/**
 * A change to a Lambda alias, not yet written: the live alias and the candidate, both LambdaAlias documents in
 * the form {@link LambdaCatalog#resourcesOf} renders. The candidate keeps the live RevisionId as
 * {@code metadata.resourceVersion}, so writing it (UpdateAlias with that RevisionId) fails with a conflict
 * when someone changed the alias in between; writing {@code live} back the same way is the rollback.
 */
public record LambdaAliasChange(String region, MeshResource live, MeshResource candidate) {
}
