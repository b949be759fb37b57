package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A VirtualService bound to a Gateway that Istio generates internally for a Gateway API Gateway: such names change, bind to the Gateway API Gateway with an HTTPRoute instead. */
public final class InternalGatewayReference implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0306", Severity.WARNING, Category.REFERENCE,
            "VirtualService bound to an Istio-generated internal gateway").istio("IST0165");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        GatewayRefs.ofCandidates(context, (vs, ref) -> {
            if (ref.isInternal()) {
                findings.report(INFO, vs, ref.pointer(), "\"" + ref.written() + "\" is a Gateway Istio generates for a Gateway API Gateway;"
                        + " it is an implementation detail that may change. Reference the Gateway API Gateway (namespace/name) or use an HTTPRoute");
            }
        });
    }
}
