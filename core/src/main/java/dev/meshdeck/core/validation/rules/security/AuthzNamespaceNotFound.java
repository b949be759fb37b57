package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An AuthorizationPolicy source names a namespace ({@code namespaces} or {@code notNamespaces}) that matches no
 * namespace, as Istio's {@code auth.AuthorizationPoliciesAnalyzer} judges it: {@code *} matches any namespace,
 * {@code prefix*} and {@code *suffix} match by prefix/suffix, anything else matches case-insensitively. A namespace
 * exists when a Namespace object is in the inputs or, unlike Istio, when an input object lives in it. Offline and
 * without any Namespace object, nothing is judged.
 */
public final class AuthzNamespaceNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0350", Severity.ERROR, Category.REFERENCE,
            "AuthorizationPolicy source namespace matches no namespace").istio("IST0101").kiali("KIA0101");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("Namespace")) {
            return;
        }
        List<String> existing = new ArrayList<>(context.namespaces());
        Set<String> exact = Set.copyOf(existing.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
        AuthzRuleValue.forEach(context, "from", "source", List.of("namespaces", "notNamespaces"), v -> {
            if (!matchesAny(v.value(), exact, existing)) {
                findings.report(INFO, v.policy(), v.pointer(), "namespace \"" + v.value() + "\" in source." + v.field()
                        + " matches no namespace" + (v.value().contains("*") ? "" : " (check the spelling, or create it)")
                        + "; this part of the rule never matches");
            }
        });
    }

    static boolean matchesAny(String exp, Set<String> exactLowerCase, List<String> namespaces) {
        if (exp.equals("*")) {
            return true;
        }
        if (exp.startsWith("*")) {
            String suffix = exp.substring(1);
            return namespaces.stream().anyMatch(n -> n.endsWith(suffix));
        }
        if (exp.endsWith("*")) {
            String prefix = exp.substring(0, exp.length() - 1);
            return namespaces.stream().anyMatch(n -> n.startsWith(prefix));
        }
        return exactLowerCase.contains(exp.toLowerCase(Locale.ROOT));
    }
}
