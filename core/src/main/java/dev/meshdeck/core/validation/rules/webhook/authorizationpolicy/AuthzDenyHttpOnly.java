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
 * A DENY rule that matches only on HTTP attributes (methods, paths, request principals, ...) and names no port
 * or TCP-level source: on a TCP port such a rule cannot be evaluated, so Istio denies all TCP traffic to the
 * workloads. Istio's webhook accepts it with this warning.
 */
public final class AuthzDenyHttpOnly implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0619", Severity.WARNING, Category.SEMANTIC,
            "DENY rule with only HTTP attributes denies all TCP traffic");

    /** Source fields a TCP connection carries. */
    private static final List<String> TCP_SOURCE = List.of("principals", "notPrincipals", "ipBlocks", "notIpBlocks",
            "namespaces", "notNamespaces", "remoteIpBlocks", "notRemoteIpBlocks", "serviceAccounts", "notServiceAccounts");
    private static final List<String> TCP_OPERATION = List.of("ports", "notPorts");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            if (!rule.action().equals("DENY")) {
                continue;
            }
            List<PolicyNode> sources = rule.sources();
            List<PolicyNode> operations = rule.operations();
            boolean tcpFrom = !rule.sourceValues(TCP_SOURCE).isEmpty();
            boolean tcpTo = !rule.operationValues(TCP_OPERATION).isEmpty();
            if (!sources.isEmpty() && operations.isEmpty() && !tcpFrom || !operations.isEmpty() && !tcpTo) {
                findings.report(INFO, rule.spec().resource(), rule.rule().pointer(), "this DENY rule uses only HTTP "
                        + "attributes, so it will deny all traffic to TCP ports under its scope; name the ports it is for "
                        + "(to.operation.ports)");
            }
        }
    }
}
