package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An empty string in a list of an AuthorizationPolicy rule (principals, namespaces, ipBlocks, ports, paths, a
 * condition's values, ...): Istio's webhook refuses it (CheckEmptyValues), since "" would match nothing or, for
 * some fields, everything.
 */
public final class AuthzEmptyValue implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0613", Severity.ERROR, Category.SCHEMA,
            "AuthorizationPolicy rule with an empty value").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            List<PolicyNode> values = new ArrayList<>(rule.sourceValues(AuthzMatches.SOURCE_FIELDS));
            values.addAll(rule.operationValues(AuthzMatches.OPERATION_FIELDS));
            for (PolicyNode condition : rule.conditions()) {
                if (!condition.field("key").text().isEmpty()) {
                    values.addAll(condition.field("values").items());
                    values.addAll(condition.field("notValues").items());
                }
            }
            for (PolicyNode value : values) {
                if (value.text().isEmpty()) {
                    findings.report(INFO, value.resource(), value.pointer(), "empty value not allowed, found in "
                            + AuthzMatches.where(value) + ": remove it or write the value");
                }
            }
        }
    }
}
