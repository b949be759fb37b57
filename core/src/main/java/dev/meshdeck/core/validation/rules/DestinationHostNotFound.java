package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A route or mirror destination whose host is no Service, Knative Service or ServiceEntry visible from the VirtualService's namespace (exportTo and the networking.istio.io/exportTo annotation respected): Envoy has no cluster for it and answers 503. */
public final class DestinationHostNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0300", Severity.ERROR, Category.REFERENCE,
            "route destination host not found in the service registry").istio("IST0101").kiali("KIA1101");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        RouteDestinations.ofCandidates(context, (vs, d) -> {
            String host = d.host();
            if (host.isEmpty()) {
                findings.report(INFO, vs, d.pointer(), "this destination has no host, so the route goes nowhere; set destination.host to a Service or ServiceEntry host");
                return;
            }
            if (!mesh.canJudgeHost(host, vs.namespace())) {
                return;
            }
            if (mesh.lookup(vs.namespace(), vs.spec().path("exportTo"), host) == null) {
                findings.report(INFO, vs, d.pointer() + "/host", "host \"" + host + "\" is not a Service, Knative Service or ServiceEntry visible from namespace \""
                        + vs.namespace() + "\"; requests routed here fail with 503. Check the spelling, the namespace (use name.namespace.svc.cluster.local across namespaces) and the exportTo of the target");
            }
        });
    }
}
