package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * A tunnel or PROXY protocol setting istiod rejects: a tunnel protocol other than CONNECT or POST, a target that is
 * neither a host name nor an IP, a target port outside 1..65535, a PROXY protocol version other than V1/V2, or both
 * set on one policy (Istio's validateTunnelSettings and validateProxyProtocol).
 */
public final class TunnelSettings implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0506", Severity.ERROR, Category.SCHEMA,
            "DestinationRule tunnel or proxyProtocol setting invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            if (policy.portLevel()) {
                return;
            }
            if (policy.has("tunnel") && policy.has("proxyProtocol")) {
                findings.report(INFO, policy.rule(), policy.at("/proxyProtocol"),
                        "tunnel and proxyProtocol must not be set together: keep one of them");
                return;
            }
            JsonNode tunnel = policy.get("tunnel");
            if (tunnel.isObject()) {
                tunnel(policy, tunnel, findings);
            }
            JsonNode version = policy.get("proxyProtocol").path("version");
            // a name other than V1/V2 is the schema's enum finding; a number is read as the enum's ordinal
            if (version.isNumber() && version.asInt() != 0 && version.asInt() != 1) {
                findings.report(INFO, policy.rule(), policy.at("/proxyProtocol/version"),
                        "proxy protocol version " + version.asText() + " is invalid: use V1 or V2");
            }
        });
    }

    private static void tunnel(DestinationRules.Policy policy, JsonNode tunnel, Findings findings) {
        String protocol = tunnel.path("protocol").asText("");
        if (!protocol.isEmpty() && !protocol.equals("CONNECT") && !protocol.equals("POST")) {
            findings.report(INFO, policy.rule(), policy.at("/tunnel/protocol"),
                    "tunnel protocol \"" + protocol + "\" is invalid: it must be \"CONNECT\" or \"POST\"");
        }
        String host = tunnel.path("targetHost").asText("");
        if (IstioValues.fqdn(host).isPresent() && !IstioValues.isIpAddress(host)) {
            findings.report(INFO, policy.rule(), policy.at("/tunnel/targetHost"),
                    "tunnel target host \"" + host + "\" must be a valid FQDN or IP address");
        }
        IstioValues.port(tunnel.path("targetPort").asLong(0)).ifPresent(problem -> findings.report(INFO,
                policy.rule(), policy.at("/tunnel/targetPort"), "tunnel target port is invalid: " + problem));
    }
}
