package dev.meshdeck.connectors.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Finds a Lambda function's URL (GetFunctionUrlConfig), the HTTPS endpoint a failover outside the mesh goes to. */
public final class LambdaFunctionUrls implements AutoCloseable {

    private final AwsSettings settings;
    private final String region;
    private final AwsClients clients;

    public LambdaFunctionUrls(AwsSettings settings, String region) {
        this.settings = settings;
        this.region = region;
        this.clients = new AwsClients(settings);
    }

    /**
     * @param alias the alias (qualifier) whose URL is wanted, or null for the unqualified function's
     * @throws IllegalArgumentException when the function has no URL, or AWS cannot be asked, saying why
     */
    public String urlOf(String function, String alias) {
        String name = function + (alias == null ? "" : ":" + alias);
        try {
            return clients.lambda(region).getFunctionUrlConfig(r -> r.functionName(function).qualifier(alias)).functionUrl();
        } catch (ResourceNotFoundException e) {
            throw new IllegalArgumentException("Lambda function " + name + " in " + region + " has no function URL;"
                    + " create one (aws lambda create-function-url-config) or give url:https://HOST/", e);
        } catch (SdkException e) {
            throw new IllegalArgumentException("cannot read the function URL of " + name + ": "
                    + AwsFailureMessage.explain(e, settings, region), e);
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
