package dev.meshdeck.core.validation.rules.webhook.exportto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.HashSet;
import java.util.Set;

/**
 * The exportTo list of a VirtualService, DestinationRule or ServiceEntry as Istio's webhook judges it
 * (validateExportTo): each entry ".", "*" or a namespace name, listed once ("." is the object's own namespace);
 * "*" alone; "~" (visible to no one) only on a ServiceEntry and alone; a DestinationRule with a workload selector
 * exported to its own namespace only.
 */
public final class ExportToEntries extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0575", Severity.ERROR, Category.SCHEMA,
            "exportTo entry invalid, repeated or contradicting another").istio("IST0106");

    private static final String OWN = ".";
    private static final String ALL = "*";
    private static final String NONE = "~";

    public ExportToEntries() {
        super(INFO, "VirtualService", "DestinationRule", "ServiceEntry");
    }

    @Override
    protected void check(Resource r, Findings findings) {
        JsonNode exportTo = r.spec().path("exportTo");
        if (exportTo.size() > 0) {
            judge(r, exportTo, findings);
        }
    }

    private static void judge(Resource r, JsonNode exportTo, Findings findings) {
        boolean serviceEntry = r.kind().equals("ServiceEntry");
        // an object read without a namespace: "." stands for whichever namespace it is applied to
        String namespace = r.namespace().isEmpty() ? OWN : r.namespace();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < exportTo.size(); i++) {
            String entry = exportTo.get(i).asText("");
            String key = entry.equals(OWN) ? namespace : entry;
            String at = "/spec/exportTo/" + i;
            if (seen.contains(key)) {
                findings.report(INFO, r, at, key.equals(namespace) ? "this object's own namespace \"" + namespace
                        + "\" is listed twice in exportTo (\".\" means the same): list it once"
                        : "\"" + entry + "\" is listed twice in exportTo");
            } else if (entry.equals(NONE) && !serviceEntry) {
                findings.report(INFO, r, at, "exportTo \"~\" (visible to no one) is allowed only on a ServiceEntry");
            } else if (!key.equals(ALL) && !key.equals(OWN) && !key.equals(NONE) && !IstioValues.isDns1123Label(key)) {
                findings.report(INFO, r, at, "exportTo entry \"" + entry + "\" must be \".\" (this namespace), "
                        + "\"*\" (all namespaces) or a namespace name");
            } else {
                seen.add(key);
            }
        }
        if (r.kind().equals("DestinationRule") && r.spec().path("workloadSelector").isObject() && !seen.isEmpty()) {
            if (!seen.contains(namespace)) {
                findings.report(INFO, r, "/spec/exportTo", "a DestinationRule with a workload selector cannot be "
                        + "exported beyond its own namespace: use exportTo: [\".\"]");
            } else if (seen.size() > 1) {
                findings.report(INFO, r, "/spec/exportTo", "a DestinationRule with a workload selector can be "
                        + "exported to its own namespace only: use exportTo: [\".\"]");
            }
        }
        if (seen.contains(ALL) && exportTo.size() > 1) {
            findings.report(INFO, r, "/spec/exportTo", "\"*\" already exports to all namespaces: it cannot be "
                    + "combined with other entries");
        }
        if (seen.contains(NONE) && exportTo.size() > 1) {
            findings.report(INFO, r, "/spec/exportTo", "\"~\" exports the ServiceEntry to no one: it cannot be "
                    + "combined with other entries");
        }
    }
}
