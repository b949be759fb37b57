package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.ArrayList;
import java.util.List;

/** The metrics, tracing or accessLogging entries of candidate Telemetry objects (null entries skipped, as Istio does). */
final class TelemetryParts {

    static final List<String> SECTIONS = List.of("metrics", "tracing", "accessLogging");

    private TelemetryParts() {
    }

    static List<PolicyNode> of(ValidationContext context, String section) {
        List<PolicyNode> parts = new ArrayList<>();
        for (PolicyNode spec : PolicyNode.specs(context, "Telemetry")) {
            for (PolicyNode part : spec.field(section).items()) {
                if (part.present()) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }
}
