package dev.meshdeck.connectors.changes;

import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import java.util.List;

/** The sandbox's Lambda control plane with its default functions, and the alias gateway the pipeline writes through. */
final class SandboxLambda implements AutoCloseable {

    /** invoice-pdf's {@code live} alias: version 3 at 90%, version 4 at 10%. */
    static final ResourceId LIVE = new ResourceId("lambda.meshdeck.dev/v1", "LambdaAlias", "invoice-pdf", "live");

    final LambdaControlPlane lambda;
    final LambdaAliasGateway gateway;

    SandboxLambda() {
        lambda = LambdaControlPlane.start(0, LambdaControlPlane.DEFAULT_REGION, LambdaControlPlane.DEFAULT_ACCOUNT).seedDefault();
        gateway = new LambdaAliasGateway(AwsSettings.sandbox(lambda.endpoint(), List.of(lambda.region())), lambda.region());
    }

    @Override
    public void close() {
        gateway.close();
        lambda.close();
    }
}
