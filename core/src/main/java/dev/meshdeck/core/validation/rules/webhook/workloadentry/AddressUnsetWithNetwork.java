package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.NetworkingObjects;

/**
 * A WorkloadEntry without address but with a network: it is reached through that network's gateway. Istio
 * admits it with a warning, since without such a gateway nothing reaches it.
 */
public final class AddressUnsetWithNetwork implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0546", Severity.WARNING, Category.SEMANTIC,
            "WorkloadEntry without address, reached only through its network's gateway");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource entry : NetworkingObjects.candidates(context, "WorkloadEntry")) {
            String network = entry.spec().path("network").asText("");
            if (entry.spec().path("address").asText("").isEmpty() && !network.isEmpty()) {
                findings.report(INFO, entry, "/spec/network", "address is unset with network \"" + network
                        + "\": the workload is reachable only through that network's east-west gateway");
            }
        }
    }
}
