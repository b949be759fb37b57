package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A traffic policy that sets nothing, or a port-level policy without a port or without any setting: istiod rejects
 * the DestinationRule ("traffic policy must have at least one field"). Usually a left-over of an edit.
 */
public final class EmptyTrafficPolicy implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0505", Severity.ERROR, Category.SCHEMA,
            "DestinationRule traffic policy is empty, or a port-level policy lacks its port").istio("IST0106");

    private static final String[] POLICY_FIELDS = {"outlierDetection", "connectionPool", "loadBalancer", "tls",
        "portLevelSettings", "tunnel", "proxyProtocol", "retryBudget"};
    private static final String[] PORT_POLICY_FIELDS = {"outlierDetection", "connectionPool", "loadBalancer", "tls"};

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            if (policy.portLevel() && !policy.has("port")) {
                findings.report(INFO, policy.rule(), policy.pointer(), "this port-level traffic policy names no port: "
                        + "set port.number to the service port it applies to");
            }
            if (!setsAny(policy, policy.portLevel() ? PORT_POLICY_FIELDS : POLICY_FIELDS)) {
                findings.report(INFO, policy.rule(), policy.pointer(), (policy.portLevel() ? "port traffic policy"
                        : "traffic policy") + " must have at least one field: set e.g. connectionPool, loadBalancer, "
                        + "outlierDetection or tls, or remove it");
            }
        });
    }

    private static boolean setsAny(DestinationRules.Policy policy, String[] fields) {
        for (String field : fields) {
            if (policy.has(field)) {
                return true;
            }
        }
        return false;
    }
}
