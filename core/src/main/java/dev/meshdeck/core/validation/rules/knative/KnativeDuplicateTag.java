package dev.meshdeck.core.validation.rules.knative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashMap;
import java.util.Map;

/** Two Knative traffic targets with the same tag: each tag is one URL, the Knative webhook rejects duplicates. */
public final class KnativeDuplicateTag implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0232", Severity.ERROR, Category.SEMANTIC,
            "Knative traffic tag defined twice");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource svc : KnativeTraffic.withTraffic(context)) {
            JsonNode traffic = svc.spec().path("traffic");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < traffic.size(); i++) {
                String tag = traffic.get(i).path("tag").asText("");
                if (tag.isEmpty()) {
                    continue;
                }
                Integer first = seen.putIfAbsent(tag, i);
                if (first != null) {
                    findings.report(INFO, svc, "/spec/traffic/" + i + "/tag", "Multiple definitions for \"" + tag
                            + "\" (also traffic[" + first + "].tag): give each target its own tag");
                }
            }
        }
    }
}
