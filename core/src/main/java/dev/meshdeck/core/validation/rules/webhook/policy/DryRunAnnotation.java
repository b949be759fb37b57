package dev.meshdeck.core.validation.rules.webhook.policy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;

/**
 * The {@code istio.io/dry-run} annotation as Istio's webhook judges it (checkDryRunAnnotation): only an
 * AuthorizationPolicy with action ALLOW or DENY may carry it, and its value must be a boolean. On a
 * PeerAuthentication, RequestAuthentication or Telemetry it is refused.
 */
public final class DryRunAnnotation implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0604", Severity.ERROR, Category.SEMANTIC,
            "istio.io/dry-run annotation where Istio does not support it").istio("IST0106");

    private static final String ANNOTATION = "istio.io/dry-run";
    /** What Go's strconv.ParseBool accepts. */
    private static final Set<String> BOOLEANS = Set.of("1", "t", "T", "TRUE", "true", "True",
            "0", "f", "F", "FALSE", "false", "False");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, PolicyNode.SELECTING_KINDS)) {
            var annotation = spec.resource().tree().path("metadata").path("annotations").path(ANNOTATION);
            if (annotation.isMissingNode()) {
                continue;
            }
            String pointer = "/metadata/annotations/" + ANNOTATION.replace("/", "~1");
            String kind = spec.resource().kind();
            String action = spec.field("action").text().isEmpty() ? "ALLOW" : spec.field("action").text();
            if (!kind.equals("AuthorizationPolicy")) {
                findings.report(INFO, spec.resource(), pointer, kind + " does not support the annotation " + ANNOTATION
                        + " (only AuthorizationPolicy does): remove it");
            } else if (!action.equals("ALLOW") && !action.equals("DENY")) {
                findings.report(INFO, spec.resource(), pointer, "the annotation " + ANNOTATION + " only supports "
                        + "action ALLOW/DENY, found action " + action + ": remove the annotation");
            } else if (!BOOLEANS.contains(annotation.asText(""))) {
                findings.report(INFO, spec.resource(), pointer, "annotation " + ANNOTATION + " has invalid value \""
                        + annotation.asText("") + "\": write \"true\" or \"false\"");
            }
        }
    }
}
