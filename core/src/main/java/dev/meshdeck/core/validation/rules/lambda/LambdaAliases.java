package dev.meshdeck.core.validation.rules.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/**
 * MeshDeck's YAML form of an AWS Lambda alias, which the editors and exports produce for Lambda functions:
 * <pre>
 * apiVersion: lambda.meshdeck.dev/v1
 * kind: LambdaAlias
 * metadata: {name: live}                  # the alias name
 * spec:
 *   functionName: order-function
 *   functionVersion: "3"                  # the primary version
 *   routingConfig:
 *     additionalVersionWeights: {"4": 0.1} # at most one other published version, weight 0.0..1.0
 * </pre>
 * It maps one to one to Lambda's UpdateAlias request (FunctionVersion, RoutingConfig.AdditionalVersionWeights).
 */
final class LambdaAliases {

    static final String GROUP = "lambda.meshdeck.dev";
    static final String KIND = "LambdaAlias";

    private LambdaAliases() {
    }

    static List<Resource> candidates(ValidationContext context) {
        return context.ofKind(KIND).stream().filter(r -> r.candidate() && r.group().equals(GROUP)).toList();
    }

    static JsonNode weights(Resource alias) {
        return alias.spec().path("routingConfig").path("additionalVersionWeights");
    }

    static boolean hasRouting(Resource alias) {
        return weights(alias).isObject() && !weights(alias).isEmpty();
    }

    /** A published version: a positive integer, as Lambda numbers them. */
    static boolean published(String version) {
        return version.matches("[1-9][0-9]{0,9}");
    }

    /** The JSON pointer token for a map key (escaping as RFC 6901 requires). */
    static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
