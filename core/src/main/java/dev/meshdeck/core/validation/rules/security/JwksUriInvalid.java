package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.net.URI;
import java.net.URISyntaxException;

/** A jwksUri Istio cannot parse or whose scheme is not http/https ({@code security.ParseJwksURI}): rejected. */
public final class JwksUriInvalid implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0225", Severity.ERROR, Category.SEMANTIC,
            "RequestAuthentication jwksUri is not an http(s) URL");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        JwtRules.each(context, findings, INFO, rule -> {
            String uri = JwtRules.text(rule, "jwksUri");
            if (uri.isEmpty()) {
                return null;
            }
            String scheme;
            try {
                scheme = new URI(uri).getScheme();
            } catch (URISyntaxException e) {
                return new String[] {"/jwksUri", "jwksUri \"" + uri + "\" is not a URL: " + e.getReason()};
            }
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
                return new String[] {"/jwksUri", "URI scheme \"" + (scheme == null ? "" : scheme) + "\" is not "
                        + "supported in jwksUri \"" + uri + "\": use an https:// URL of the issuer's JWKS"};
            }
            return null;
        });
    }
}
