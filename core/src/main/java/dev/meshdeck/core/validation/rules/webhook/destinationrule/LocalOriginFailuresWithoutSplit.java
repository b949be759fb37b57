package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * consecutiveLocalOriginFailures without splitExternalLocalOriginErrors: Envoy only counts local-origin failures
 * apart when they are split, so istiod rejects the setting as meaningless.
 */
public final class LocalOriginFailuresWithoutSplit implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0518", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule consecutiveLocalOriginFailures without splitExternalLocalOriginErrors").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode outlier = policy.get("outlierDetection");
            if (outlier.path("consecutiveLocalOriginFailures").asLong(0) > 0
                    && !outlier.path("splitExternalLocalOriginErrors").asBoolean(false)) {
                findings.report(INFO, policy.rule(), policy.at("/outlierDetection/consecutiveLocalOriginFailures"),
                        "consecutiveLocalOriginFailures is set but splitExternalLocalOriginErrors is false, so local "
                                + "origin failures are never counted apart: set splitExternalLocalOriginErrors: true");
            }
        });
    }
}
