package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * HTTP settings that ask both to upgrade connections to HTTP/2 and to keep the client's protocol: istiod rejects
 * the contradiction ("use client protocol must not be true when H2UpgradePolicy is UPGRADE").
 */
public final class UpgradeWithClientProtocol implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0508", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule h2UpgradePolicy UPGRADE together with useClientProtocol").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode http = policy.get("connectionPool").path("http");
            if (http.path("h2UpgradePolicy").asText("").equals("UPGRADE") && http.path("useClientProtocol").asBoolean(false)) {
                findings.report(INFO, policy.rule(), policy.at("/connectionPool/http/useClientProtocol"),
                        "useClientProtocol must not be true when h2UpgradePolicy is UPGRADE: connections cannot both "
                                + "keep the client's protocol and be upgraded to HTTP/2. Keep one of them");
            }
        });
    }
}
