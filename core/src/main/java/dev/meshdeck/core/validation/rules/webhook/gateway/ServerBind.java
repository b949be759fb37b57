package dev.meshdeck.core.validation.rules.webhook.gateway;

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
 * A server bind istiod rejects (Istio's validateServerBind): an address that is not an IP, a unix socket that is
 * not an absolute file path or abstract name, or a unix socket with a port number other than 0.
 */
public final class ServerBind implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0535", Severity.ERROR, Category.SCHEMA,
            "Gateway server bind address invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            String bind = server.bind();
            String at = server.pointer() + "/bind";
            if (IstioValues.isUnixAddress(bind)) {
                IstioValues.unixAddress(bind).ifPresent(problem -> findings.report(INFO, server.gateway(), at, problem));
                if (server.port().path("number").asLong(0) != 0) {
                    findings.report(INFO, server.gateway(), server.pointer() + "/port/number",
                            "port number must be 0 for unix domain socket " + bind);
                }
            } else if (!bind.isEmpty() && !IstioValues.isIpAddress(bind)) {
                findings.report(INFO, server.gateway(), at, bind + " is not a valid IP: bind takes the IP address "
                        + "(or unix:// socket) the gateway listens on, not a host name");
            }
        });
    }
}
