package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.monitoring.FunctionMonitoring;
import dev.meshdeck.core.monitoring.FunctionSeries;
import dev.meshdeck.core.monitoring.SeriesSelector;
import dev.meshdeck.core.workloads.FunctionPod;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "monitors",
        mixinStandardHelpOptions = true,
        description = {
            "How a function is monitored: the ServiceMonitors and PodMonitors that scrape its Services or Pods (their",
            "selector and namespaceSelector against its objects), and the PrometheusRules whose rules select its series",
            "(label matchers on destination_service / destination_workload that its own values satisfy, read from the",
            "PromQL parse tree; or the function/namespace labels of `slo set`'s rules)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:the function was not found or its context cannot be read",
            "2:usage error"})
final class MonitorsCommand extends KubeFunctionCommand {

    private static final String GROUP_VERSION = "monitoring.coreos.com/v1";

    @Override
    String render(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
        List<MeshResource> resources = sources.catalog().resourcesOf(fn.id());
        FunctionSeries series = SloSetCommand.series(fn, resources);
        List<JsonNode> targets = new ArrayList<>();
        FunctionMonitoring monitoring;
        try (KubernetesClient client = sources.kubeconfigs().newClient(((SourceRef.KubeContext) fn.source()).context())) {
            // the function's own Services, as its series name them (name.namespace.svc.cluster.local), with their labels now
            for (String host : series.services()) {
                String[] parts = host.split("\\.");
                Service service = client.services().inNamespace(parts[1]).withName(parts[0]).get();
                if (service != null) {
                    targets.add(Serialization.jsonMapper().valueToTree(service));
                }
            }
            for (FunctionPod p : sources.kube().podsOf(fn.id())) {
                Pod pod = client.pods().inNamespace(p.namespace()).withName(p.name()).get();
                if (pod != null) {
                    targets.add(Serialization.jsonMapper().valueToTree(pod));
                }
            }
            List<JsonNode> monitors = new ArrayList<>(list(client, "ServiceMonitor"));
            monitors.addAll(list(client, "PodMonitor"));
            monitoring = FunctionMonitoring.of(series, targets, monitors, list(client, "PrometheusRule"));
        }
        return json ? JSON.writeValueAsString(json(fn, monitoring)) + "\n" : table(monitoring);
    }

    /** Every object of a kind of the Prometheus Operator; none where its CRD is not installed. */
    private static List<JsonNode> list(KubernetesClient client, String kind) {
        try {
            List<JsonNode> all = new ArrayList<>();
            for (GenericKubernetesResource r : client.genericKubernetesResources(GROUP_VERSION, kind).inAnyNamespace().list().getItems()) {
                all.add(Serialization.jsonMapper().valueToTree(r));
            }
            return all;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static String table(FunctionMonitoring m) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "NAMESPACE/NAME", "WHAT", "OF THE FUNCTION"});
        for (FunctionMonitoring.Monitor monitor : m.monitors()) {
            rows.add(new String[] {monitor.kind(), monitor.namespace() + "/" + monitor.name(), "scrapes",
                String.join(", ", monitor.targets())});
        }
        for (FunctionMonitoring.Rule rule : m.rules()) {
            rows.add(new String[] {"PrometheusRule", rule.namespace() + "/" + rule.resource(),
                (rule.alerting() ? "alert " : "record ") + rule.name(),
                String.join(", ", rule.selectors().stream().map(SeriesSelector::text).toList())});
        }
        return rows.size() == 1 ? "No ServiceMonitor, PodMonitor or PrometheusRule is about this function.\n" : TextTable.render(rows);
    }

    private static ObjectNode json(ServerlessFunction fn, FunctionMonitoring m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("function", fn.namespace() + "/" + fn.name());
        ArrayNode monitors = root.putArray("monitors");
        for (FunctionMonitoring.Monitor monitor : m.monitors()) {
            ObjectNode o = monitors.addObject().put("kind", monitor.kind()).put("namespace", monitor.namespace()).put("name", monitor.name());
            monitor.targets().forEach(o.putArray("targets")::add);
        }
        ArrayNode rules = root.putArray("rules");
        for (FunctionMonitoring.Rule rule : m.rules()) {
            ObjectNode o = rules.addObject().put("namespace", rule.namespace()).put("prometheusRule", rule.resource())
                    .put("group", rule.group()).put(rule.alerting() ? "alert" : "record", rule.name());
            rule.selectors().forEach(s -> o.withArray("selectors").add(s.text()));
        }
        return root;
    }
}
