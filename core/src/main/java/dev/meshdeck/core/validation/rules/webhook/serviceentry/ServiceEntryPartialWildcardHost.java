package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import java.util.Optional;

/**
 * A ServiceEntry host such as "*example.com": Istio admits it with a warning, but outside DYNAMIC_DNS resolution
 * only "*" as a whole first label ("*.example.com") works as a wildcard.
 */
public final class ServiceEntryPartialWildcardHost implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0561", Severity.WARNING, Category.SCHEMA,
            "ServiceEntry host with a partial wildcard");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource se : context.ofKind("ServiceEntry")) {
            if (Resolution.of(se).equals(Optional.of(Resolution.DYNAMIC_DNS))) {
                continue;
            }
            JsonNode hosts = se.spec().path("hosts");
            for (int i = 0; i < hosts.size(); i++) {
                String host = hosts.get(i).asText("");
                int index = i;
                IstioValues.partialWildcard(host).ifPresent(problem -> findings.report(INFO, se, "/spec/hosts/" + index,
                        problem + ": a wildcard must be a whole first label, such as *.example.com"));
            }
        }
    }
}
