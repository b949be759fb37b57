package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An AuthorizationPolicy applies to no running workload of the mesh, as Istio's
 * {@code auth.AuthorizationPoliciesAnalyzer} judges it: only in-mesh Pods count (sidecar injected or ambient); a
 * policy in the root namespace with a selector may match a Pod anywhere, without a selector it always applies; a
 * namespace policy without a selector needs one in-mesh Pod in its namespace. A Deployment's (or other
 * controller's) pod template counts as its Pods. Judged only when Pods or controllers are known.
 */
public final class AuthzSelectorNoWorkload implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0351", Severity.WARNING, Category.REFERENCE,
            "AuthorizationPolicy selector matches no workload").istio("IST0127").kiali("KIA0004");

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
        Map<String, LabelIndex<Resource>> meshPods = new HashMap<>();
        LabelIndex<Resource> allMeshPods = new LabelIndex<>();
        for (List<Resource> pods : workloads.workloadsPerNamespace()) {
            for (Resource pod : pods) {
                if (workloads.inMesh(pod)) {
                    meshPods.computeIfAbsent(pod.namespace(), k -> new LabelIndex<>()).add(MeshWorkloads.labels(pod), pod);
                    allMeshPods.add(MeshWorkloads.labels(pod), pod);
                }
            }
        }
        for (Resource ap : context.ofKind("AuthorizationPolicy")) {
            if (!ap.candidate()) {
                continue;
            }
            JsonNode selector = MeshWorkloads.selector(ap);
            if (ap.namespace().equals(MeshWorkloads.ROOT_NAMESPACE)) {
                if (selector != null && !allMeshPods.anySelected(selector)) {
                    findings.report(INFO, ap, "/spec/selector", "mesh-wide policy (root namespace "
                            + MeshWorkloads.ROOT_NAMESPACE + ") selects " + describe(selector)
                            + " but no workload in the mesh has these labels; it has no effect");
                }
                continue;
            }
            LabelIndex<Resource> local = meshPods.getOrDefault(ap.namespace(), new LabelIndex<>());
            if (selector == null) {
                if (local.isEmpty()) {
                    findings.report(INFO, ap, "/metadata/namespace", "no workload of the mesh runs in namespace \""
                            + ap.namespace() + "\"; this namespace-wide policy has nothing to protect yet");
                }
            } else if (!local.anySelected(selector)) {
                findings.report(INFO, ap, "/spec/selector", "no workload of the mesh in namespace \"" + ap.namespace()
                        + "\" has the labels " + describe(selector) + "; the policy has no effect (check the labels)");
            }
        }
    }

    static String describe(JsonNode matchLabels) {
        String s = matchLabels.isObject() ? Selectors.describe(matchLabels) : "";
        return s.isEmpty() ? "every workload" : "\"" + s + "\"";
    }
}
