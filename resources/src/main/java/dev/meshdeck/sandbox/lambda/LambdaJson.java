package dev.meshdeck.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lambda's PascalCase REST-JSON shapes (FunctionConfiguration, AliasConfiguration, list pages). */
final class LambdaJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private LambdaJson() {
    }

    static ObjectNode configuration(LambdaRegion region, FunctionConfig c) {
        String arn = region.functionArn(c.name());
        ObjectNode json = MAPPER.createObjectNode()
                .put("FunctionName", c.name())
                .put("FunctionArn", FunctionConfig.LATEST.equals(c.version()) ? arn : arn + ":" + c.version())
                .put("Runtime", c.runtime())
                .put("Role", "arn:aws:iam::" + region.account() + ":role/" + c.name() + "-role")
                .put("Handler", c.handler())
                .put("CodeSize", 1024L + Math.abs(c.codeSha256().hashCode() % 4_000_000))
                .put("Description", c.description())
                .put("Timeout", c.timeout())
                .put("MemorySize", c.memorySize())
                .put("LastModified", c.lastModified())
                .put("CodeSha256", c.codeSha256())
                .put("Version", c.version())
                .put("RevisionId", c.revisionId())
                .put("State", c.state())
                .put("LastUpdateStatus", "Successful")
                .put("PackageType", "Zip");
        ObjectNode variables = json.putObject("Environment").putObject("Variables");
        c.environment().forEach(variables::put);
        json.putObject("TracingConfig").put("Mode", "PassThrough");
        json.putArray("Architectures").add("x86_64");
        return json;
    }

    /**
     * The URL of a function or alias, as GetFunctionUrlConfig answers: its id derives from the ARN, so it is
     * the same on every start.
     */
    static ObjectNode functionUrl(LambdaRegion region, String function, String qualifier) {
        if (qualifier == null) {
            region.configuration(function, null);
        } else {
            region.alias(function, qualifier);
        }
        String arn = region.functionArn(function) + (qualifier == null ? "" : ":" + qualifier);
        String id = java.util.HexFormat.of().formatHex(sha256(arn)).substring(0, 32);
        return MAPPER.createObjectNode()
                .put("FunctionUrl", "https://" + id + ".lambda-url." + region.region() + ".on.aws/")
                .put("FunctionArn", arn)
                .put("AuthType", "NONE")
                .put("InvokeMode", "BUFFERED")
                .put("CreationTime", "2025-05-12T08:00:00.000+0000")
                .put("LastModifiedTime", "2025-05-12T08:00:00.000+0000");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static ObjectNode alias(LambdaRegion region, String function, Alias a) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("AliasArn", region.functionArn(function) + ":" + a.name())
                .put("Name", a.name())
                .put("FunctionVersion", a.functionVersion())
                .put("Description", a.description())
                .put("RevisionId", a.revisionId());
        if (!a.additionalWeights().isEmpty()) {
            ObjectNode weights = json.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            a.additionalWeights().forEach(weights::put);
        }
        return json;
    }

    static ObjectNode function(LambdaRegion region, FunctionConfig c, Map<String, String> tags, Integer reserved) {
        ObjectNode json = MAPPER.createObjectNode();
        if (reserved != null) {
            json.set("Concurrency", concurrency(reserved));
        }
        json.set("Configuration", configuration(region, c));
        json.putObject("Code")
                .put("RepositoryType", "S3")
                .put("Location", "https://awslambda-" + region.region() + "-tasks.s3.amazonaws.com/snapshots/"
                        + region.account() + "/" + c.name());
        ObjectNode tagsJson = json.putObject("Tags");
        tags.forEach(tagsJson::put);
        return json;
    }

    static <T> ObjectNode page(String field, Page<T> page, Function<T, ObjectNode> render) {
        ObjectNode json = MAPPER.createObjectNode();
        ArrayNode items = json.putArray(field);
        page.items().forEach(item -> items.add(render.apply(item)));
        if (page.nextMarker() != null) {
            json.put("NextMarker", page.nextMarker());
        }
        return json;
    }

    /** GetFunctionConcurrency's answer: empty when nothing is reserved. */
    static ObjectNode concurrency(Integer reserved) {
        ObjectNode json = MAPPER.createObjectNode();
        if (reserved != null) {
            json.put("ReservedConcurrentExecutions", reserved);
        }
        return json;
    }

    /** A provisioned concurrency config as Get/Put answer it; List adds the FunctionArn of its qualifier. */
    static ObjectNode provisioned(ProvisionedConcurrency p) {
        return MAPPER.createObjectNode().put("RequestedProvisionedConcurrentExecutions", p.requested())
                .put("AvailableProvisionedConcurrentExecutions", p.requested())
                .put("AllocatedProvisionedConcurrentExecutions", p.requested())
                .put("Status", "READY").put("LastModified", p.lastModified());
    }

    /** ListProvisionedConcurrencyConfigs' answer. */
    static ObjectNode provisionedList(LambdaRegion region, String function, List<ProvisionedConcurrency> configs) {
        ObjectNode json = MAPPER.createObjectNode();
        ArrayNode items = json.putArray("ProvisionedConcurrencyConfigs");
        configs.forEach(p -> items.add(provisioned(p).put("FunctionArn", region.functionArn(function) + ":" + p.qualifier())));
        return json;
    }

    /** An UpdateFunctionConfiguration request body. */
    static ConfigurationChange configurationChange(JsonNode request) {
        JsonNode variables = request.path("Environment").path("Variables");
        Map<String, String> environment = null;
        if (variables.isObject()) {
            environment = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                environment.put(variable.getKey(), variable.getValue().asText());
            }
        }
        return new ConfigurationChange(text(request, "Runtime"), text(request, "Handler"), integer(request, "MemorySize"),
                integer(request, "Timeout"), text(request, "Description"), environment);
    }

    /** The code of an UpdateFunctionCode request: the ZIP's bytes, or the S3 object's coordinates standing for them. */
    static byte[] code(JsonNode request) {
        if (request.hasNonNull("ZipFile")) {
            return Base64.getDecoder().decode(request.get("ZipFile").asText());
        }
        if (request.hasNonNull("S3Bucket") && request.hasNonNull("S3Key")) {
            return ("s3://" + request.get("S3Bucket").asText() + "/" + request.get("S3Key").asText() + "?"
                    + request.path("S3ObjectVersion").asText("")).getBytes(StandardCharsets.UTF_8);
        }
        throw LambdaException.invalidParameter("Please provide a source for function code.");
    }

    /** A string field of a request body, or null. */
    static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || !value.canConvertToInt() ? null : value.intValue();
    }

    static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("Type", "User").put("message", message);
    }

    static ObjectNode invocationResult(String function, String executedVersion) {
        return MAPPER.createObjectNode()
                .put("statusCode", 200)
                .put("function", function)
                .put("executedVersion", executedVersion);
    }
}
