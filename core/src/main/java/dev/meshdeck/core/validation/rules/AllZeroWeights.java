package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** Several destinations that all have weight 0: no traffic can be routed. */
public final class AllZeroWeights implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0203", Severity.ERROR, Category.SEMANTIC,
            "every destination of a route has weight 0");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        RouteWeights.forEachRouteList(context, (vs, list) -> {
            if (list.routes().size() < 2) {
                return;
            }
            boolean anyWritten = false;
            for (var destination : list.routes()) {
                if (RouteWeights.weight(destination) != 0) {
                    return;
                }
                anyWritten |= destination.has("weight");
            }
            if (anyWritten) {
                findings.report(INFO, vs, list.pointer(), "all " + list.routes().size()
                        + " destinations have weight 0, so this route sends traffic nowhere; give at least one a positive weight");
            }
        });
    }
}
