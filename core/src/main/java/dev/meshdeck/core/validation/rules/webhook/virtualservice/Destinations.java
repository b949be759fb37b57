package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Locale;

/**
 * A destination Istio refuses: host "*" or not a host name, a subset name that is not a DNS label, a
 * port selector without a number in 1..65535. Routes of every protocol and HTTP mirrors. (A missing destination
 * or host is MD0300's finding.)
 */
public final class Destinations implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0422", Severity.ERROR, Category.SCHEMA,
            "route destination with an invalid host, subset name or port").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            for (String protocol : new String[] {"http", "tcp", "tls"}) {
                for (Part route : spec.items(protocol)) {
                    for (Part weighted : route.items("route")) {
                        destination(findings, weighted.child("destination"));
                    }
                    if (route.has("mirror")) {
                        destination(findings, route.child("mirror"));
                    }
                    route.items("mirrors").stream().filter(m -> m.has("destination"))
                            .forEach(m -> destination(findings, m.child("destination")));
                }
            }
        }
    }

    private static void destination(Findings findings, Part destination) {
        String host = destination.text("host");
        if (host.isEmpty()) {
            return; // no destination or no host: DestinationHostNotFound (MD0300) reports it in both modes
        }
        if (host.equals("*")) {
            findings.report(INFO, destination.vs(), destination.pointer() + "/host", "invalid destination host *: "
                    + "a destination is one service (or a wildcard ServiceEntry's hosts, such as *.example.com)");
        } else {
            IstioValues.wildcardDomain(host).ifPresent(p -> findings.report(INFO, destination.vs(),
                    destination.pointer() + "/host", "destination host: " + p));
        }
        String subset = destination.text("subset");
        // Istio's DNS label here takes upper case too
        if (!subset.isEmpty() && !IstioValues.isDns1123Label(subset.toLowerCase(Locale.ROOT))) {
            findings.report(INFO, destination.vs(), destination.pointer() + "/subset", "subset name is invalid: "
                    + subset + " (a DNS label: letters, digits and '-', at most 63)");
        }
        if (destination.has("port")) {
            IstioValues.port(destination.child("port").node().path("number").asLong(0)).ifPresent(p ->
                    findings.report(INFO, destination.vs(), destination.pointer() + "/port/number", p));
        }
    }
}
