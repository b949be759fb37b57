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
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * A WorkloadEntry address istiod rejects: none (and no network either), a unix socket that is not an absolute
 * file path or abstract name, or text that is neither an IP address nor a host name (e.g. "host:9443").
 */
public final class WorkloadEntryAddress implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0545", Severity.ERROR, Category.SCHEMA,
            "WorkloadEntry address missing or invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource entry : NetworkingObjects.candidates(context, "WorkloadEntry")) {
            String address = entry.spec().path("address").asText("");
            if (address.isEmpty()) {
                if (entry.spec().path("network").asText("").isEmpty()) {
                    findings.report(INFO, entry, "/spec", "address is required: the "
                            + "IP address or host name of the workload (or a network, for a workload behind its gateway)");
                }
            } else if (IstioValues.isUnixAddress(address)) {
                IstioValues.unixAddress(address).ifPresent(problem -> findings.report(INFO, entry, "/spec/address", problem));
            } else if (!IstioValues.isIpAddress(address) && IstioValues.fqdn(address).isPresent()) {
                findings.report(INFO, entry, "/spec/address", "endpoint address \"" + address + "\" is not a valid "
                        + "FQDN or an IP address" + (address.contains(":") ? " (ports go in spec.ports, not the address)" : ""));
            }
        }
    }
}
