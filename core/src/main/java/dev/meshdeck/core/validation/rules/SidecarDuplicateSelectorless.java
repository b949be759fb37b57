package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.NamespaceGroups;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;
import java.util.stream.Collectors;

/**
 * More than one Sidecar without workloadSelector in a namespace: Istio documents the result as undefined, so which
 * egress and ingress settings the namespace's proxies get is left to chance (Kiali's multi-match check, KIA0002).
 */
public final class SidecarDuplicateSelectorless implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0361", Severity.ERROR, Category.REFERENCE,
            "more than one selector-less Sidecar in a namespace").kiali("KIA0002");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        List<Resource> selectorless = context.ofKind("Sidecar").stream()
                .filter(s -> Sidecars.isIstioSidecar(s) && Sidecars.selector(s) == null).toList();
        NamespaceGroups.forEachClash(selectorless, (sidecar, others) -> findings.report(INFO, sidecar, "/metadata/name",
                "Sidecar " + others.stream().map(Resource::name).collect(Collectors.joining(", ")) + " also has no workloadSelector in namespace \""
                        + sidecar.namespace() + "\"; Istio leaves undefined which one its proxies use. Keep one namespace-wide "
                        + "Sidecar and give the others a workloadSelector"));
    }
}
