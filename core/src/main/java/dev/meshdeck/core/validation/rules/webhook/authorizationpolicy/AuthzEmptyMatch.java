package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.List;

/**
 * A part of an AuthorizationPolicy rule written but left empty, which Istio's webhook refuses because it could
 * not say what it matches: an empty rule entry, {@code from} or {@code to} list, a {@code from} without
 * {@code source} or with an empty one, a {@code to} without {@code operation} or with an empty one, and a
 * condition with neither {@code values} nor {@code notValues}. (An empty rule {@code {}} is fine: it matches all.)
 */
public final class AuthzEmptyMatch implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0612", Severity.ERROR, Category.SCHEMA,
            "AuthorizationPolicy rule with an empty from, to, source, operation or condition").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, "AuthorizationPolicy")) {
            for (PolicyNode rule : spec.field("rules").items()) {
                if (!rule.present()) {
                    findings.report(INFO, spec.resource(), rule.pointer(), "`rule` must not be nil: write `{}` to "
                            + "match every request, or remove the entry");
                    continue;
                }
                clause(rule, "from", "source", AuthzMatches.SOURCE_FIELDS, findings);
                clause(rule, "to", "operation", AuthzMatches.OPERATION_FIELDS, findings);
                for (PolicyNode condition : rule.field("when").items()) {
                    String key = condition.field("key").text();
                    if (!key.isEmpty() && condition.field("values").items().isEmpty()
                            && condition.field("notValues").items().isEmpty()) {
                        findings.report(INFO, spec.resource(), condition.pointer(), "at least one of `values` or "
                                + "`notValues` must be set for key " + key);
                    }
                }
            }
        }
    }

    private static void clause(PolicyNode rule, String clause, String part, List<String> fields, Findings findings) {
        PolicyNode entries = rule.field(clause);
        if (entries.node().isArray() && entries.node().isEmpty()) {
            findings.report(INFO, rule.resource(), entries.pointer(), "`" + clause + "` must not be empty: remove it "
                    + "to match any " + part + ", or add an entry");
        }
        for (PolicyNode entry : entries.items()) {
            PolicyNode p = entry.field(part);
            if (!p.present()) {
                findings.report(INFO, rule.resource(), entry.pointer(), "`" + clause + "." + part + "` must not be nil");
            } else if (fields.stream().allMatch(f -> p.field(f).items().isEmpty())) {
                findings.report(INFO, rule.resource(), p.pointer(), "`" + clause + "." + part + "` must not be empty: "
                        + "set at least one of " + String.join(", ", fields));
            }
        }
    }
}
