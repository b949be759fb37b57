package dev.meshdeck.core.validation.rules.lambda;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Provisioned concurrency Lambda would refuse, in MeshDeck's form:
 * <pre>
 * apiVersion: lambda.meshdeck.dev/v1
 * kind: LambdaProvisionedConcurrency
 * metadata: {name: live}                     # the alias or published version (never $LATEST)
 * spec: {functionName: order-function, provisionedConcurrentExecutions: 5}
 * status: {reservedConcurrentExecutions: 10} # the function's, as read; absent when it has none
 * </pre>
 * PutProvisionedConcurrencyConfig rejects {@code $LATEST}, a count below 1, and a count above the function's
 * reserved concurrency when it has one.
 */
public final class LambdaProvisionedConcurrencyInvalid implements Rule {

    static final String KIND = "LambdaProvisionedConcurrency";
    static final RuleInfo INFO = RuleInfo.of("MD0244", Severity.ERROR, Category.SEMANTIC,
            "Lambda provisioned concurrency on $LATEST, below 1 or above the reserved concurrency");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource r : context.ofKind(KIND)) {
            if (!r.candidate() || !r.group().equals(LambdaAliases.GROUP)) {
                continue;
            }
            String qualifier = r.tree().path("metadata").path("name").asText("");
            if (!LambdaAliases.published(qualifier) && !qualifier.matches("[a-zA-Z0-9_-]{1,128}")) {
                findings.report(INFO, r, "/metadata/name", "\"" + qualifier + "\" is neither an alias nor a published"
                        + " version: provisioned concurrency cannot be set on $LATEST");
            }
            int count = r.spec().path("provisionedConcurrentExecutions").asInt(0);
            var reserved = r.tree().path("status").path("reservedConcurrentExecutions");
            if (count < 1) {
                findings.report(INFO, r, "/spec/provisionedConcurrentExecutions", "provisionedConcurrentExecutions must be"
                        + " at least 1 (remove the document to remove the provisioned concurrency)");
            } else if (reserved.canConvertToInt() && count > reserved.asInt()) {
                findings.report(INFO, r, "/spec/provisionedConcurrentExecutions", count + " provisioned concurrent"
                        + " executions exceed the function's reserved concurrency of " + reserved.asInt());
            }
        }
    }
}
