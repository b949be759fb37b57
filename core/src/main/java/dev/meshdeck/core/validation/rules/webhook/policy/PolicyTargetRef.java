package dev.meshdeck.core.validation.rules.webhook.policy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code targetRef} or {@code targetRefs} entry Istio's webhook refuses (validatePolicyTargetReference): without
 * a name, with a namespace (policies cannot reach across namespaces), or to something other than a Service,
 * ServiceEntry, Gateway or GatewayClass.
 */
public final class PolicyTargetRef implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0602", Severity.ERROR, Category.SCHEMA,
            "policy targetRef without name, across namespaces or to an unsupported kind").istio("IST0106");

    /** group/kind pairs a policy may attach to; the core group is written "" or "core". */
    private static final Set<String> ALLOWED = Set.of("core/Service", "networking.istio.io/ServiceEntry",
            "gateway.networking.k8s.io/Gateway", "gateway.networking.k8s.io/GatewayClass");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, PolicyNode.TARGETING_KINDS)) {
            List<PolicyNode> refs = new ArrayList<>(spec.field("targetRefs").items());
            if (spec.field("targetRef").present()) {
                refs.add(0, spec.field("targetRef"));
            }
            for (PolicyNode ref : refs) {
                if (ref.field("name").text().isEmpty()) {
                    findings.report(INFO, spec.resource(), ref.pointer(), "targetRef name must be set: name the "
                            + ref.field("kind").text() + " this policy attaches to");
                }
                if (!ref.field("namespace").text().isEmpty()) {
                    findings.report(INFO, spec.resource(), ref.field("namespace").pointer(), "targetRef namespace must "
                            + "not be set; cross namespace referencing is not supported: create the policy in namespace \""
                            + ref.field("namespace").text() + "\" instead");
                }
                String group = ref.field("group").text().isEmpty() ? "core" : ref.field("group").text();
                if (!ALLOWED.contains(group + "/" + ref.field("kind").text())) {
                    findings.report(INFO, spec.resource(), ref.pointer(), "targetRef must be to a Service (group \"\"), "
                            + "ServiceEntry (networking.istio.io), Gateway or GatewayClass (gateway.networking.k8s.io) but was "
                            + ref.field("group").text() + "/" + ref.field("kind").text());
                }
            }
        }
    }
}
