package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.workloads.Age;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "pods",
        mixinStandardHelpOptions = true,
        description = {
            "The pods that run a function, like `kubectl get pods -l ...` but found as MeshDeck finds the function:",
            "per version, each with readiness, restarts, why it last stopped, node, IP, age and sidecar version;",
            "then the Endpoints of its Services: which pods get traffic (ready) and which are held back (not ready)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:the function was not found or its context cannot be read",
            "2:usage error"})
final class PodsCommand extends KubeFunctionCommand {

    @Override
    String render(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
        List<FunctionPod> pods = new ArrayList<>(sources.kube().podsOf(fn.id()));
        pods.sort(Comparator.comparing(FunctionPod::version).thenComparing(FunctionPod::name));
        List<ServiceEndpoints> endpoints = sources.kube().endpointsOf(fn.id());
        Instant now = Instant.now();
        if (json) {
            ObjectNode out = JSON.createObjectNode();
            out.set("pods", json(pods, now));
            out.set("endpoints", json(endpoints));
            return JSON.writeValueAsString(out) + "\n";
        }
        return table(pods, now) + (endpoints.isEmpty() ? "" : "\nendpoints:\n" + String.join("", endpoints.stream()
                .map(e -> "  " + e.describe() + "\n").toList()));
    }

    private static ArrayNode json(List<ServiceEndpoints> endpoints) {
        ArrayNode array = JSON.createArrayNode();
        for (ServiceEndpoints e : endpoints) {
            ObjectNode o = array.addObject().put("namespace", e.namespace()).put("service", e.service());
            json(o.putArray("ready"), e.ready());
            json(o.putArray("notReady"), e.notReady());
        }
        return array;
    }

    private static void json(ArrayNode into, List<ServiceEndpoints.Address> addresses) {
        for (ServiceEndpoints.Address a : addresses) {
            ObjectNode o = into.addObject().put("ip", a.ip()).put("pod", a.pod());
            a.ports().forEach(o.putArray("ports")::add);
        }
    }

    private static String table(List<FunctionPod> pods, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "VERSION", "READY", "STATUS", "RESTARTS", "AGE", "NODE", "IP", "SIDECAR"});
        for (FunctionPod p : pods) {
            rows.add(new String[]{p.name(), p.version().isEmpty() ? "-" : p.version(),
                p.readyContainers() + "/" + p.containers(), p.reason().isEmpty() ? p.phase() : p.reason(),
                String.valueOf(p.restarts()), p.age(now).map(Age::of).orElse("-"),
                p.node().isEmpty() ? "-" : p.node(), p.ip().isEmpty() ? "-" : p.ip(), p.sidecarVersion().orElse("-")});
        }
        return TextTable.render(rows);
    }

    private static ArrayNode json(List<FunctionPod> pods, Instant now) {
        ArrayNode array = JSON.createArrayNode();
        for (FunctionPod p : pods) {
            ObjectNode o = array.addObject().put("namespace", p.namespace()).put("name", p.name())
                    .put("version", p.version()).put("phase", p.phase()).put("ready", p.ready())
                    .put("readyContainers", p.readyContainers()).put("containers", p.containers())
                    .put("restarts", p.restarts()).put("reason", p.reason()).put("node", p.node()).put("ip", p.ip());
            p.started().ifPresent(s -> o.put("started", s.toString()));
            p.age(now).ifPresent(a -> o.put("age", a.toString()));
            p.sidecarVersion().ifPresent(v -> o.put("sidecarVersion", v));
        }
        return array;
    }
}
