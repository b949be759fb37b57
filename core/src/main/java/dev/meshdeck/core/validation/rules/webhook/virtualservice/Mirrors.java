package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;

/** Mirroring Istio refuses: a mirror percentage outside 0..100. (A mirror without destination is MD0300's.) */
public final class Mirrors implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0415", Severity.ERROR, Category.SCHEMA,
            "HTTP mirror percentage outside 0..100").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> {
            JsonNode percent = route.node().path("mirrorPercent");
            if (percent.isNumber() && percent.asLong() > 100) {
                findings.report(INFO, spec.vs(), route.pointer() + "/mirrorPercent",
                        "mirror_percent must have a max value of 100 (it has " + percent.asLong() + ")");
            }
            percentage(findings, route.child("mirrorPercentage"), "mirror_percentage");
            for (Part mirror : route.items("mirrors")) {
                percentage(findings, mirror.child("percentage"), "mirror percentage");
            }
        });
    }

    private static void percentage(Findings findings, Part percentage, String what) {
        JsonNode value = percentage.node().path("value");
        if (value.isNumber() && (value.asDouble() > 100 || value.asDouble() < 0)) {
            findings.report(INFO, percentage.vs(), percentage.pointer() + "/value", what + " must have a "
                    + (value.asDouble() > 100 ? "max value of 100" : "min value of 0") + " (it has " + value.asDouble() + ")");
        }
    }
}
