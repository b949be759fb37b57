package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** consistentHash.minimumRingSize is deprecated: Istio admits it with a warning. */
public final class DeprecatedMinimumRingSize implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0519", Severity.WARNING, Category.SCHEMA,
            "DestinationRule consistent hash uses deprecated minimumRingSize");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            if (policy.get("loadBalancer").path("consistentHash").path("minimumRingSize").asLong(0) != 0) {
                findings.report(INFO, policy.rule(), policy.at("/loadBalancer/consistentHash/minimumRingSize"),
                        "consistentHash.minimumRingSize is deprecated: use ringHash.minimumRingSize instead");
            }
        });
    }
}
