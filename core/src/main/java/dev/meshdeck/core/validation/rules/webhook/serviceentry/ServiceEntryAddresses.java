package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/** A ServiceEntry address that is neither an IP address nor a CIDR block: Istio rejects it. */
public final class ServiceEntryAddresses extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0562", Severity.ERROR, Category.SCHEMA,
            "ServiceEntry address is not an IP address or CIDR block").istio("IST0106");

    public ServiceEntryAddresses() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        JsonNode addresses = se.spec().path("addresses");
        for (int i = 0; i < addresses.size(); i++) {
            int index = i;
            IstioValues.ipSubnet(addresses.get(i).asText("")).ifPresent(problem -> findings.report(INFO, se,
                    "/spec/addresses/" + index, problem + " (write an address such as 10.0.0.5 or a block such as 10.0.0.0/24)"));
        }
    }
}
