package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.List;
import java.util.Set;

/**
 * A CUSTOM AuthorizationPolicy matching on what its external authorizer is asked before the peer or request
 * identity is known: source identities and request principals in {@code from}, and the identity or
 * {@code request.auth.*} conditions. Istio's webhook refuses them with CUSTOM.
 */
public final class AuthzCustomUnsupportedMatch implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0611", Severity.ERROR, Category.SEMANTIC,
            "AuthorizationPolicy CUSTOM action with an identity match Istio does not support").istio("IST0106");

    private static final List<String> UNSUPPORTED_SOURCE = List.of("namespaces", "notNamespaces", "serviceAccounts",
            "notServiceAccounts", "trustDomains", "notTrustDomains", "principals", "notPrincipals", "requestPrincipals",
            "notRequestPrincipals");
    private static final Set<String> UNSUPPORTED_KEYS = Set.of("source.namespace", "source.serviceAccount",
            "source.trustDomain", "source.principal");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            if (!rule.action().equals("CUSTOM")) {
                continue;
            }
            for (PolicyNode source : rule.sources()) {
                for (String field : UNSUPPORTED_SOURCE) {
                    if (!source.field(field).items().isEmpty()) {
                        findings.report(INFO, source.resource(), source.field(field).pointer(), "source." + field
                                + " is currently not supported with CUSTOM action: match on ipBlocks or on the "
                                + "operation, or use an ALLOW/DENY policy for identities");
                    }
                }
            }
            for (PolicyNode condition : rule.conditions()) {
                // a null condition has no key: MD0222 reports it, whatever the action
                String key = condition.field("key").text();
                if (UNSUPPORTED_KEYS.contains(key) || key.startsWith("request.auth.")) {
                    findings.report(INFO, condition.resource(), condition.field("key").pointer(), "condition " + key
                            + " is currently not supported with CUSTOM action");
                }
            }
        }
    }
}
