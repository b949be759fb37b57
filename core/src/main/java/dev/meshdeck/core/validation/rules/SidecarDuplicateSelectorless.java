package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, List<Resource>> byNamespace = new LinkedHashMap<>();
        for (Resource sidecar : context.ofKind("Sidecar")) {
            if (Sidecars.isIstioSidecar(sidecar) && Sidecars.selector(sidecar) == null) {
                byNamespace.computeIfAbsent(sidecar.namespace(), k -> new ArrayList<>()).add(sidecar);
            }
        }
        for (List<Resource> group : byNamespace.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Resource sidecar : group) {
                String others = group.stream().filter(o -> o != sidecar).map(Resource::name).collect(Collectors.joining(", "));
                findings.report(INFO, sidecar, "/metadata/name", "Sidecar " + others + " also has no workloadSelector in namespace \""
                        + sidecar.namespace() + "\"; Istio leaves undefined which one its proxies use. Keep one namespace-wide "
                        + "Sidecar and give the others a workloadSelector");
            }
        }
    }
}
