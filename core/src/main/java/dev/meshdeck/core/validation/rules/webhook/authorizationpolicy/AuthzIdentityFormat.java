package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.List;
import java.util.Optional;

/**
 * Service accounts and trust domains written as Istio's webhook refuses them (CheckServiceAccount,
 * CheckTrustDomainValues), in a source or in a {@code source.serviceAccount}/{@code source.trustDomain}
 * condition: a service account is "name" or "namespace/name" without wildcard (at most 16 per list, 320
 * characters each); a trust domain has no "/" and at most one "*", at its start or end.
 */
public final class AuthzIdentityFormat implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0615", Severity.ERROR, Category.SCHEMA,
            "AuthorizationPolicy service account or trust domain Istio cannot match").istio("IST0106");

    private static final List<String> ACCOUNT_FIELDS = List.of("serviceAccounts", "notServiceAccounts");
    private static final List<String> TRUST_DOMAIN_FIELDS = List.of("trustDomains", "notTrustDomains");
    private static final int MAX_ACCOUNTS = 16;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            for (PolicyNode source : rule.sources()) {
                for (String field : ACCOUNT_FIELDS) {
                    if (source.field(field).items().size() > MAX_ACCOUNTS) {
                        findings.report(INFO, source.resource(), source.field(field).pointer(), "source." + field
                                + " may not have more than " + MAX_ACCOUNTS + " values: split the rule");
                    }
                }
            }
            AuthzMatches.judge(INFO, findings, AuthzIdentityFormat::serviceAccount, rule.sourceValues(ACCOUNT_FIELDS));
            AuthzMatches.judge(INFO, findings, AuthzIdentityFormat::serviceAccount,
                    rule.conditionValues(List.of("source.serviceAccount")));
            AuthzMatches.judge(INFO, findings, AuthzIdentityFormat::trustDomain, rule.sourceValues(TRUST_DOMAIN_FIELDS));
            AuthzMatches.judge(INFO, findings, AuthzIdentityFormat::trustDomain,
                    rule.conditionValues(List.of("source.trustDomain")));
        }
    }

    /** Empty values are MD0613's. */
    static Optional<String> serviceAccount(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.contains("*")) {
            return Optional.of("wildcard not allowed in service account \"" + value + "\"");
        }
        int slash = value.indexOf('/');
        if (slash != value.lastIndexOf('/')) {
            return Optional.of("expected format 'serviceAccount' or 'namespace/serviceAccount', found \"" + value + "\"");
        }
        if (value.length() > 320) {
            return Optional.of("service account cannot exceed 320 characters");
        }
        if (slash == 0 || slash == value.length() - 1) {
            return Optional.of("expected format 'serviceAccount' or 'namespace/serviceAccount', found empty "
                    + (slash == 0 ? "namespace" : "serviceAccount") + " in \"" + value + "\"");
        }
        return Optional.empty();
    }

    static Optional<String> trustDomain(String value) {
        long wildcards = value.chars().filter(c -> c == '*').count();
        if (wildcards > 1) {
            return Optional.of("at most one wildcard is allowed in trust domain \"" + value + "\"");
        }
        if (wildcards == 1 && !value.startsWith("*") && !value.endsWith("*")) {
            return Optional.of("wildcard is only allowed at the start or end of trust domain \"" + value + "\"");
        }
        return value.contains("/") ? Optional.of("trust domain must not contain '/': \"" + value + "\"") : Optional.empty();
    }
}
