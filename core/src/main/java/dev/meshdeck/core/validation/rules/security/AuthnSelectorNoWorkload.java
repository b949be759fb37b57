package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PeerAuthentication or RequestAuthentication selector matches no Pod of its namespace (or, in the root
 * namespace, of the mesh): Kiali's SelectorNoWorkloadFoundChecker (KIA0004); istioctl checks this only for
 * AuthorizationPolicies (IST0127, see {@link AuthzSelectorNoWorkload}). A Deployment's (or other controller's)
 * pod template counts as its Pods. Judged only when Pods or controllers are known.
 */
public final class AuthnSelectorNoWorkload implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0353", Severity.WARNING, Category.REFERENCE,
            "PeerAuthentication/RequestAuthentication selector matches no workload").kiali("KIA0004");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshWorkloads workloads = MeshWorkloads.of(context);
        if (!workloads.knowsWorkloads()) {
            return;
        }
        Map<String, LabelIndex<Resource>> podsByNamespace = new HashMap<>();
        LabelIndex<Resource> allPods = new LabelIndex<>();
        for (List<Resource> pods : workloads.workloadsPerNamespace()) {
            for (Resource pod : pods) {
                podsByNamespace.computeIfAbsent(pod.namespace(), k -> new LabelIndex<>()).add(MeshWorkloads.labels(pod), pod);
                allPods.add(MeshWorkloads.labels(pod), pod);
            }
        }
        for (String kind : List.of("PeerAuthentication", "RequestAuthentication")) {
            for (Resource policy : context.ofKind(kind)) {
                JsonNode selector = MeshWorkloads.selector(policy);
                if (!policy.candidate() || selector == null || !selector.isObject() || selector.isEmpty()) {
                    continue;
                }
                boolean root = policy.namespace().equals(MeshWorkloads.ROOT_NAMESPACE);
                LabelIndex<Resource> pods = root ? allPods
                        : podsByNamespace.getOrDefault(policy.namespace(), new LabelIndex<>());
                if (!pods.anySelected(selector)) {
                    findings.report(INFO, policy, "/spec/selector/matchLabels", "no workload "
                            + (root ? "in the mesh" : "in namespace \"" + policy.namespace() + "\"") + " has the labels "
                            + AuthzSelectorNoWorkload.describe(selector) + "; this " + kind + " has no effect");
                }
            }
        }
    }
}
