package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.List;

/** A VirtualService that lists a host twice, literally or through a wildcard ("*.foo.bar" and "*.bar"). */
public final class DuplicateHosts implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0401", Severity.ERROR, Category.SEMANTIC,
            "VirtualService lists the same host twice (literally or through a wildcard)").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            if (!VirtualServiceHosts.allValid(spec)) {
                continue; // an invalid host is MD0400's finding; Istio compares hosts only when all are valid
            }
            List<Part> hosts = spec.items("hosts");
            // pairwise within one object: a hosts list is short, and this is what Istio does
            for (int i = 0; i < hosts.size(); i++) {
                for (int j = i + 1; j < hosts.size(); j++) {
                    String a = hosts.get(i).node().asText("");
                    String b = hosts.get(j).node().asText("");
                    if (Hosts.overlap(a, b)) {
                        findings.report(INFO, spec.vs(), hosts.get(j).pointer(), "duplicate hosts in virtual service: "
                                + a + " & " + b + "; a request for one of them could match either entry, keep one");
                    }
                }
            }
        }
    }
}
