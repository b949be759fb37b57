package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * The host of a DestinationRule is not a valid host name (Istio's ValidateWildcardDomain): istiod rejects the
 * object. A missing host is the schema's finding (MD0102).
 */
public final class DestinationRuleHost implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0500", Severity.ERROR, Category.SCHEMA,
            "DestinationRule host is not a valid host name").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : DestinationRules.candidates(context)) {
            String host = dr.spec().path("host").asText("");
            if (!host.isEmpty()) {
                IstioValues.wildcardDomain(host).ifPresent(problem -> findings.report(INFO, dr, "/spec/host",
                        "spec.host: " + problem + "; Istio rejects the DestinationRule. Write a service name such as "
                                + "reviews, reviews.prod.svc.cluster.local or *.example.com"));
            }
        }
    }
}
