package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Istio Gateways for overlapping gateway pods whose servers use the same certificate (credentialName, or serverCertificate and privateKey): clients reusing an HTTP/2 connection across the hosts get 404s. */
public final class DuplicateGatewayCertificate implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0212", Severity.WARNING, Category.SEMANTIC,
            "several Gateways share one certificate").istio("IST0138");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Map<String, List<Server>> byCertificate = new HashMap<>();
        for (Resource gw : context.ofKind("Gateway")) {
            if (!GatewaySelectorMatchesNoWorkload.isIstioGateway(gw)) {
                continue;
            }
            JsonNode servers = gw.spec().path("servers");
            for (int i = 0; i < servers.size(); i++) {
                String key = certificateKey(servers.get(i).path("tls"));
                if (key != null) {
                    byCertificate.computeIfAbsent(key, k -> new ArrayList<>()).add(new Server(gw, i));
                }
            }
        }
        for (List<Server> sharing : byCertificate.values()) {
            for (Server current : sharing) {
                if (!current.gateway().candidate()) {
                    continue;
                }
                JsonNode selector = current.gateway().spec().path("selector");
                java.util.Set<Resource> named = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (Server other : sharing) {
                    if (other.gateway() != current.gateway() && subset(selector, other.gateway().spec().path("selector"))
                            && named.add(other.gateway())) {
                        findings.report(INFO, current.gateway(), "/spec/servers/" + current.index() + "/tls", "Gateway "
                                + other.gateway().namespace() + "/" + other.gateway().name() + " uses the same certificate on the same gateway pods;"
                                + " browsers reusing an HTTP/2 connection for the other host get 404. Use one Gateway server with both hosts, or distinct certificates");
                    }
                }
            }
        }
    }

    private record Server(Resource gateway, int index) {
    }

    /** Istio's haveSameCertificate as a key: the credentialName, or the certificate and key files when both are set. */
    private static String certificateKey(JsonNode tls) {
        if (!tls.isObject()) {
            return null;
        }
        String credential = tls.path("credentialName").asText("");
        if (!credential.isEmpty()) {
            return "credential:" + credential;
        }
        String cert = tls.path("serverCertificate").asText("");
        String key = tls.path("privateKey").asText("");
        return cert.isEmpty() || key.isEmpty() ? null : "files:" + cert + "\u0000" + key;
    }

    /** Whether every label of {@code x} is in {@code y} with the same value (an empty {@code x} is in everything). */
    private static boolean subset(JsonNode x, JsonNode y) {
        var it = x.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!y.path(e.getKey()).isTextual() || !y.path(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
