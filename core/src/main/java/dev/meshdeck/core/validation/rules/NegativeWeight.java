package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A negative route weight, which the API server rejects. */
public final class NegativeWeight implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0202", Severity.ERROR, Category.SCHEMA, "negative route weight");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        RouteWeights.forEachRouteList(context, (vs, list) -> {
            for (int i = 0; i < list.routes().size(); i++) {
                long w = RouteWeights.weight(list.routes().get(i));
                if (w < 0) {
                    findings.report(INFO, vs, list.pointer() + "/" + i + "/weight",
                            "weight " + w + " is negative; weights must be between 0 and 100");
                }
            }
        });
    }
}
