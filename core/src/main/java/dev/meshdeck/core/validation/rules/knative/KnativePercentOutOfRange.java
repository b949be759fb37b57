package dev.meshdeck.core.validation.rules.knative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A Knative traffic percent below 0 or above 100: rejected by the Knative webhook. */
public final class KnativePercentOutOfRange implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0231", Severity.ERROR, Category.SEMANTIC,
            "Knative traffic percent outside 0..100");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource svc : KnativeTraffic.withTraffic(context)) {
            JsonNode traffic = svc.spec().path("traffic");
            for (int i = 0; i < traffic.size(); i++) {
                long p = KnativeTraffic.percent(traffic.get(i));
                if (p < 0 || p > 100) {
                    findings.report(INFO, svc, "/spec/traffic/" + i + "/percent", "expected 0 <= " + p
                            + " <= 100: percent (Knative rejects this)");
                }
            }
        }
    }
}
