package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Selectors;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** Istio Gateways for the same gateway pods (same selector, or selectors that both match one pod) with servers on the same port declaring the same host (and bind): the proxy keeps only one of them. */
public final class ConflictingGateways implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0211", Severity.ERROR, Category.SEMANTIC,
            "several Gateways serve the same host and port").istio("IST0145").kiali("KIA0301");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        // selector string -> port -> gateway "ns/name" -> host -> bind (the last server of a gateway on a port wins, as in Istio)
        Map<String, Map<Long, Map<String, Map<String, String>>>> bySelector = new LinkedHashMap<>();
        Map<String, JsonNode> selectors = new HashMap<>();
        for (Resource gw : context.ofKind("Gateway")) {
            if (!GatewaySelectorMatchesNoWorkload.isIstioGateway(gw)) {
                continue;
            }
            String sel = selectorString(gw.spec().path("selector"));
            selectors.put(sel, gw.spec().path("selector"));
            for (JsonNode server : gw.spec().path("servers")) {
                Map<String, String> hosts = new HashMap<>();
                server.path("hosts").forEach(h -> hosts.put(h.asText(""), server.path("bind").asText("")));
                bySelector.computeIfAbsent(sel, k -> new HashMap<>())
                        .computeIfAbsent(server.path("port").path("number").asLong(0), k -> new LinkedHashMap<>())
                        .put(gw.namespace() + "/" + gw.name(), hosts);
            }
        }
        for (Resource gw : context.ofKind("Gateway")) {
            if (!gw.candidate() || !GatewaySelectorMatchesNoWorkload.isIstioGateway(gw)) {
                continue;
            }
            String self = gw.namespace() + "/" + gw.name();
            String sel = selectorString(gw.spec().path("selector"));
            Map<String, Map<Long, Map<String, Map<String, String>>>> sameWorkloads = new TreeMap<>();
            for (Map.Entry<String, Map<Long, Map<String, Map<String, String>>>> e : bySelector.entrySet()) {
                String other = e.getKey();
                if (other.equals(sel) || ((other.contains(sel) || sel.contains(other)) && shareAPod(mesh, gw.spec().path("selector"), selectors.get(other)))) {
                    sameWorkloads.put(other, e.getValue());
                }
            }
            JsonNode servers = gw.spec().path("servers");
            for (int i = 0; i < servers.size(); i++) {
                JsonNode server = servers.get(i);
                long port = server.path("port").path("number").asLong(0);
                String bind = server.path("bind").asText("");
                TreeSet<String> conflicting = new TreeSet<>();
                for (Map<Long, Map<String, Map<String, String>>> ports : sameWorkloads.values()) {
                    ports.getOrDefault(port, Map.of()).forEach((name, hosts) -> {
                        if (name.equals(self)) {
                            return;
                        }
                        for (JsonNode h : server.path("hosts")) {
                            if (bind.equals(hosts.get(h.asText("")))) {
                                conflicting.add(name);
                                return;
                            }
                        }
                    });
                }
                if (!conflicting.isEmpty()) {
                    findings.report(INFO, gw, "/spec/servers/" + i, "Gateways " + conflicting + " also serve hosts " + server.path("hosts")
                            + " on port " + port + " of the same gateway pods (" + (sel.isEmpty() ? "all pods" : sel)
                            + "); only one of them takes effect. Merge the servers into one Gateway or use different hosts or ports");
                }
            }
        }
    }

    /** Kubernetes' rendering of an equality selector: "key=value" pairs sorted by key, comma-separated. */
    static String selectorString(JsonNode selector) {
        TreeMap<String, String> sorted = new TreeMap<>();
        selector.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder s = new StringBuilder();
        sorted.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return s.toString();
    }

    private static boolean shareAPod(MeshIndex mesh, JsonNode a, JsonNode b) {
        for (MeshIndex.Workload w : mesh.selectWorkloads(a, null)) {
            if (Selectors.selects(b, w.labels())) {
                return true;
            }
        }
        return false;
    }}
