package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A VirtualService bound to a Gateway (in spec.gateways or in an http match's gateways; written "namespace/name",
 * "name" in its own namespace, or the legacy "name.namespace[.svc.cluster.local]") that exists neither as an Istio
 * Gateway nor as a Gateway API Gateway.
 */
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
        for (Resource vs : context.ofKind("VirtualService")) {
            if (!vs.candidate()) {
                continue;
            }
            for (GatewayRefs ref : GatewayRefs.of(vs)) {
                if (missing(mesh, ref)) {
                    findings.report(INFO, vs, ref.pointer(), "gateway \"" + ref.written() + "\" (" + ref.fullName()
                            + ") does not exist, so this VirtualService receives no traffic from it; create the Gateway or fix the reference (namespace/name)");
                }
            }
            for (GatewayRefs ref : GatewayRefs.inMatches(vs)) {
                if (missing(mesh, ref)) {
                    findings.report(INFO, vs, ref.pointer(), "gateway \"" + ref.written() + "\" (" + ref.fullName()
                            + ") does not exist, so this match never applies; create the Gateway or fix the reference (namespace/name)");
                }
            }
        }
    }

    private static boolean missing(MeshIndex mesh, GatewayRefs ref) {
        return !ref.isMesh() && !ref.isInternal()
                && mesh.istioGateway(ref.fullName()) == null && mesh.kubernetesGateway(ref.fullName()) == null;
    }
}
