package dev.meshdeck.core.validation.rules.knative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A traffic target whose {@code latestRevision} contradicts {@code revisionName}: true with a revision pinned, or
 * false with none. The Knative webhook rejects it ("invalid value: ...: latestRevision").
 */
public final class KnativeLatestRevisionConflict implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0233", Severity.ERROR, Category.SEMANTIC,
            "Knative traffic target latestRevision contradicts revisionName");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource svc : KnativeTraffic.withTraffic(context)) {
            JsonNode traffic = svc.spec().path("traffic");
            for (int i = 0; i < traffic.size(); i++) {
                JsonNode latest = traffic.get(i).path("latestRevision");
                if (!latest.isBoolean()) {
                    continue;
                }
                String revision = traffic.get(i).path("revisionName").asText("");
                if (latest.asBoolean() && !revision.isEmpty()) {
                    findings.report(INFO, svc, "/spec/traffic/" + i + "/latestRevision", "invalid value: true: "
                            + "latestRevision; this target pins revisionName \"" + revision + "\", so drop "
                            + "latestRevision (or set it to false)");
                } else if (!latest.asBoolean() && revision.isEmpty()) {
                    findings.report(INFO, svc, "/spec/traffic/" + i + "/latestRevision", "invalid value: false: "
                            + "latestRevision; a target that does not follow the latest revision needs a revisionName");
                }
            }
        }
    }
}
