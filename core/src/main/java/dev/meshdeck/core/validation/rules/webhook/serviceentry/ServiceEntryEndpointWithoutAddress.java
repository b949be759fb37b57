package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A STATIC ServiceEntry endpoint with a network but no address: Istio admits it with a warning, and reaches it
 * only through that network's gateway.
 */
public final class ServiceEntryEndpointWithoutAddress extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0570", Severity.WARNING, Category.SEMANTIC,
            "ServiceEntry endpoint with a network but no address");

    public ServiceEntryEndpointWithoutAddress() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        if (!Resolution.of(se).equals(Optional.of(Resolution.STATIC))) {
            return;
        }
        JsonNode endpoints = se.spec().path("endpoints");
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode endpoint = endpoints.get(i);
            String network = endpoint.path("network").asText("");
            if (endpoint.path("address").asText("").isEmpty() && !network.isEmpty()) {
                findings.report(INFO, se, "/spec/endpoints/" + i, "endpoint has no address, only network \""
                        + network + "\": it is reached through that network's gateway, if one is known");
            }
        }
    }
}
