package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges each candidate once against the schemas of a {@link SchemaSource} (falling back to the offline
 * typed model for kinds the source has no schema for) and keeps the result for the context being
 * validated, so the schema rules (one per code) share a single pass.
 */
public final class SchemaCheck {

    private final SchemaSource source;
    private final Optional<SchemaSource> fallback;
    private ValidationContext lastContext;
    private Map<Resource, List<Violation>> lastResult;

    public SchemaCheck(SchemaSource source, Optional<SchemaSource> fallback) {
        this.source = source;
        this.fallback = fallback;
    }

    public SchemaSource source() {
        return source;
    }

    /** The violations of every candidate of the context, computed once per context. */
    public synchronized Map<Resource, List<Violation>> violations(ValidationContext context) {
        if (context != lastContext) {
            // Each object is judged on its own, so the work spreads over every core; schemas and CEL programs
            // are compiled into thread-safe caches.
            List<Resource> candidates = context.candidates();
            List<List<Violation>> judged = candidates.parallelStream().map(r -> check(r.tree())).toList();
            Map<Resource, List<Violation>> result = new IdentityHashMap<>();
            for (int i = 0; i < candidates.size(); i++) {
                result.put(candidates.get(i), judged.get(i));
            }
            lastContext = context;
            lastResult = result;
        }
        return lastResult;
    }

    /** Every violation of one object: its apiVersion/kind first, then its fields. */
    public List<Violation> check(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        Optional<Violation> unknown = source.kinds().judge(apiVersion, kind);
        if (unknown.isPresent()) {
            return List.of(unknown.get());
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        Optional<ResourceSchema> schema = source.schemaFor(group, version, kind);
        if (schema.isEmpty() && fallback.isPresent()) {
            schema = fallback.get().schemaFor(group, version, kind);
        }
        if (schema.isEmpty() && group.equals(KindRegistry.MESHDECK_LAMBDA_GROUP)) {
            return List.of(); // MeshDeck's own LambdaAlias form: its fields are checked by the Lambda rules
        }
        if (schema.isEmpty()) {
            return List.of(new Violation(ViolationType.NO_SCHEMA, "/kind",
                    kind + " (" + apiVersion + ") is a known kind but no schema for it is available "
                            + (source instanceof CrdSchemas ? "from the cluster's CRDs or offline" : "offline")
                            + ": its fields were not validated", "", "registry"));
        }
        return schema.get().validate(object);
    }
}
