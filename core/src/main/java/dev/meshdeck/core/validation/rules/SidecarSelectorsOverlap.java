package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two Sidecars whose workloadSelectors both match one workload: Istio applies only one of them (the oldest), so the
 * other's settings silently do not apply to that workload (Kiali's multi-match check, KIA0003).
 */
public final class SidecarSelectorsOverlap implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0362", Severity.ERROR, Category.REFERENCE,
            "several Sidecars select the same workload").kiali("KIA0003");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        Map<MeshIndex.Workload, List<Resource>> sidecarsOf = new IdentityHashMap<>();
        for (Resource sidecar : context.ofKind("Sidecar")) {
            JsonNode selector = Sidecars.selector(sidecar);
            if (Sidecars.isIstioSidecar(sidecar) && selector != null) {
                for (MeshIndex.Workload w : mesh.selectWorkloads(selector, sidecar.namespace())) {
                    sidecarsOf.computeIfAbsent(w, k -> new ArrayList<>()).add(sidecar);
                }
            }
        }
        Map<Resource, Set<String>> clashes = new IdentityHashMap<>();
        Map<Resource, Set<String>> workloads = new IdentityHashMap<>();
        sidecarsOf.forEach((w, sidecars) -> {
            if (sidecars.size() < 2) {
                return;
            }
            for (Resource sidecar : sidecars) {
                for (Resource other : sidecars) {
                    if (other != sidecar) {
                        clashes.computeIfAbsent(sidecar, k -> new LinkedHashSet<>()).add(other.name());
                    }
                }
                workloads.computeIfAbsent(sidecar, k -> new LinkedHashSet<>()).add(w.source().kind() + " " + w.source().name());
            }
        });
        for (Resource sidecar : context.ofKind("Sidecar")) {
            if (clashes.containsKey(sidecar)) {
                findings.report(INFO, sidecar, Sidecars.SELECTOR_POINTER, "Sidecar " + String.join(", ", clashes.get(sidecar))
                        + " also selects " + String.join(", ", workloads.get(sidecar)) + "; Istio applies only one Sidecar per "
                        + "workload, so the other's settings are ignored. Make the selectors disjoint");
            }
        }
    }
}
