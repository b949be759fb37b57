package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas from CustomResourceDefinition objects: what a connector lists from a live cluster
 * ({@code apiextensions.k8s.io/v1} CRDs as JSON trees), or what tests load from Istio's crd-all.gen.yaml.
 * Each served version's {@code openAPIV3Schema} is compiled on first use and cached, with its CEL rules.
 */
public final class CrdSchemas implements SchemaSource {

    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, ResourceSchema> compiled = new ConcurrentHashMap<>();
    private final KindRegistry kinds;

    public CrdSchemas(List<JsonNode> crds) {
        for (JsonNode crd : crds) {
            if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                continue;
            }
            String group = crd.path("spec").path("group").asText("");
            String kind = crd.path("spec").path("names").path("kind").asText("");
            for (JsonNode v : crd.path("spec").path("versions")) {
                JsonNode schema = v.path("schema").path("openAPIV3Schema");
                if (v.path("served").asBoolean(true) && schema.isObject() && !opaque(schema)) {
                    schemas.put(key(group, v.path("name").asText(), kind), schema);
                }
            }
        }
        this.kinds = KindRegistry.builtIn().withCrds(crds);
    }

    @Override
    public Optional<ResourceSchema> schemaFor(String group, String version, String kind) {
        String key = key(group, version, kind);
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(key, k -> new CrdVersionSchema(schema)));
    }

    /** How many kind/version schemas these CRDs hold. */
    public int size() {
        return schemas.size();
    }

    /**
     * A schema that only says "keep whatever comes" describes nothing (clusters without Istio's own CRDs, the
     * sandbox): such kinds are judged by the offline checks instead.
     */
    private static boolean opaque(JsonNode schema) {
        return schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && (!schema.has("properties") || !schema.path("properties").has("spec"));
    }

    @Override
    public KindRegistry kinds() {
        return kinds;
    }

    @Override
    public String mode() {
        return "CRD schema";
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }
}
