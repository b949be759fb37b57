package dev.meshdeck.connectors.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of a Lambda function as the versions listing shows it.
 *
 * @param version      {@code $LATEST} or a published version number
 * @param aliasPercent for every alias that routes to this version (in the order Lambda lists aliases), the percent
 *                     of the alias's invocations it runs
 */
public record LambdaVersion(String version, String description, String codeSha256, String lastModified,
                            String runtime, int memorySize, int timeout, Map<String, Double> aliasPercent) {

    public LambdaVersion {
        aliasPercent = Collections.unmodifiableMap(new LinkedHashMap<>(aliasPercent));
    }
}
