package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.aws.AwsDetection;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaFunctionUrls;
import dev.meshdeck.core.failover.FailoverTarget;

/** Reads --to: the core's forms, plus lambda:FUNCTION[:ALIAS], whose function URL is asked of AWS. */
final class FailoverTargetParser {

    private static final String LAMBDA = "lambda:";

    private FailoverTargetParser() {
    }

    static FailoverTarget parse(String text, ChangeOptions options) {
        if (!text.startsWith(LAMBDA)) {
            return FailoverTarget.parse(text);
        }
        String ref = text.substring(LAMBDA.length());
        int colon = ref.indexOf(':');
        String function = colon < 0 ? ref : ref.substring(0, colon);
        String alias = colon < 0 ? null : ref.substring(colon + 1);
        AwsSettings aws = AwsDetection.detect(options.awsProfile, options.regions).orElseThrow(() ->
                new IllegalArgumentException("--to " + text + " needs AWS configuration to find the function URL:"
                        + " pass --aws-profile/--region or set AWS_PROFILE / AWS_REGION"));
        try (LambdaFunctionUrls urls = new LambdaFunctionUrls(aws, aws.regions().get(0))) {
            return FailoverTarget.External.ofUrl(urls.urlOf(function, alias), "Lambda " + ref);
        }
    }
}
