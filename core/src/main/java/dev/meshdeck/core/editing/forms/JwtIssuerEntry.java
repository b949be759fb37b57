package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.authz.JwtRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JWT issuer editor's fields hold for one issuer of a RequestAuthentication, as text keyed by
 * {@link SecurityForm#jwtFields()}. Editing keeps what the fields do not show (token headers, and by position in
 * the form's candidate, jwks and outputClaimToHeaders).
 */
public record JwtIssuerEntry(Map<String, String> values) {

    static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.text("issuer", "Issuer", "The token's iss claim this rule accepts, e.g. https://auth.example.com. "
                    + "Required."),
            FieldSpec.text("jwksUri", "JWKS URI", "Where the issuer publishes its signing keys, e.g. "
                    + "https://auth.example.com/.well-known/jwks.json. Istio's default: found through the issuer's "
                    + "OpenID discovery document."),
            FieldSpec.text("audiences", "Audiences", "Comma-separated aud values accepted. Istio's default: any audience."),
            FieldSpec.text("fromParams", "Token query parameters", "Comma-separated query parameters that may carry the "
                    + "token, e.g. access_token. Istio's default: the Authorization header (Bearer) only."),
            FieldSpec.flag("forwardOriginalToken", "Forward original token", "Pass the token on to the function after "
                    + "checking it. Istio's default: the token is removed."));

    public JwtIssuerEntry {
        values = Map.copyOf(values);
    }

    public static JwtIssuerEntry empty() {
        return new JwtIssuerEntry(Map.of());
    }

    public static JwtIssuerEntry of(JwtRule rule) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("issuer", rule.issuer());
        if (rule.jwksUri() != null) {
            v.put("jwksUri", rule.jwksUri());
        }
        if (!rule.audiences().isEmpty()) {
            v.put("audiences", String.join(", ", rule.audiences()));
        }
        if (!rule.fromParams().isEmpty()) {
            v.put("fromParams", String.join(", ", rule.fromParams()));
        }
        if (rule.forwardOriginalToken() != null) {
            v.put("forwardOriginalToken", rule.forwardOriginalToken().toString());
        }
        return new JwtIssuerEntry(v);
    }

    /** Whether a field of {@link SecurityForm#jwtFields()} holds a comma-separated list. */
    public static boolean isList(String key) {
        return key.equals("audiences") || key.equals("fromParams");
    }

    public String text(String key) {
        return values.getOrDefault(key, "");
    }

    /**
     * The issuer's rule.
     *
     * @param original the rule being edited (its token headers are kept), or null for a new issuer
     * @throws IllegalArgumentException when the issuer is missing or the JWKS URI is not an http(s) URL
     */
    public JwtRule toRule(JwtRule original) {
        String issuer = text("issuer").trim();
        String jwks = text("jwksUri").trim();
        if (!jwks.isEmpty() && !jwks.startsWith("https://") && !jwks.startsWith("http://")) {
            throw new IllegalArgumentException("JWKS URI '" + jwks + "' is not an http(s) URL; write it like "
                    + "https://auth.example.com/.well-known/jwks.json");
        }
        String forward = text("forwardOriginalToken").trim();
        return new JwtRule(issuer, jwks.isEmpty() ? null : jwks, AccessRuleEntry.split(text("audiences")),
                original == null ? List.of() : original.fromHeaders(), AccessRuleEntry.split(text("fromParams")),
                forward.isEmpty() ? null : Boolean.valueOf(forward));
    }
}
