package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.ArrayList;
import java.util.List;

/** An exportTo list Istio refuses: an entry twice, "*" beside others, "~", or an entry that is no namespace name. */
public final class ExportTo implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0426", Severity.ERROR, Category.SCHEMA,
            "VirtualService exportTo with a duplicate, invalid or contradictory entry").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            List<String> entries = new ArrayList<>();
            for (JsonNode entry : spec.node().path("exportTo")) {
                entries.add(entry.asText(""));
            }
            for (IstioValues.EntryProblem p : IstioValues.exportTo(spec.vs().namespace(), entries, false)) {
                findings.report(INFO, spec.vs(), "/spec/exportTo" + (p.index() < 0 ? "" : "/" + p.index()), p.message()
                        + "; write \".\" for this namespace, namespace names, or \"*\" alone for every namespace");
            }
        }
    }
}
