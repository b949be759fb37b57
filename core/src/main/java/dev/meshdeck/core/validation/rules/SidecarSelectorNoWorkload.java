package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A Sidecar whose workloadSelector matches no workload (Pod, or pod template of a Deployment-like or Knative Service)
 * of its own namespace, the only one it can apply to (Kiali's WorkloadSelectorNoWorkloadFoundChecker, KIA0004).
 */
public final class SidecarSelectorNoWorkload implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0360", Severity.WARNING, Category.REFERENCE,
            "Sidecar workloadSelector matches no workload").kiali("KIA0004");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsWorkloads()) {
            return;
        }
        for (Resource sidecar : context.ofKind("Sidecar")) {
            JsonNode selector = Sidecars.selector(sidecar);
            if (sidecar.candidate() && Sidecars.isIstioSidecar(sidecar) && selector != null
                    && mesh.selectWorkloads(selector, sidecar.namespace()).isEmpty()) {
                findings.report(INFO, sidecar, Sidecars.SELECTOR_POINTER, "no workload in namespace \"" + sidecar.namespace()
                        + "\" has the labels " + Selectors.describe(selector) + ", so this Sidecar configures no proxy; "
                        + "use the pod labels of the workload (a Sidecar only applies in its own namespace)");
            }
        }
    }
}
