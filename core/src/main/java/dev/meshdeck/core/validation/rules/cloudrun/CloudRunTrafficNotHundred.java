package dev.meshdeck.core.validation.rules.cloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A Cloud Run service's traffic percentages add up to exactly 100, each from 0 to 100; Cloud Run refuses the rest. */
public final class CloudRunTrafficNotHundred implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0245", Severity.ERROR, Category.SEMANTIC,
            "Cloud Run traffic percentages do not add up to 100");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource service : CloudRunServices.candidates(context)) {
            JsonNode traffic = service.spec().path("traffic");
            long sum = 0;
            for (int i = 0; i < traffic.size(); i++) {
                JsonNode percent = traffic.get(i).path("percent");
                if (!percent.canConvertToInt() || percent.asInt() < 0 || percent.asInt() > 100) {
                    findings.report(INFO, service, "/spec/traffic/" + i + "/percent",
                            "percent " + percent.asText() + " must be a whole number from 0 to 100");
                }
                sum += percent.asLong(0);
            }
            if (!traffic.isEmpty() && sum != 100) {
                findings.report(INFO, service, "/spec/traffic",
                        "the traffic percentages add up to " + sum + "; Cloud Run needs exactly 100");
            }
        }
    }
}
