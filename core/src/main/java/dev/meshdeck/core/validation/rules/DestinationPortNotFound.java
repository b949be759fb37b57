package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A destination port that the destination Service or ServiceEntry does not expose. */
public final class DestinationPortNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0301", Severity.ERROR, Category.REFERENCE,
            "route destination port not exposed by the destination service").istio("IST0101");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        RouteDestinations.ofCandidates(context, (vs, d) -> {
            JsonNode port = d.destination().path("port").path("number");
            if (d.host().isEmpty() || !port.isNumber()) {
                return;
            }
            MeshIndex.ServiceHost target = mesh.lookup(vs.namespace(), vs.spec().path("exportTo"), d.host());
            if (target != null && !target.ports().contains(port.asLong())) {
                findings.report(INFO, vs, d.pointer() + "/port/number", "port " + port.asLong() + " is not a port of " + d.host()
                        + " (" + target.source().kind() + " " + target.source().ref().namespace() + "/" + target.source().name() + " exposes "
                        + (target.ports().isEmpty() ? "no ports" : target.ports()) + "); use one of its ports");
            }
        });
    }
}
