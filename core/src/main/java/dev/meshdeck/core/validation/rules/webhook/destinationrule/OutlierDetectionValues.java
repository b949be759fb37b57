package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Outlier detection values istiod rejects (Istio's validateOutlierDetection): an interval or base ejection time
 * finer than whole milliseconds, a maxEjectionPercent or minHealthPercent outside 0..100.
 */
public final class OutlierDetectionValues implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0509", Severity.ERROR, Category.SCHEMA,
            "DestinationRule outlier detection value invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode outlier = policy.get("outlierDetection");
            String at = policy.at("/outlierDetection/");
            for (String field : new String[] {"interval", "baseEjectionTime"}) {
                DestinationRules.wholeMillis(outlier.path(field)).ifPresent(problem -> findings.report(INFO,
                        policy.rule(), at + field, field + " \"" + outlier.path(field).asText() + "\": " + problem));
            }
            for (String field : new String[] {"maxEjectionPercent", "minHealthPercent"}) {
                JsonNode percent = outlier.path(field);
                if (percent.isNumber() && (percent.asDouble() < 0 || percent.asDouble() > 100)) {
                    findings.report(INFO, policy.rule(), at + field, field + " is " + percent.asText()
                            + " but a percentage must be between 0 and 100");
                }
            }
        });
    }
}
