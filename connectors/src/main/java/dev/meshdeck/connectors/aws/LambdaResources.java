package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.meshdeck.core.inventory.LambdaUrlHosts;
import dev.meshdeck.core.inventory.MeshResource;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Lambda function and its aliases as YAML for the resource view. Environment variable values are masked:
 * they often hold secrets and the view is shown on screens and in screenshots.
 */
final class LambdaResources {

    static final String FUNCTION_KIND = "LambdaFunction";
    static final String ALIAS_KIND = "LambdaAlias";
    static final String ALIAS_API_VERSION = "lambda.meshdeck.dev/v1";
    static final String ARN_ANNOTATION = "lambda.meshdeck.dev/arn";
    static final String MASK = "****";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // versions are strings ("3"): unquoted they would read back as numbers
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private LambdaResources() {
    }

    /**
     * @param reserved the function's reserved concurrency, null when it uses the account's unreserved pool
     * @param urls     its function URLs (unqualified and per alias)
     */
    static MeshResource function(FunctionConfiguration c, Map<String, String> tags, Integer reserved, List<String> urls) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("FunctionName", c.functionName());
        yaml.put("FunctionArn", c.functionArn());
        yaml.put("Runtime", c.runtimeAsString());
        yaml.put("Handler", c.handler());
        yaml.put("Role", c.role());
        yaml.put("Description", c.description());
        yaml.put("MemorySize", c.memorySize());
        yaml.put("Timeout", c.timeout());
        yaml.put("Version", c.version());
        yaml.put("State", c.stateAsString());
        yaml.put("LastUpdateStatus", c.lastUpdateStatusAsString());
        yaml.put("LastModified", c.lastModified());
        yaml.put("CodeSha256", c.codeSha256());
        yaml.put("CodeSize", c.codeSize());
        yaml.put("PackageType", c.packageTypeAsString());
        yaml.put("Architectures", c.architecturesAsStrings());
        yaml.put("RevisionId", c.revisionId());
        yaml.put("ReservedConcurrentExecutions", reserved);
        if (c.environment() != null && c.environment().hasVariables()) {
            Map<String, String> masked = new TreeMap<>();
            c.environment().variables().keySet().forEach(name -> masked.put(name, MASK));
            yaml.put("Environment", Map.of("Variables", masked));
        }
        if (!urls.isEmpty()) {
            yaml.put(LambdaUrlHosts.FUNCTION_URLS, urls);
        }
        if (!tags.isEmpty()) {
            yaml.put("Tags", new TreeMap<>(tags));
        }
        return new MeshResource(FUNCTION_KIND, "", c.functionName(), write(yaml));
    }

    /**
     * An alias in MeshDeck's LambdaAlias form (the one the validator, the editors and exports use): the
     * alias's RevisionId is its resourceVersion, the concurrency token of an update.
     */
    static MeshResource alias(String function, AliasConfiguration a) {
        return alias(function, aliasTree(function, a));
    }

    /** An alias document (live or candidate) as a resource, written as {@link #alias(String, AliasConfiguration)} writes it. */
    static MeshResource alias(String function, JsonNode alias) {
        return new MeshResource(ALIAS_KIND, "", function + ":" + alias.at("/metadata/name").asText(), write(alias));
    }

    static ObjectNode aliasTree(String function, AliasConfiguration a) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", a.name());
        metadata.put("resourceVersion", a.revisionId());
        metadata.put("annotations", Map.of(ARN_ANNOTATION, a.aliasArn()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("functionName", function);
        spec.put("functionVersion", a.functionVersion());
        spec.put("description", a.description() == null || a.description().isEmpty() ? null : a.description());
        if (a.routingConfig() != null && a.routingConfig().hasAdditionalVersionWeights()) {
            spec.put("routingConfig", Map.of("additionalVersionWeights",
                    new TreeMap<>(a.routingConfig().additionalVersionWeights())));
        }
        spec.values().removeIf(v -> v == null);
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("apiVersion", ALIAS_API_VERSION);
        yaml.put("kind", ALIAS_KIND);
        yaml.put("metadata", metadata);
        yaml.put("spec", spec);
        return YAML.valueToTree(yaml);
    }

    private static String write(Map<String, Object> yaml) {
        yaml.values().removeIf(v -> v == null);
        return write((Object) yaml);
    }

    private static String write(Object yaml) {
        try {
            return YAML.writeValueAsString(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render Lambda configuration as YAML", e);
        }
    }
}
