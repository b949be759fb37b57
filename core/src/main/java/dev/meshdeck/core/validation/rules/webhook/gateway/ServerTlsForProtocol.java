package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;

/**
 * TLS settings that do not fit the server's protocol: an HTTPS or TLS port without tls, or tls on a plain port
 * (on HTTP only httpsRedirect is allowed). istiod rejects both. Judged only when the port itself is valid.
 */
public final class ServerTlsForProtocol implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0536", Severity.ERROR, Category.SEMANTIC,
            "Gateway server TLS settings do not fit its protocol").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            if (!Servers.portProblems(server).isEmpty()) {
                return;
            }
            IstioProtocol protocol = server.protocol().orElseThrow();
            if (protocol.isTls() && !server.hasTls()) {
                findings.report(INFO, server.gateway(), server.pointer() + "/port/protocol", "server must have TLS "
                        + "settings for HTTPS/TLS protocols: add tls (e.g. mode: SIMPLE with a credentialName)");
            } else if (!protocol.isTls() && server.hasTls()) {
                if (!protocol.isHttp()) {
                    findings.report(INFO, server.gateway(), server.pointer() + "/tls",
                            "server cannot have TLS settings for non HTTPS/TLS ports: use protocol TLS or HTTPS");
                } else if (!passThroughWithoutCertificates(server.tls())) {
                    findings.report(INFO, server.gateway(), server.pointer() + "/tls", "server cannot have TLS "
                            + "settings for plain text HTTP ports (only httpsRedirect): use protocol HTTPS");
                }
            }
        });
    }

    private static boolean passThroughWithoutCertificates(JsonNode tls) {
        String mode = tls.path("mode").asText("PASSTHROUGH");
        return (mode.equals("PASSTHROUGH") || mode.equals("AUTO_PASSTHROUGH"))
                && tls.path("caCertificates").asText("").isEmpty() && tls.path("privateKey").asText("").isEmpty()
                && tls.path("serverCertificate").asText("").isEmpty();
    }
}
