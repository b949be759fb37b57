package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A jwtRule with neither issuer nor jwksUri: Istio's validation rejects it. */
public final class JwtIssuerMissing implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0224", Severity.ERROR, Category.SEMANTIC,
            "RequestAuthentication jwtRule without issuer and jwksUri").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        JwtRules.each(context, findings, INFO, rule -> JwtRules.text(rule, "issuer").isEmpty()
                && JwtRules.text(rule, "jwksUri").isEmpty()
                ? new String[] {"", "issuer or jwksUri must be non-empty string (Istio rejects this rule): set issuer "
                        + "to the token's iss claim, e.g. https://accounts.example.com"}
                : null);
    }
}
