package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A ServiceEntry host such as "*example.com": Istio admits it with a warning, but outside DYNAMIC_DNS resolution
 * only "*" as a whole first label ("*.example.com") works as a wildcard.
 */
public final class ServiceEntryPartialWildcardHost extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0561", Severity.WARNING, Category.SCHEMA,
            "ServiceEntry host with a partial wildcard");

    public ServiceEntryPartialWildcardHost() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        if (Resolution.of(se).equals(Optional.of(Resolution.DYNAMIC_DNS))) {
            return;
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
