package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/** HTTP connection pool settings on a Sidecar ingress port that is not HTTP: Istio warns that only the TCP settings apply. */
public final class SidecarHttpPoolOnTcpPort extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0590", Severity.WARNING, Category.SEMANTIC,
            "Sidecar HTTP connection pool settings on a non-HTTP port");

    public SidecarHttpPoolOnTcpPort() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode ingress = sidecar.spec().path("ingress");
        for (int i = 0; i < ingress.size(); i++) {
            JsonNode port = ingress.get(i).path("port");
            Optional<IstioProtocol> protocol = IstioProtocol.parse(port.path("protocol").asText(""));
            if (port.isObject() && ingress.get(i).path("connectionPool").path("http").isObject()
                    && (protocol.isEmpty() || !protocol.get().isHttp())) {
                findings.report(INFO, sidecar, "/spec/ingress/" + i + "/connectionPool/http", "HTTP connection pool "
                        + "settings on port " + port.path("number").asText() + " (protocol " + port.path("protocol").asText("unset")
                        + ") have no effect: only the tcp settings apply to a port that is not HTTP");
            }
        }
    }
}
