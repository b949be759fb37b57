package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * An Istio Gateway whose selector matches no gateway pod in any namespace: its servers are configured on no proxy.
 * Offline, the mesh's shared gateways run in the root namespace (istio-system): unless the inputs hold workloads
 * of that namespace, a selector matching none of the application's own workloads is unknown, not wrong.
 */
public final class GatewaySelectorMatchesNoWorkload implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0310", Severity.ERROR, Category.REFERENCE,
            "Gateway selector matches no workload").istio("IST0101").kiali("KIA0302");

    private static final JsonNode NO_SELECTOR = JsonNodeFactory.instance.objectNode();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsWorkloads() || !mesh.live() && mesh.selectWorkloads(NO_SELECTOR, MeshIndex.ROOT_NAMESPACE).isEmpty()) {
            return;
        }
        for (Resource gw : context.ofKind("Gateway")) {
            if (gw.candidate() && isIstioGateway(gw) && mesh.selectWorkloads(gw.spec().path("selector"), null).isEmpty()) {
                findings.report(INFO, gw, "/spec/selector", "selector " + Selectors.describe(gw.spec().path("selector"))
                        + " matches no gateway pod, so no proxy serves this Gateway; use the labels of your ingress gateway pods (e.g. istio=ingressgateway)");
            }
        }
    }

    static boolean isIstioGateway(Resource r) {
        return r.group().equals(MeshIndex.ISTIO_NETWORKING);
    }
}
