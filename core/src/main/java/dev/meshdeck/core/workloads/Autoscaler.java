package dev.meshdeck.core.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HorizontalPodAutoscaler ({@code autoscaling/v2}) that scales a workload, as {@code kubectl get hpa} shows it.
 *
 * @param name        the HPA's own name (not always the Deployment's)
 * @param minReplicas empty when the HPA leaves it to the API server's default (1)
 * @param metrics     what it scales on, each with its target
 */
public record Autoscaler(String name, Optional<Integer> minReplicas, int maxReplicas, List<Metric> metrics) {

    public Autoscaler {
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric: a resource's ("cpu", "memory") or a pods/object/external metric's name, and its target.
     *
     * @param type   Resource, ContainerResource, Pods, Object or External
     * @param target Utilization (a percentage), AverageValue or Value
     * @param value  the target's number: the percentage, or the quantity as written
     */
    public record Metric(String type, String name, String target, String value) {

        /** "cpu 70%", "requests_per_second 100 (average)". */
        public String display() {
            return name + " " + switch (target) {
                case "Utilization" -> value + "%";
                case "AverageValue" -> value + " (average)";
                default -> value;
            };
        }
    }

    /** The average CPU utilization it keeps, when it scales on one. */
    public Optional<Integer> cpuPercent() {
        return metrics.stream().filter(m -> m.type().equals("Resource") && m.name().equals("cpu") && m.target().equals("Utilization"))
                .findFirst().map(m -> Integer.valueOf(m.value()));
    }

    /** Whether {@code hpa} (an autoscaling/v2 object) scales the Deployment {@code deployment} of its namespace. */
    public static boolean scales(JsonNode hpa, String deployment) {
        JsonNode ref = hpa.path("spec").path("scaleTargetRef");
        return ref.path("kind").asText().equals("Deployment") && ref.path("name").asText().equals(deployment);
    }

    /** An autoscaling/v2 HorizontalPodAutoscaler as read. */
    public static Autoscaler of(JsonNode hpa) {
        JsonNode spec = hpa.path("spec");
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : spec.path("metrics")) {
            String type = m.path("type").asText();
            JsonNode source = m.path(Character.toLowerCase(type.charAt(0)) + type.substring(1));
            String name = source.has("name") ? source.path("name").asText() : source.path("metric").path("name").asText();
            JsonNode target = source.path("target");
            String targetType = target.path("type").asText();
            String value = switch (targetType) {
                case "Utilization" -> target.path("averageUtilization").asText();
                case "AverageValue" -> target.path("averageValue").asText();
                default -> target.path("value").asText();
            };
            metrics.add(new Metric(type, name, targetType, value));
        }
        return new Autoscaler(hpa.path("metadata").path("name").asText(),
                spec.has("minReplicas") ? Optional.of(spec.path("minReplicas").asInt()) : Optional.empty(),
                spec.path("maxReplicas").asInt(), metrics);
    }

    /** "HPA payment-function: 2 to 10 replicas on cpu 70%, memory 80%". */
    public String display() {
        return "HPA " + name + ": " + minReplicas.orElse(1) + " to " + maxReplicas + " replicas"
                + (metrics.isEmpty() ? "" : " on " + String.join(", ", metrics.stream().map(Metric::display).toList()));
    }
}
