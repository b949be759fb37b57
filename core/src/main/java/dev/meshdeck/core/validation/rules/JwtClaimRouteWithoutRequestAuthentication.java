package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Selectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A gateway VirtualService that routes on JWT claims (@request.auth.claims.*) while no RequestAuthentication applies to the gateway's pods: the claims are never extracted, so the match never succeeds. */
public final class JwtClaimRouteWithoutRequestAuthentication implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0307", Severity.ERROR, Category.REFERENCE,
            "JWT claim routing on a gateway without RequestAuthentication").istio("IST0149");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsWorkloads() || !(context.live() || context.knows("RequestAuthentication"))) {
            return;
        }
        Map<String, List<JsonNode>> selectorsByNamespace = new HashMap<>();
        for (Resource ra : context.ofKind("RequestAuthentication")) {
            selectorsByNamespace.computeIfAbsent(ra.namespace(), n -> new ArrayList<>())
                    .add(ra.spec().path("selector").path("matchLabels"));
        }
        for (Resource vs : context.ofKind("VirtualService")) {
            String claim = vs.candidate() ? claimKey(vs) : null;
            if (claim == null) {
                continue;
            }
            for (GatewayRefs ref : GatewayRefs.of(vs)) {
                Resource gateway = ref.isMesh() ? null : mesh.istioGateway(ref.fullName());
                if (gateway == null) {
                    continue;
                }
                List<String> uncovered = new ArrayList<>();
                for (MeshIndex.Workload pod : mesh.selectWorkloads(gateway.spec().path("selector"), null)) {
                    if (!covered(pod, selectorsByNamespace)) {
                        uncovered.add(pod.namespace() + "/" + pod.source().name());
                    }
                }
                if (!uncovered.isEmpty()) {
                    findings.report(INFO, vs, ref.pointer(), "routes on JWT claim \"" + claim + "\" through gateway " + ref.fullName()
                            + ", but no RequestAuthentication applies to its pods " + uncovered
                            + "; the claim is never available and the match never succeeds. Add a RequestAuthentication selecting the gateway pods (in istio-system or their namespace)");
                }
            }
        }
    }

    static final String CLAIM_PREFIX = "@request.auth.claims";

    private static String claimKey(Resource vs) {
        for (JsonNode rule : vs.spec().path("http")) {
            for (JsonNode match : rule.path("match")) {
                for (String field : List.of("headers", "withoutHeaders")) {
                    var names = match.path(field).fieldNames();
                    while (names.hasNext()) {
                        String key = names.next();
                        if (key.startsWith(CLAIM_PREFIX)) {
                            return key;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean covered(MeshIndex.Workload pod, Map<String, List<JsonNode>> selectorsByNamespace) {
        List<JsonNode> selectors = new ArrayList<>(selectorsByNamespace.getOrDefault("istio-system", List.of()));
        if (!pod.namespace().equals("istio-system")) {
            selectors.addAll(selectorsByNamespace.getOrDefault(pod.namespace(), List.of()));
        }
        for (JsonNode s : selectors) {
            if (Selectors.selects(s, pod.labels())) {
                return true;
            }
        }
        return false;
    }
}
