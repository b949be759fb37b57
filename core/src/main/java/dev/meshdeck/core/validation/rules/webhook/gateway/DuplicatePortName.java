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
import java.util.HashSet;
import java.util.Set;

/** Two servers of one Gateway with the same port name: istiod rejects it ("port names in servers must be unique"). */
public final class DuplicatePortName implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0534", Severity.ERROR, Category.SEMANTIC,
            "Gateway servers share a port name").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource gateway : Servers.candidates(context)) {
            JsonNode servers = gateway.spec().path("servers");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < servers.size(); i++) {
                JsonNode port = servers.get(i).path("port");
                if (port.isObject() && !names.add(port.path("name").asText(""))) {
                    findings.report(INFO, gateway, "/spec/servers/" + i + "/port/name", "port names in servers must be "
                            + "unique: \"" + port.path("name").asText("") + "\" names an earlier server's port too");
                }
            }
        }
    }
}
