package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A Sidecar in the root namespace with a workloadSelector: the mesh-wide default Sidecar is the selector-less one
 * there, and a selector confines this one to the root namespace's own workloads, which is rarely what was meant
 * (Kiali's GlobalChecker, KIA1006).
 */
public final class SidecarSelectorInRootNamespace implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0250", Severity.WARNING, Category.SEMANTIC,
            "root-namespace Sidecar has a workloadSelector: it is not the mesh-wide default").kiali("KIA1006");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource sidecar : context.ofKind("Sidecar", MeshIndex.ROOT_NAMESPACE)) {
            if (sidecar.candidate() && Sidecars.isIstioSidecar(sidecar) && Sidecars.selector(sidecar) != null) {
                findings.report(INFO, sidecar, Sidecars.SELECTOR_POINTER, "a Sidecar in the root namespace "
                        + MeshIndex.ROOT_NAMESPACE + " is the mesh-wide default only without a workloadSelector; with one it "
                        + "applies just to matching workloads of " + MeshIndex.ROOT_NAMESPACE + ". Remove the selector, or move "
                        + "the Sidecar to the namespace of the workloads it is for");
            }
        }
    }
}
