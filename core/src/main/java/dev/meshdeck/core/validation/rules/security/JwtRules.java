package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.ValidationContext;

/** Walks the jwtRules of candidate RequestAuthentications. */
final class JwtRules {

    interface Check {
        /** A message for the rule at {@code pointer}, with the field (relative pointer) to report, or null. */
        String[] problem(JsonNode rule);
    }

    private JwtRules() {
    }

    static void each(ValidationContext context, Findings findings, RuleInfo info, Check check) {
        for (Resource ra : context.ofKind("RequestAuthentication")) {
            if (!ra.candidate()) {
                continue;
            }
            JsonNode rules = ra.spec().path("jwtRules");
            for (int i = 0; i < rules.size(); i++) {
                String[] p = check.problem(rules.get(i));
                if (p != null) {
                    findings.report(info, ra, "/spec/jwtRules/" + i + p[0], p[1]);
                }
            }
        }
    }

    static String text(JsonNode rule, String field) {
        return rule.path(field).asText("");
    }
}
