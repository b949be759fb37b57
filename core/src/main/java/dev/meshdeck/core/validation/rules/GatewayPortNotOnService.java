package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Selectors;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** An Istio Gateway server port that no Service of the selected gateway pods exposes, as port or as targetPort (Istio accepts either): clients cannot reach that listener through the Service. */
public final class GatewayPortNotOnService implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0311", Severity.WARNING, Category.REFERENCE,
            "Gateway port not forwarded by the gateway Service").istio("IST0162");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsWorkloads() || !mesh.knowsKubernetesServices()) {
            return;
        }
        for (Resource gw : context.ofKind("Gateway")) {
            if (!gw.candidate() || !GatewaySelectorMatchesNoWorkload.isIstioGateway(gw)) {
                continue;
            }
            List<MeshIndex.Workload> pods = mesh.selectWorkloads(gw.spec().path("selector"), null);
            if (pods.isEmpty()) {
                continue;
            }
            Set<Long> reachable = new TreeSet<>();
            for (MeshIndex.Workload pod : pods) {
                for (Resource svc : mesh.servicesSelecting(pod)) {
                    for (JsonNode port : svc.spec().path("ports")) {
                        if (port.path("protocol").asText("TCP").equals("TCP")) {
                            reachable.add(port.path("port").asLong());
                            reachable.add(targetPort(port, pod));
                        }
                    }
                }
            }
            JsonNode servers = gw.spec().path("servers");
            for (int i = 0; i < servers.size(); i++) {
                JsonNode number = servers.get(i).path("port").path("number");
                if (number.isNumber() && !reachable.contains(number.asLong())) {
                    findings.report(INFO, gw, "/spec/servers/" + i + "/port/number", "the gateway pods (" + Selectors.describe(gw.spec().path("selector"))
                            + ") listen on port " + number.asLong() + ", but no Service of theirs exposes it (ports and target ports " + reachable
                            + "); add a Service port with targetPort " + number.asLong() + " or use one of those ports");
                }
            }
        }
    }

    /** The pod port a Service port forwards to: a numeric targetPort, a named one resolved on the pod's containers, else the port. */
    private static long targetPort(JsonNode port, MeshIndex.Workload pod) {
        JsonNode target = port.path("targetPort");
        if (target.isNumber() && target.asLong() != 0) {
            return target.asLong();
        }
        if (target.isTextual() && !target.asText().isEmpty()) {
            if (target.asText().chars().allMatch(Character::isDigit)) {
                return Long.parseLong(target.asText());
            }
            for (JsonNode container : pod.containers()) {
                for (JsonNode cp : container.path("ports")) {
                    if (cp.path("name").asText("").equals(target.asText())) {
                        return cp.path("containerPort").asLong();
                    }
                }
            }
        }
        return port.path("port").asLong();
    }
}
