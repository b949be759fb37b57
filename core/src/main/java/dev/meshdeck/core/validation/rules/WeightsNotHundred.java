package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Route weights that do not total 100. Istio accepts and normalises them, so this is a warning: the
 * shares that run are not the numbers written. A single destination with a weight between 0 and 100 gets all the
 * traffic all the same (Kiali's single-weight check).
 */
public final class WeightsNotHundred implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0201", Severity.WARNING, Category.SEMANTIC,
            "route weights do not total 100").kiali("KIA1104");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        RouteWeights.forEachRouteList(context, (vs, list) -> {
            if (list.routes().size() == 1) {
                long w = RouteWeights.weight(list.routes().get(0));
                if (w > 0 && w < 100) {
                    findings.report(INFO, vs, list.pointer() + "/0/weight", "the only destination of this route gets all "
                            + "the traffic, not " + w + "%; remove the weight or add the destination that should get the rest");
                }
                return;
            }
            long total = 0;
            for (var destination : list.routes()) {
                long w = RouteWeights.weight(destination);
                if (w < 0) {
                    return; // reported as an error by NegativeWeight
                }
                total += w;
            }
            if (total != 100 && total != 0) {
                findings.report(INFO, vs, list.pointer(), "weights total " + total
                        + ", not 100; Istio normalises them, so each destination gets weight/" + total + " of the traffic");
            }
        });
    }
}
