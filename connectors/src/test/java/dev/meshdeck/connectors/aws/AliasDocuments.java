package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshdeck.core.inventory.MeshResource;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a LambdaAlias document the way the apply pipeline does (UpdateAlias carrying the document's RevisionId),
 * so these tests can show the candidates are writable and the live document restores the alias. Test-only: the
 * pipeline's own writer replaces it once merged.
 */
final class AliasDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AliasDocuments() {
    }

    static JsonNode read(MeshResource alias) {
        try {
            return YAML.readTree(alias.yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UpdateAlias with {@code revisionId} as the precondition (the document's own, or another). */
    static void write(LambdaClient lambda, MeshResource alias, String revisionId) {
        JsonNode doc = read(alias);
        Map<String, Double> weights = new LinkedHashMap<>();
        doc.at("/spec/routingConfig/additionalVersionWeights").fields()
                .forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        lambda.updateAlias(r -> r.functionName(doc.at("/spec/functionName").asText())
                .name(doc.at("/metadata/name").asText())
                .functionVersion(doc.at("/spec/functionVersion").asText())
                .routingConfig(c -> c.additionalVersionWeights(weights))
                .revisionId(revisionId));
    }

    static void write(LambdaClient lambda, MeshResource alias) {
        write(lambda, alias, read(alias).at("/metadata/resourceVersion").asText());
    }
}
