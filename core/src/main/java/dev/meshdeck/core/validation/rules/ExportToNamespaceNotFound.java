package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;
import java.util.Set;

/**
 * A VirtualService, DestinationRule or ServiceEntry exports itself to a namespace that does not exist ("." and "*"
 * aside): nothing there sees it (Kiali's ExportToNamespaceChecker, KIA0005). Judged only when namespaces are known:
 * live, or Namespace objects among the inputs.
 */
public final class ExportToNamespaceNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0366", Severity.ERROR, Category.REFERENCE,
            "exportTo names a namespace that does not exist").kiali("KIA0005");

    private static final List<String> KINDS = List.of("VirtualService", "DestinationRule", "ServiceEntry");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("Namespace")) {
            return;
        }
        Set<String> namespaces = context.namespaces();
        for (String kind : KINDS) {
            for (Resource r : context.ofKind(kind)) {
                if (!r.candidate() || !r.group().equals(MeshIndex.ISTIO_NETWORKING)) {
                    continue;
                }
                JsonNode exportTo = r.spec().path("exportTo");
                for (int i = 0; i < exportTo.size(); i++) {
                    String ns = exportTo.get(i).asText("");
                    if (!ns.equals(".") && !ns.equals("*") && !namespaces.contains(ns)) {
                        findings.report(INFO, r, "/spec/exportTo/" + i, "namespace \"" + ns + "\" does not exist, so this "
                                + kind + " is exported to nobody there; fix the name, or use \".\" (own namespace) or \"*\"");
                    }
                }
            }
        }
    }
}
