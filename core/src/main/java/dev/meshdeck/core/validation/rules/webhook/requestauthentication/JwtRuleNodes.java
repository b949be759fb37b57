package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.ArrayList;
import java.util.List;

/** The jwtRules of candidate RequestAuthentications (null entries are the schema's to report). */
final class JwtRuleNodes {

    private JwtRuleNodes() {
    }

    static List<PolicyNode> of(ValidationContext context) {
        List<PolicyNode> rules = new ArrayList<>();
        for (PolicyNode spec : PolicyNode.specs(context, "RequestAuthentication")) {
            for (PolicyNode rule : spec.field("jwtRules").items()) {
                if (rule.node().isObject()) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }
}
