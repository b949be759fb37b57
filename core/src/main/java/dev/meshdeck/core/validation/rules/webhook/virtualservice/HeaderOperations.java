package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Locale;
import java.util.Optional;

/**
 * A header operation (add, set, remove) of an HTTP route or destination that Envoy cannot apply: an empty name,
 * a pseudo-header (":path"), the Host header where it cannot change, or a value Envoy's header formatter refuses
 * (an unescaped '%', control characters).
 */
public final class HeaderOperations implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0410", Severity.ERROR, Category.SCHEMA,
            "HTTP header operation with an empty, internal or Host header name, or an invalid value").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHeaders(context, headers -> {
            for (String direction : new String[] {"request", "response"}) {
                Part operations = headers.child(direction);
                // a request may set its authority here (AuthorityRewrite checks it is set once); nothing else internal
                boolean authorityAllowed = direction.equals("request");
                for (String op : new String[] {"add", "set"}) {
                    for (Part header : operations.entries(op)) {
                        Optional<String> problem = name(header.key(), authorityAllowed)
                                .or(() -> IstioValues.headerValue(header.node().asText("")));
                        problem.ifPresent(p -> findings.report(INFO, header.vs(), header.pointer(), p));
                    }
                }
                for (Part removed : operations.items("remove")) {
                    name(removed.node().asText(""), false).ifPresent(p -> findings.report(INFO, removed.vs(),
                            removed.pointer(), p));
                }
            }
        });
    }

    private static Optional<String> name(String name, boolean authorityAllowed) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        boolean authority = isAuthority(name);
        if (authority && authorityAllowed) {
            return Optional.empty();
        }
        if (name.equalsIgnoreCase("host")) {
            return Optional.of("invalid header \"" + name + "\": cannot set Host header here; rewrite the authority instead");
        }
        return name.startsWith(":") ? Optional.of("invalid header \"" + name
                + "\": header cannot have \":\" prefix (Envoy manages pseudo-headers itself)") : Optional.empty();
    }

    /** The request's authority, written as ":authority" or "Host". */
    static boolean isAuthority(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(":authority") || lower.equals("host");
    }
}
