package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which object a change targets. For Kubernetes objects {@code namespace} is the namespace ("" when
 * cluster-scoped); for a Lambda alias ({@code lambda.meshdeck.dev/v1 LambdaAlias}) it is the alias's function,
 * so {@code invoice-pdf/live} names alias {@code live} of {@code invoice-pdf}. The provisioned concurrency of an
 * alias or version ({@code LambdaProvisionedConcurrency}) is named the same way, by function and qualifier.
 */
public record ResourceId(String apiVersion, String kind, String namespace, String name) {

    public static final String LAMBDA_ALIAS_KIND = "LambdaAlias";
    public static final String LAMBDA_PROVISIONED_CONCURRENCY_KIND = "LambdaProvisionedConcurrency";
    /** MeshDeck's form of a Cloud Run service's traffic ({@code cloudrun.meshdeck.dev/v1}), named by the service. */
    public static final String CLOUD_RUN_SERVICE_KIND = "CloudRunService";

    public ResourceId {
        namespace = namespace == null ? "" : namespace;
    }

    /** The identity of an object as written in YAML. */
    public static ResourceId of(JsonNode object) {
        String kind = object.path("kind").asText("");
        String scope = kind.equals(LAMBDA_ALIAS_KIND) || kind.equals(LAMBDA_PROVISIONED_CONCURRENCY_KIND)
                ? object.path("spec").path("functionName").asText("")
                : object.path("metadata").path("namespace").asText("");
        return new ResourceId(object.path("apiVersion").asText(""), kind, scope,
                object.path("metadata").path("name").asText(""));
    }

    public boolean isLambdaAlias() {
        return kind.equals(LAMBDA_ALIAS_KIND);
    }

    public boolean isLambdaProvisionedConcurrency() {
        return kind.equals(LAMBDA_PROVISIONED_CONCURRENCY_KIND);
    }

    /** Whether it is written to an AWS region: an alias or its provisioned concurrency. */
    public boolean isLambda() {
        return isLambdaAlias() || isLambdaProvisionedConcurrency();
    }

    public boolean isCloudRunService() {
        return kind.equals(CLOUD_RUN_SERVICE_KIND);
    }

    /** The API group: "networking.istio.io" for "networking.istio.io/v1", "" for "v1". */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** "VirtualService serverless/order-function", as messages and the history name it. */
    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
