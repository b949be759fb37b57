package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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
import java.util.stream.Collectors;

/**
 * An AuthorizationPolicy, PeerAuthentication or RequestAuthentication applies to workloads none of whose Pods
 * runs a sidecar (no {@code istio-proxy} container, no {@code sidecar.istio.io/status} annotation) nor is
 * captured by ambient: these policies are enforced by the receiving proxy, so they have no effect. Typical for
 * a function deployed into a namespace without injection. Judged only when Pods are known; policies matching no
 * Pod at all are left to MD0351/MD0353, mesh-wide ones (root namespace, no selector) are not judged.
 */
public final class PolicyWithoutSidecar implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0359", Severity.WARNING, Category.REFERENCE,
            "mesh policy targets workloads without a sidecar");

    private static final List<String> KINDS = List.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication");

    /** The pods when none of them is under mesh control, else an empty list (nothing to report). */
    private static List<Resource> withoutSidecar(List<Resource> pods) {
        return pods.stream().anyMatch(p -> MeshWorkloads.hasSidecar(p) || MeshWorkloads.ambient(p)) ? List.of() : pods;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("Pod")) {
            return;
        }
        Map<String, LabelIndex<Resource>> pods = new HashMap<>();
        for (Resource pod : context.ofKind("Pod")) {
            pods.computeIfAbsent(pod.namespace(), k -> new LabelIndex<>()).add(MeshWorkloads.labels(pod), pod);
        }
        Map<String, List<Resource>> namespaceVerdicts = new HashMap<>();
        for (String kind : KINDS) {
            for (Resource policy : context.ofKind(kind)) {
                JsonNode selector = MeshWorkloads.selector(policy);
                if (!policy.candidate() || (selector == null && policy.namespace().equals(MeshWorkloads.ROOT_NAMESPACE))) {
                    continue;
                }
                LabelIndex<Resource> local = pods.get(policy.namespace());
                List<Resource> selected;
                if (local == null) {
                    selected = List.of();
                } else if (selector == null) {
                    selected = namespaceVerdicts.computeIfAbsent(policy.namespace(),
                            ns -> withoutSidecar(local.selected(MissingNode.getInstance())));
                } else {
                    selected = withoutSidecar(local.selected(selector));
                }
                if (selected.isEmpty()) {
                    continue;
                }
                String names = selected.stream().limit(3).map(Resource::name).collect(Collectors.joining(", "))
                        + (selected.size() > 3 ? " and " + (selected.size() - 3) + " more" : "");
                findings.report(INFO, policy, selector == null ? "/metadata/namespace" : "/spec/selector",
                        kind + " has no effect without a sidecar: the Pods it applies to (" + names + ") run no "
                                + "istio-proxy. Enable injection (label the namespace istio-injection=enabled or the "
                                + "pods sidecar.istio.io/inject=\"true\") and restart them");
            }
        }
    }
}
