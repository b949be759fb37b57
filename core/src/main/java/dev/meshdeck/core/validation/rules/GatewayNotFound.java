package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A VirtualService bound to a Gateway ("name" in its own namespace or "namespace/name") that exists neither as an Istio Gateway nor as a Gateway API Gateway. */
public final class GatewayNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0304", Severity.ERROR, Category.REFERENCE,
            "VirtualService gateway not found").istio("IST0101").kiali("KIA1102");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsGateways()) {
            return;
        }
        GatewayRefs.ofCandidates(context, (vs, ref) -> {
            if (ref.isMesh() || ref.isInternal()) {
                return;
            }
            if (mesh.istioGateway(ref.fullName()) == null && mesh.kubernetesGateway(ref.fullName()) == null) {
                findings.report(INFO, vs, ref.pointer(), "gateway \"" + ref.written() + "\" (" + ref.fullName()
                        + ") does not exist, so this VirtualService receives no traffic from it; create the Gateway or fix the reference (namespace/name)");
            }
        });
    }
}
