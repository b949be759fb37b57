package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * An {@code outputClaimToHeaders} entry Istio's webhook refuses: without claim or header, or with a header name
 * outside letters, digits, '-' and '_' (pseudo-headers such as {@code :authority} included).
 */
public final class JwtClaimToHeaders implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0621", Severity.ERROR, Category.SCHEMA,
            "RequestAuthentication outputClaimToHeaders without claim or with an invalid header").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode rule : JwtRuleNodes.of(context)) {
            for (PolicyNode entry : rule.field("outputClaimToHeaders").items()) {
                String claim = entry.field("claim").text();
                String header = entry.field("header").text();
                if (claim.isEmpty() || header.isEmpty()) {
                    findings.report(INFO, entry.resource(), entry.pointer(), "outputClaimToHeaders header and claim "
                            + "value must be non-empty string: name the claim and the header to copy it to");
                } else {
                    IstioValues.strictHeaderName(header).ifPresent(problem -> findings.report(INFO, entry.resource(),
                            entry.field("header").pointer(), problem));
                }
            }
        }
    }
}
