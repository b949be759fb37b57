package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;
import java.util.Locale;

/**
 * An entry of {@code to.operation.methods} or {@code notMethods} that can match no HTTP method (Kiali's
 * NamespaceMethodChecker, KIA0102): exact names, {@code *}, {@code PREFIX*} and {@code *SUFFIX} are compared with the
 * request's {@code :method} case-sensitively, so unlike Kiali a lower-case {@code get} is reported too.
 */
public final class AuthzInvalidMethod implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0221", Severity.WARNING, Category.SEMANTIC,
            "AuthorizationPolicy method that matches no HTTP method").kiali("KIA0102");

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        AuthzRuleValue.forEach(context, "to", "operation", List.of("methods", "notMethods"), v -> {
            if (!matchesSome(v.value())) {
                findings.report(INFO, v.policy(), v.pointer(), advice(v.value()));
            }
        });
    }

    static boolean matchesSome(String m) {
        if (m.equals("*")) {
            return true;
        }
        boolean prefix = m.endsWith("*") && !m.startsWith("*");
        boolean suffix = m.startsWith("*") && !m.endsWith("*");
        String core = prefix ? m.substring(0, m.length() - 1) : suffix ? m.substring(1) : m;
        if (core.isEmpty() || core.contains("*")) {
            return false;
        }
        for (String method : METHODS) {
            if (prefix ? method.startsWith(core) : suffix ? method.endsWith(core) : method.equals(core)) {
                return true;
            }
        }
        return false;
    }

    private static String advice(String m) {
        String upper = m.toUpperCase(Locale.ROOT);
        if (!m.equals(upper) && matchesSome(upper)) {
            return "method \"" + m + "\" never matches: methods are compared case-sensitively, write \"" + upper + "\"";
        }
        return "\"" + m + "\" matches no HTTP method (" + String.join(", ", METHODS) + "); gRPC calls are always POST, "
                + "put gRPC method names in paths";
    }
}
