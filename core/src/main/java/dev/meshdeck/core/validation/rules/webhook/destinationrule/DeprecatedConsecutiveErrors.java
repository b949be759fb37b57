package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** outlierDetection.consecutiveErrors is deprecated: Istio admits it with a warning. */
public final class DeprecatedConsecutiveErrors implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0510", Severity.WARNING, Category.SCHEMA,
            "DestinationRule outlier detection uses deprecated consecutiveErrors");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode errors = policy.get("outlierDetection").path("consecutiveErrors");
            if (errors.isNumber() && errors.asLong() != 0) {
                findings.report(INFO, policy.rule(), policy.at("/outlierDetection/consecutiveErrors"),
                        "consecutiveErrors is deprecated: use consecutive5xxErrors or consecutiveGatewayErrors instead");
            }
        });
    }
}
