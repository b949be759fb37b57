package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/** An inline {@code jwks} that is not a JSON Web Key Set Istio can read: the webhook refuses the jwtRule. */
public final class JwksInline implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0623", Severity.ERROR, Category.SCHEMA,
            "RequestAuthentication inline jwks is not a valid JSON Web Key Set").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode rule : JwtRuleNodes.of(context)) {
            PolicyNode jwks = rule.field("jwks");
            if (jwks.text().isEmpty()) {
                continue;
            }
            String problem = JsonWebKeySet.parse(jwks.text()).problem();
            if (problem != null) {
                findings.report(INFO, jwks.resource(), jwks.pointer(), "jwks parse error: " + problem
                        + "; paste the issuer's key set as JSON, or use jwksUri instead");
            }
        }
    }
}
