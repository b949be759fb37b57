package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A destination without a port, to a service that exposes several: Istio cannot tell which port to use. */
public final class DestinationPortRequired implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0303", Severity.ERROR, Category.REFERENCE,
            "route destination needs a port: the service exposes several").istio("IST0112");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        RouteDestinations.ofCandidates(context, (vs, d) -> {
            if (d.host().isEmpty() || d.destination().has("port")) {
                return;
            }
            MeshIndex.ServiceHost target = mesh.lookup(vs.namespace(), vs.spec().path("exportTo"), d.host());
            if (target != null && target.ports().size() > 1) {
                findings.report(INFO, vs, d.pointer(), "\"" + d.host() + "\" exposes several ports " + target.ports()
                        + "; add destination.port.number to say which one this route uses");
            }
        });
    }
}
