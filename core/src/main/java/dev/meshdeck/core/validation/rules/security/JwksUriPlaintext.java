package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A jwksUri over plain http: istiod fetches the keys that decide who is authenticated without TLS, so anyone on
 * the path can substitute them. Istio accepts it; MeshDeck warns.
 */
public final class JwksUriPlaintext implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0226", Severity.WARNING, Category.SEMANTIC,
            "RequestAuthentication jwksUri is fetched over plain http");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        JwtRules.each(context, findings, INFO, rule -> {
            String uri = JwtRules.text(rule, "jwksUri");
            return uri.regionMatches(true, 0, "http://", 0, 7) && JwtRules.text(rule, "jwks").isEmpty()
                    ? new String[] {"/jwksUri", "jwksUri \"" + uri + "\" is fetched without TLS: whoever can tamper "
                            + "with that connection can mint accepted tokens. Use https://"}
                    : null;
        });
    }
}
