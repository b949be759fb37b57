package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** The deprecated mirrorPercent (a whole number), which Istio still reads but replaced by mirrorPercentage. */
public final class DeprecatedMirrorPercent implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0416", Severity.WARNING, Category.SCHEMA,
            "HTTP route uses the deprecated mirrorPercent");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> {
            if (route.has("mirrorPercent")) {
                findings.report(INFO, spec.vs(), route.pointer() + "/mirrorPercent", "using deprecated setting "
                        + "\"mirrorPercent\", use \"mirrorPercentage\" instead (mirrorPercentage: {value: "
                        + route.node().path("mirrorPercent").asText() + "})");
            }
        });
    }
}
