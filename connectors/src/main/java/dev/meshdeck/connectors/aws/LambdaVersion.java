package dev.meshdeck.connectors.aws;

import java.util.Map;

/**
 * One version of a Lambda function as the versions listing shows it.
 *
 * @param version      {@code $LATEST} or a published version number
 * @param aliasPercent for every alias that routes to this version, the percent of the alias's invocations it runs
 */
public record LambdaVersion(String version, String description, String codeSha256, String lastModified,
                            String runtime, int memorySize, int timeout, Map<String, Double> aliasPercent) {

    public LambdaVersion {
        aliasPercent = Map.copyOf(aliasPercent);
    }
}
