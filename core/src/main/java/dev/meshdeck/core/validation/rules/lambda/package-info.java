/**
 * Rules for AWS Lambda alias routing, on MeshDeck's own YAML form of an alias (what the editors and exports
 * produce for Lambda functions):
 *
 * <pre>
 * apiVersion: lambda.meshdeck.dev/v1
 * kind: LambdaAlias
 * metadata:
 *   name: live                      # the alias name
 * spec:
 *   functionName: order-function    # function name or ARN
 *   functionVersion: "3"            # primary version: a published version number, or $LATEST without routing
 *   routingConfig:
 *     additionalVersionWeights:     # at most one other published version, weight a fraction 0.0..1.0
 *       "4": 0.1
 * </pre>
 *
 * The fields map one to one to Lambda's UpdateAlias request ({@code FunctionVersion},
 * {@code RoutingConfig.AdditionalVersionWeights}); the primary version receives {@code 1 - weight}.
 */
package dev.meshdeck.core.validation.rules.lambda;
