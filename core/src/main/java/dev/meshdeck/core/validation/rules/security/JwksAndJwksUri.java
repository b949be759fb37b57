package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A jwtRule with both inline {@code jwks} and {@code jwksUri}: istiod uses the inline keys and never fetches the
 * URI, so key rotation at the issuer is silently ignored.
 */
public final class JwksAndJwksUri implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0227", Severity.WARNING, Category.SEMANTIC,
            "RequestAuthentication jwtRule sets both jwks and jwksUri");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        JwtRules.each(context, findings, INFO, rule -> !JwtRules.text(rule, "jwks").isEmpty()
                && !JwtRules.text(rule, "jwksUri").isEmpty()
                ? new String[] {"/jwksUri", "jwksUri \"" + JwtRules.text(rule, "jwksUri") + "\" is ignored because "
                        + "inline jwks is set: keys rotated by the issuer will not be picked up. Keep only one of them"}
                : null);
    }
}
