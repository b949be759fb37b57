package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * An inline {@code jwks} key carrying private material (an RSA/EC/OKP private exponent, or a symmetric secret):
 * Envoy only needs public keys, and whoever can read the RequestAuthentication can now mint tokens. Istio's
 * webhook warns. The message names the key's index only, never its content.
 */
public final class JwksPrivateKey implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0624", Severity.WARNING, Category.SEMANTIC,
            "RequestAuthentication inline jwks contains private key material");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode rule : JwtRuleNodes.of(context)) {
            PolicyNode jwks = rule.field("jwks");
            JsonWebKeySet set = jwks.text().isEmpty() ? null : JsonWebKeySet.parse(jwks.text()).set();
            for (int i = 0; set != null && i < set.keys().size(); i++) {
                if (set.isPrivate(i)) {
                    findings.report(INFO, jwks.resource(), jwks.pointer(), "jwks key at index " + i + " contains private "
                            + "key material; only public keys are used for verification: publish the public key only "
                            + "and rotate this one, anyone who can read this object can sign tokens with it");
                }
            }
        }
    }
}
