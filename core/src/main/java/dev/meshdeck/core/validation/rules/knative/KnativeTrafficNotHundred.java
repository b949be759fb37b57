package dev.meshdeck.core.validation.rules.knative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** Knative traffic percents that do not total 100: the Knative webhook rejects the Service (unlike Istio weights). */
public final class KnativeTrafficNotHundred implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0230", Severity.ERROR, Category.SEMANTIC,
            "Knative traffic percents do not total 100");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource svc : KnativeTraffic.withTraffic(context)) {
            long sum = 0;
            for (JsonNode target : svc.spec().path("traffic")) {
                sum += KnativeTraffic.percent(target);
            }
            if (sum != 100) {
                findings.report(INFO, svc, "/spec/traffic", "Traffic targets sum to " + sum + ", want 100 (Knative "
                        + "rejects this; a target without percent counts as 0)");
            }
        }
    }
}
