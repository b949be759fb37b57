package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A load balancer warmup istiod rejects: no duration, a duration finer than whole milliseconds, or an aggression
 * that is not above 0. (A minimumPercent above 100 is the schema's finding, MD0103.)
 */
public final class Warmup implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0515", Severity.ERROR, Category.SCHEMA,
            "DestinationRule load balancer warmup invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode warmup = policy.get("loadBalancer").path("warmup");
            if (!warmup.isObject()) {
                return;
            }
            String at = policy.at("/loadBalancer/warmup");
            if (!DestinationRules.isSet(warmup, "duration")) {
                findings.report(INFO, policy.rule(), at, "warmup needs a duration: how long new endpoints ramp up (e.g. 60s)");
            }
            DestinationRules.wholeMillis(warmup.path("duration")).ifPresent(problem -> findings.report(INFO,
                    policy.rule(), at + "/duration", "warmup duration: " + problem));
            JsonNode aggression = warmup.path("aggression");
            if (aggression.isNumber() && aggression.asDouble() <= 0) {
                findings.report(INFO, policy.rule(), at + "/aggression", "aggression is " + aggression.asText()
                        + " but must be greater than 0 (1 ramps up linearly)");
            }
        });
    }
}
