package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** Several VirtualServices bound to the mesh (sidecars) that define the same host for the same namespaces (exportTo respected): only one of them is applied, which one is undefined. */
public final class ConflictingMeshVirtualServices implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0204", Severity.ERROR, Category.SEMANTIC,
            "several mesh VirtualServices define the same host").istio("IST0109").kiali("KIA1106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        // scope ("*" or a namespace) + "/" + FQDN -> the VirtualServices defining it, as Istio's ConflictingMeshGatewayHostsAnalyzer.
        Map<String, Set<Resource>> byScopedHost = new LinkedHashMap<>();
        Map<String, Set<Resource>> exportedToAll = new LinkedHashMap<>();
        for (Resource vs : context.ofKind("VirtualService")) {
            if (!GatewayRefs.boundToMesh(vs)) {
                continue;
            }
            for (String scope : scopes(vs)) {
                for (JsonNode h : vs.spec().path("hosts")) {
                    String fqdn = Hosts.qualify(h.asText(""), vs.namespace());
                    byScopedHost.computeIfAbsent(scope + "/" + fqdn, k -> new LinkedHashSet<>()).add(vs);
                    if (scope.equals("*")) {
                        exportedToAll.computeIfAbsent(fqdn, k -> new LinkedHashSet<>()).add(vs);
                    }
                }
            }
        }
        Set<Resource> reported = new HashSet<>();
        for (Map.Entry<String, Set<Resource>> e : byScopedHost.entrySet()) {
            String scope = e.getKey().substring(0, e.getKey().indexOf('/'));
            String fqdn = e.getKey().substring(scope.length() + 1);
            Set<Resource> conflicting = new LinkedHashSet<>(e.getValue());
            if (!scope.equals("*")) {
                conflicting.addAll(exportedToAllMatching(fqdn, exportedToAll));
            }
            if (conflicting.size() < 2) {
                continue;
            }
            List<String> names = new ArrayList<>();
            conflicting.forEach(vs -> names.add(vs.namespace() + "/" + vs.name()));
            for (Resource vs : conflicting) {
                if (reported.add(vs)) {
                    findings.report(INFO, vs, "/spec/hosts", "VirtualServices " + names + " all define host \"" + fqdn
                            + "\" for the mesh; sidecars apply only one of them, which one is undefined. Merge them into a single VirtualService");
                }
            }
        }
    }

    private static List<String> scopes(Resource vs) {
        JsonNode exportTo = vs.spec().path("exportTo");
        List<String> scopes = new ArrayList<>();
        if (!exportTo.isArray() || exportTo.isEmpty()) {
            return List.of("*");
        }
        for (JsonNode e : exportTo) {
            String s = e.asText("");
            if (s.equals("*")) {
                return List.of("*");
            }
            String scope = s.equals(".") ? vs.namespace() : s;
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** VirtualServices exported to all namespaces whose host overlaps {@code fqdn}: exact, or a wildcard suffix of it. */
    private static Set<Resource> exportedToAllMatching(String fqdn, Map<String, Set<Resource>> exportedToAll) {
        Set<Resource> out = new LinkedHashSet<>();
        if (fqdn.startsWith("*")) {
            exportedToAll.forEach((host, list) -> {
                if (Hosts.overlap(fqdn, host)) {
                    out.addAll(list);
                }
            });
            return out;
        }
        out.addAll(exportedToAll.getOrDefault(fqdn, Set.of()));
        out.addAll(exportedToAll.getOrDefault("*", Set.of()));
        for (int dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) {
            out.addAll(exportedToAll.getOrDefault("*" + fqdn.substring(dot), Set.of()));
        }
        return out;
    }
}
