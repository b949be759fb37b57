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
import dev.meshdeck.core.validation.JsonPointers;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * WorkloadEntry ports istiod rejects: a port name that is not a DNS-1123 label, a number outside 1..65535, or
 * any port on a unix socket address.
 */
public final class WorkloadEntryPorts implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0547", Severity.ERROR, Category.SCHEMA,
            "WorkloadEntry port invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource entry : NetworkingObjects.candidates(context, "WorkloadEntry")) {
            JsonNode ports = entry.spec().path("ports");
            String address = entry.spec().path("address").asText("");
            if (IstioValues.isUnixAddress(address) && ports.size() > 0) {
                findings.report(INFO, entry, "/spec/ports", "unix endpoint " + address + " must not include ports");
            }
            ports.fields().forEachRemaining(port -> {
                String at = "/spec/ports/" + JsonPointers.token(port.getKey());
                if (!IstioValues.isDns1123Label(port.getKey())) {
                    findings.report(INFO, entry, at, "invalid port name \"" + port.getKey() + "\": use lower-case "
                            + "letters, digits and '-' (at most 63), matching the service's port name");
                }
                IstioValues.port(port.getValue().asLong(0)).ifPresent(problem -> findings.report(INFO, entry, at, problem));
            });
        }
    }
}
