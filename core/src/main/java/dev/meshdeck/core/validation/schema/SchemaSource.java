package dev.meshdeck.core.validation.schema;

import java.util.Optional;

/**
 * Where the schemas of Kubernetes objects come from: the CRDs of a live cluster ({@link CrdSchemas}) or
 * MeshDeck's offline knowledge ({@link TypedModelSchemas}).
 */
public interface SchemaSource {

    /** The schema of {@code kind} objects at {@code group/version}, if this source has one. */
    Optional<ResourceSchema> schemaFor(String group, String version, String kind);

    /** The apiVersion/kind pairs this source considers to exist. */
    KindRegistry kinds();

    /** Short name of how this source judges, for messages: "CRD schema", "typed model". */
    String mode();
}
