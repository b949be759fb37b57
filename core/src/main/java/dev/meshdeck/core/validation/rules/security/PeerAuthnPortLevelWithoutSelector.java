package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * {@code portLevelMtls} on a PeerAuthentication without a workload selector: Istio's validation rejects it
 * ("mesh/namespace peer authentication cannot have port level mTLS"), because ports only mean something for a
 * concrete workload.
 */
public final class PeerAuthnPortLevelWithoutSelector implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0220", Severity.ERROR, Category.SEMANTIC,
            "PeerAuthentication portLevelMtls without a workload selector").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource pa : context.ofKind("PeerAuthentication")) {
            JsonNode ports = pa.spec().path("portLevelMtls");
            JsonNode selector = MeshWorkloads.selector(pa);
            boolean emptySelector = selector == null || !selector.isObject() || selector.isEmpty();
            if (pa.candidate() && ports.isObject() && !ports.isEmpty() && emptySelector) {
                findings.report(INFO, pa, "/spec/portLevelMtls", "mesh/namespace peer authentication cannot have port "
                        + "level mTLS (Istio rejects it): add selector.matchLabels for the workload whose ports "
                        + String.join(", ", (Iterable<String>) ports::fieldNames) + " you mean, or drop portLevelMtls");
            }
        }
    }
}
