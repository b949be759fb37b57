package dev.meshdeck.connectors.aws;

/** The AWS services MeshDeck calls, with what a failure message needs to name. */
enum AwsService {
    LAMBDA("Lambda", "lambda", "lambda:ListFunctions, lambda:ListAliases, lambda:ListVersionsByFunction and"
            + " lambda:GetFunction (lambda:PublishVersion and lambda:UpdateAlias to change aliases)"),
    CLOUDWATCH("CloudWatch", "monitoring", "cloudwatch:GetMetricData, lambda:ListFunctions and lambda:ListAliases");

    private final String serviceId;
    private final String hostPrefix;
    private final String permissions;

    AwsService(String serviceId, String hostPrefix, String permissions) {
        this.serviceId = serviceId;
        this.hostPrefix = hostPrefix;
        this.permissions = permissions;
    }

    /** The SDK's service id: {@code AWS_ENDPOINT_URL_<ID>} and {@code aws.endpointUrl<Id>} name its endpoint. */
    String serviceId() {
        return serviceId;
    }

    String permissions() {
        return permissions;
    }

    String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(java.util.Locale.ROOT);
    }

    String defaultEndpoint(String region) {
        return "https://" + hostPrefix + "." + region + ".amazonaws.com";
    }
}
