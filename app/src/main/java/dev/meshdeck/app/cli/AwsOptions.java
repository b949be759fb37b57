package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.aws.AwsDetection;
import dev.meshdeck.connectors.aws.AwsSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The AWS profile and regions of the `meshdeck lambda` commands. */
final class AwsOptions {

    @Option(names = "--aws-profile", paramLabel = "PROFILE",
            description = "AWS profile (static keys, SSO or credential_process). Default: the SDK default chain.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", split = ",",
            description = "AWS region(s), comma-separated or repeated. Default: the profile's or $AWS_REGION.")
    List<String> regions = new ArrayList<>();

    /** The settings, or an error saying how to configure AWS (or try the sandbox). */
    AwsSettings settings() {
        return AwsDetection.detect(profile, regions).orElseThrow(() -> new IllegalStateException(
                "no AWS configuration found (no profile, keys, endpoint or ~/.aws files); pass --aws-profile, or to try"
                        + " MeshDeck run `meshdeck sandbox --env-out sandbox.env` and `source sandbox.env` in this shell"));
    }

    /** The one region a command on a single function acts in. */
    String singleRegion(AwsSettings settings) {
        if (settings.regions().size() > 1) {
            throw new IllegalArgumentException("a Lambda function lives in one region; pass one --region, not "
                    + String.join(",", settings.regions()));
        }
        return settings.regions().get(0);
    }
}
