package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * An empty audience, or an empty place to take the token from (a {@code fromHeaders} entry without name, an
 * empty {@code fromParams} or {@code fromCookies} entry): Istio's webhook refuses the jwtRule. An empty
 * {@code spaceDelimitedClaims} entry is refused by Istio's CRD rather than its webhook; it is judged here too so
 * that offline validation agrees with the API server.
 */
public final class JwtRuleEmptyValues implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0620", Severity.ERROR, Category.SCHEMA,
            "RequestAuthentication jwtRule with an empty audience, token location or claim name").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode rule : JwtRuleNodes.of(context)) {
            report(rule, "audiences", "audience must be non-empty string", findings);
            for (PolicyNode header : rule.field("fromHeaders").items()) {
                if (header.field("name").text().isEmpty()) {
                    findings.report(INFO, header.resource(), header.pointer(), "location header name must be non-empty "
                            + "string: name the header that carries the token, such as Authorization");
                }
            }
            report(rule, "fromParams", "location query must be non-empty string", findings);
            report(rule, "fromCookies", "cookie name must be non-empty string", findings);
            report(rule, "spaceDelimitedClaims", "space-delimited claim name must be non-empty string", findings);
        }
    }

    private static void report(PolicyNode rule, String field, String message, Findings findings) {
        for (PolicyNode value : rule.field(field).items()) {
            if (value.text().isEmpty()) {
                findings.report(INFO, value.resource(), value.pointer(), message + ": remove the empty entry");
            }
        }
    }
}
