package dev.meshdeck.core.validation.rules.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A HorizontalPodAutoscaler whose replica bounds or CPU target the API server rejects: minReplicas below 1 or above
 * maxReplicas, a resource utilization target of 0 or less.
 */
public final class HpaReplicaBounds implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0711", Severity.ERROR, Category.SCHEMA,
            "HorizontalPodAutoscaler with minReplicas above maxReplicas, below 1, or a utilization target of 0 or less");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource hpa : context.ofKind("HorizontalPodAutoscaler")) {
            if (!hpa.candidate() || !hpa.group().equals("autoscaling")) {
                continue;
            }
            JsonNode spec = hpa.spec();
            int max = spec.path("maxReplicas").asInt(0);
            int min = spec.path("minReplicas").asInt(1);
            if (spec.has("minReplicas") && min < 1) {
                findings.report(INFO, hpa, "/spec/minReplicas", "minReplicas " + min + " is below 1: the API server rejects it"
                        + " (scaling to zero needs the HPAScaleToZero feature gate)");
            } else if (min > max) {
                findings.report(INFO, hpa, "/spec/maxReplicas", "maxReplicas " + max + " is below minReplicas " + min
                        + ": the API server rejects it");
            }
            JsonNode metrics = spec.path("metrics");
            for (int i = 0; i < metrics.size(); i++) {
                JsonNode target = metrics.get(i).path("resource").path("target");
                if (target.has("averageUtilization") && target.path("averageUtilization").asInt() <= 0) {
                    findings.report(INFO, hpa, "/spec/metrics/" + i + "/resource/target/averageUtilization", "averageUtilization "
                            + target.path("averageUtilization").asInt() + " is not a percentage above 0: the API server rejects it");
                }
            }
        }
    }
}
