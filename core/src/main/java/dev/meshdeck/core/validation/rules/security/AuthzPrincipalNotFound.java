package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A principal ({@code cluster.local/ns/NS/sa/SA}) in {@code source.principals} or {@code source.notPrincipals}
 * names a ServiceAccount that does not exist (Kiali's PrincipalsChecker, KIA0106). Every namespace has the
 * {@code default} ServiceAccount. Offline, a namespace is judged only when the inputs hold ServiceAccounts of it,
 * and wildcard principals ({@code *}, {@code prefix*}, {@code *suffix}) only against a live cluster; principals of
 * another trust domain are never judged.
 */
public final class AuthzPrincipalNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0352", Severity.ERROR, Category.REFERENCE,
            "AuthorizationPolicy principal names a ServiceAccount that does not exist").kiali("KIA0106");

    static final String TRUST_DOMAIN = "cluster.local";
    private static final Pattern PRINCIPAL = Pattern.compile("([^/]+)/ns/([^/]+)/sa/([^/]+)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("ServiceAccount")) {
            return;
        }
        Set<String> accounts = new HashSet<>();
        Set<String> judgedNamespaces = new HashSet<>();
        for (Resource sa : context.ofKind("ServiceAccount")) {
            String ns = sa.namespace().isEmpty() ? "default" : sa.namespace();
            accounts.add(TRUST_DOMAIN + "/ns/" + ns + "/sa/" + sa.name());
            judgedNamespaces.add(ns);
        }
        Set<String> namespaces = new HashSet<>(context.namespaces());
        namespaces.addAll(judgedNamespaces);
        for (String ns : namespaces) {
            accounts.add(TRUST_DOMAIN + "/ns/" + ns + "/sa/default");
        }
        AuthzRuleValue.forEach(context, "from", "source", List.of("principals", "notPrincipals"), v -> {
            if (missing(v.value(), accounts, judgedNamespaces, context.live())) {
                findings.report(INFO, v.policy(), v.pointer(), "no ServiceAccount matches principal \"" + v.value()
                        + "\" (expected cluster.local/ns/<namespace>/sa/<serviceaccount>); create the "
                        + "ServiceAccount or fix the name, otherwise this part of the rule never matches");
            }
        });
    }

    private static boolean missing(String principal, Set<String> accounts, Set<String> judgedNamespaces, boolean live) {
        if (principal.equals("*")) {
            return false;
        }
        if (principal.contains("*")) {
            if (!live) {
                return false;
            }
            String regex = "^" + Pattern.quote(principal).replace("*", "\\E.*\\Q") + "$";
            Pattern p = Pattern.compile(regex);
            return accounts.stream().noneMatch(a -> p.matcher(a).matches());
        }
        Matcher m = PRINCIPAL.matcher(principal);
        if (!m.matches() || !m.group(1).equals(TRUST_DOMAIN)) {
            return false;
        }
        if (!live && !judgedNamespaces.contains(m.group(2))) {
            return false;
        }
        return !accounts.contains(principal);
    }
}
