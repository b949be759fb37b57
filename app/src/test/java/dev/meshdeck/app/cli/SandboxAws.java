package dev.meshdeck.app.cli;

import dev.meshdeck.sandbox.Sandbox;

/**
 * Points the AWS SDK at a sandbox through the system properties it reads in place of AWS_* variables, as
 * `source sandbox.env` does through the environment.
 */
final class SandboxAws implements AutoCloseable {

    private static final String[] PROPERTIES = {"aws.endpointUrlLambda", "aws.endpointUrlCloudWatch", "aws.endpointUrlCloudWatchLogs", "aws.region", "aws.accessKeyId", "aws.secretAccessKey"};

    SandboxAws(Sandbox sandbox) {
        System.setProperty("aws.endpointUrlLambda", sandbox.lambdaEndpoint().toString());
        System.setProperty("aws.endpointUrlCloudWatch", sandbox.lambdaEndpoint().toString());
        System.setProperty("aws.endpointUrlCloudWatchLogs", sandbox.lambdaEndpoint().toString());
        System.setProperty("aws.region", sandbox.region());
        System.setProperty("aws.accessKeyId", Sandbox.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", Sandbox.SECRET_ACCESS_KEY);
    }

    @Override
    public void close() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
    }
}
