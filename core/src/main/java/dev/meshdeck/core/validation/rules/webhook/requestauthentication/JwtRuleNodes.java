package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.ArrayList;
import java.util.List;

/** The jwtRules of candidate RequestAuthentications (null entries are the schema's to report). */
final class JwtRuleNodes {

    private JwtRuleNodes() {
    }

    /** Listed once per validation for all the jwtRule checks. */
    static List<PolicyNode> of(ValidationContext context) {
        return context.index(AllRules.class, c -> {
            List<PolicyNode> rules = new ArrayList<>();
            for (PolicyNode spec : PolicyNode.specs(c, "RequestAuthentication")) {
                for (PolicyNode rule : spec.field("jwtRules").items()) {
                    if (rule.node().isObject()) {
                        rules.add(rule);
                    }
                }
            }
            return new AllRules(List.copyOf(rules));
        }).rules();
    }

    private record AllRules(List<PolicyNode> rules) {
    }
}
