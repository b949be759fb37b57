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

/** tls.httpsRedirect on a server that is not plain HTTP: it has no effect there. Istio admits it with a warning. */
public final class HttpsRedirectOnNonHttp implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0537", Severity.WARNING, Category.SEMANTIC,
            "Gateway httpsRedirect on a server that is not HTTP");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            boolean http = server.protocol().map(IstioProtocol::isHttp).orElse(false);
            if (server.port().isObject() && !http && server.tls().path("httpsRedirect").asBoolean(false)) {
                findings.report(INFO, server.gateway(), server.pointer() + "/tls/httpsRedirect",
                        "tls.httpsRedirect should only be used with http servers: on this "
                                + server.port().path("protocol").asText("") + " port it does nothing");
            }
        });
    }
}
