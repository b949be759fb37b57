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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A DestinationRule exportTo istiod rejects: an entry that is not ".", "*" or a namespace, one listed twice, "*"
 * with others, or, on a DestinationRule with a workloadSelector, any namespace but its own (the selected workloads
 * live there).
 */
public final class ExportTo implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0520", Severity.ERROR, Category.SCHEMA,
            "DestinationRule exportTo invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : DestinationRules.candidates(context)) {
            List<String> entries = new ArrayList<>();
            dr.spec().path("exportTo").forEach(e -> entries.add(e.asText("")));
            if (entries.isEmpty()) {
                continue;
            }
            List<IstioValues.EntryProblem> problems = IstioValues.exportTo(dr.namespace(), entries, false);
            problems.forEach(p -> findings.report(INFO, dr, "/spec/exportTo" + (p.index() < 0 ? "" : "/" + p.index()),
                    p.message()));
            if (problems.isEmpty() && DestinationRules.isSet(dr.spec(), "workloadSelector")) {
                selectorScope(dr, entries, findings);
            }
        }
    }

    private static void selectorScope(Resource dr, List<String> entries, Findings findings) {
        Set<String> namespaces = new LinkedHashSet<>();
        entries.forEach(e -> namespaces.add(e.equals(".") ? dr.namespace() : e));
        if (!namespaces.contains(dr.namespace())) {
            findings.report(INFO, dr, "/spec/exportTo", "destination rule with workload selector cannot have exportTo "
                    + "beyond current namespace: the workloads it selects are in " + dr.namespace() + "; use \".\"");
        } else if (namespaces.size() > 1) {
            findings.report(INFO, dr, "/spec/exportTo", "destination rule with workload selector cannot have multiple "
                    + "entries in exportTo: keep only \".\"");
        }
    }
}
