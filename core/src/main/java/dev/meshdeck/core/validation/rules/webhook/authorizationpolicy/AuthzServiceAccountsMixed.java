package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.List;

/**
 * A source naming service accounts together with namespaces or principals: Istio refuses it, because a service
 * account already names its namespace and identity. Split them into two {@code from} entries.
 */
public final class AuthzServiceAccountsMixed implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0614", Severity.ERROR, Category.SEMANTIC,
            "AuthorizationPolicy source sets serviceAccounts with namespaces or principals").istio("IST0106");

    private static final List<String> IDENTITIES = List.of("principals", "notPrincipals", "namespaces", "notNamespaces");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            for (PolicyNode source : rule.sources()) {
                PolicyNode accounts = !source.field("serviceAccounts").items().isEmpty() ? source.field("serviceAccounts")
                        : source.field("notServiceAccounts");
                if (!accounts.items().isEmpty() && IDENTITIES.stream().anyMatch(f -> !source.field(f).items().isEmpty())) {
                    findings.report(INFO, source.resource(), accounts.pointer(), "cannot set serviceAccounts with "
                            + "namespaces or principals: put them in separate `from` entries (either one then matches)");
                }
            }
        }
    }
}
