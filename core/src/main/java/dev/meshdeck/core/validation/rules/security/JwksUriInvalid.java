package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A jwksUri Istio cannot parse (no URL, a port that is not a number) or whose scheme is not http/https
 * ({@code security.ParseJwksURI}): rejected.
 */
public final class JwksUriInvalid implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0225", Severity.ERROR, Category.SEMANTIC,
            "RequestAuthentication jwksUri is not an http(s) URL").istio("IST0106");

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
            URI parsed;
            try {
                parsed = new URI(uri);
            } catch (URISyntaxException e) {
                return new String[] {"/jwksUri", "jwksUri \"" + uri + "\" is not a URL: " + e.getReason()};
            }
            String port = port(parsed);
            if (!port.chars().allMatch(Character::isDigit)) {
                return new String[] {"/jwksUri", "invalid port \":" + port + "\" after host in jwksUri \"" + uri
                        + "\": write a number, or leave the port out"};
            }
            String scheme = parsed.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
                return new String[] {"/jwksUri", "URI scheme \"" + (scheme == null ? "" : scheme) + "\" is not "
                        + "supported in jwksUri \"" + uri + "\": use an https:// URL of the issuer's JWKS"};
            }
            return null;
        });
    }

    /**
     * The text after the host's last ':' ("" without one). Java reads "host:not-a-number" as a registry-based
     * authority instead of refusing it as Go's url.Parse does, so the port is looked at here.
     */
    private static String port(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return "";
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        return colon > hostPort.lastIndexOf(']') ? hostPort.substring(colon + 1) : "";
    }
}
