package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/** A ServiceEntry without hosts, with the catch-all host "*", or with a host that is no domain name: Istio rejects it. */
public final class ServiceEntryHosts extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0560", Severity.ERROR, Category.SCHEMA,
            "ServiceEntry host missing or not a domain name").istio("IST0106");

    public ServiceEntryHosts() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        JsonNode hosts = se.spec().path("hosts");
        if (hosts.size() == 0) {
            findings.report(INFO, se, "/spec/hosts",
                    "a ServiceEntry must name at least one host in spec.hosts (e.g. api.example.com)");
        }
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i).asText("");
            String at = "/spec/hosts/" + i;
            if (host.equals("*")) {
                findings.report(INFO, se, at, "host \"*\" is not allowed in a ServiceEntry: name the hosts it "
                        + "stands for, or a wildcard domain such as *.example.com");
            } else {
                IstioValues.wildcardDomain(host).ifPresent(problem -> findings.report(INFO, se, at, problem));
            }
        }
    }
}
