package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A canary plan as the objects an in-cluster controller runs it from: a Flagger {@code Canary}, or an Argo Rollouts
 * {@code Rollout} with its {@code AnalysisTemplate}. What a controller cannot express is named in {@link Export#notes}
 * rather than dropped silently; what it cannot run at all is refused.
 */
public final class ControllerExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Istio's Prometheus as its standard install names it, for Argo's AnalysisTemplate queries. */
    static final String PROMETHEUS = "http://prometheus.istio-system:9090";

    private ControllerExport() {
    }

    /** The function's traffic as the controller must find it. */
    public enum Kind { ISTIO_HOSTS, ISTIO_SUBSETS, KNATIVE, LAMBDA }

    /**
     * @param name       the function (its Deployment or Knative Service)
     * @param virtualService the VirtualService carrying the split (Istio), else null
     * @param stable     the stable version's host or subset (Istio)
     * @param candidate  the candidate's host or subset (Istio)
     * @param port       the Service port the mesh routes to
     */
    public record Target(Kind kind, String namespace, String name, String virtualService, String stable, String candidate,
                         int port) {
    }

    /** The objects, and what of the plan they could not carry. */
    public record Export(List<ObjectNode> objects, List<String> notes) {
    }

    public static Export flagger(CanaryPlan plan, Target target) {
        if (target.kind() == Kind.LAMBDA) {
            throw new IllegalArgumentException("Flagger does not run Lambda canaries; CodeDeploy's Linear or Canary"
                    + " deployment configurations do");
        }
        if (plan.latency() != null && plan.latency().percentile() != LatencyLimit.Percentile.P99) {
            throw new IllegalArgumentException("Flagger's built-in request-duration check is a p99; export a plan with --p99");
        }
        List<String> notes = new ArrayList<>(commonNotes(plan));
        if (!plan.pauseBefore().isEmpty()) {
            notes.add("manual gates before " + plan.pauseBefore() + "% are not exported: Flagger gates the whole rollout"
                    + " (a confirm-rollout webhook), not single steps");
        }
        ObjectNode canary = JSON.createObjectNode();
        canary.put("apiVersion", "flagger.app/v1beta1");
        canary.put("kind", "Canary");
        canary.putObject("metadata").put("name", target.name()).put("namespace", target.namespace());
        ObjectNode spec = canary.putObject("spec");
        if (target.kind() == Kind.KNATIVE) {
            spec.put("provider", "knative");
            spec.putObject("targetRef").put("apiVersion", "serving.knative.dev/v1").put("kind", "Service").put("name", target.name());
        } else {
            spec.put("provider", "istio");
            spec.putObject("targetRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", target.name());
            spec.putObject("service").put("port", target.port());
        }
        ObjectNode analysis = spec.putObject("analysis");
        analysis.put("interval", duration(plan.interval()));
        analysis.put("threshold", plan.threshold());
        plan.steps().forEach(analysis.putArray("stepWeights")::add);
        ArrayNode metrics = analysis.putArray("metrics");
        metrics.addObject().put("name", "request-success-rate").put("interval", duration(plan.interval()))
                .putObject("thresholdRange").put("min", plan.minSuccessRatePercent());
        if (plan.latency() != null) {
            metrics.addObject().put("name", "request-duration").put("interval", duration(plan.interval()))
                    .putObject("thresholdRange").put("max", plan.latency().maxMillis());
        }
        if (plan.confirmPromotion()) {
            analysis.putArray("webhooks").addObject().put("name", "confirm-promotion").put("type", "confirm-promotion")
                    .put("url", "http://flagger-loadtester." + target.namespace() + "/gate/check");
            notes.add("the promotion waits on flagger-loadtester's gate: open it with its /gate/open endpoint");
        }
        return new Export(List.of(canary), notes);
    }

    public static Export argo(CanaryPlan plan, Target target) {
        if (target.kind() == Kind.LAMBDA || target.kind() == Kind.KNATIVE) {
            throw new IllegalArgumentException("Argo Rollouts drives Deployments behind Istio; export a "
                    + (target.kind() == Kind.KNATIVE ? "Knative canary as --format flagger" : "Lambda canary to CodeDeploy"));
        }
        String template = target.name() + "-canary";
        ObjectNode analysisTemplate = JSON.createObjectNode();
        analysisTemplate.put("apiVersion", "argoproj.io/v1alpha1");
        analysisTemplate.put("kind", "AnalysisTemplate");
        analysisTemplate.putObject("metadata").put("name", template).put("namespace", target.namespace());
        ArrayNode metrics = analysisTemplate.putObject("spec").putArray("metrics");
        String selector = "reporter=\"destination\",destination_service_namespace=\"" + target.namespace()
                + "\",destination_service_name=\"" + target.name() + "\"";
        String window = "[" + duration(plan.interval()) + "]";
        metric(metrics, "success-rate", plan, "result[0] >= " + plan.minSuccessRatePercent() / 100,
                "sum(irate(istio_requests_total{" + selector + ",response_code!~\"5.*\"}" + window + ")) / sum(irate("
                        + "istio_requests_total{" + selector + "}" + window + "))");
        if (plan.latency() != null) {
            metric(metrics, "request-duration", plan, "result[0] <= " + plan.latency().maxMillis(),
                    "histogram_quantile(" + plan.latency().percentile().quantile() + ", sum(irate("
                            + "istio_request_duration_milliseconds_bucket{" + selector + "}" + window + ")) by (le))");
        }
        ObjectNode rollout = JSON.createObjectNode();
        rollout.put("apiVersion", "argoproj.io/v1alpha1");
        rollout.put("kind", "Rollout");
        rollout.putObject("metadata").put("name", target.name()).put("namespace", target.namespace());
        ObjectNode spec = rollout.putObject("spec");
        spec.putObject("workloadRef").put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", target.name());
        ObjectNode canary = spec.putObject("strategy").putObject("canary");
        ObjectNode istio = canary.putObject("trafficRouting").putObject("istio");
        istio.putObject("virtualService").put("name", target.virtualService());
        if (target.kind() == Kind.ISTIO_SUBSETS) {
            istio.putObject("destinationRule").put("name", target.name()).put("canarySubsetName", target.candidate())
                    .put("stableSubsetName", target.stable());
        } else {
            canary.put("canaryService", target.candidate());
            canary.put("stableService", target.stable());
        }
        canary.putObject("analysis").put("startingStep", 0).putArray("templates").addObject().put("templateName", template);
        ArrayNode steps = canary.putArray("steps");
        for (int weight : plan.steps()) {
            if (plan.pauseBefore().contains(weight)) {
                steps.addObject().putObject("pause");
            }
            steps.addObject().put("setWeight", weight);
            steps.addObject().putObject("pause").put("duration", duration(plan.interval()));
        }
        if (plan.confirmPromotion()) {
            steps.addObject().putObject("pause");
        }
        return new Export(List.of(rollout, analysisTemplate), commonNotes(plan));
    }

    private static void metric(ArrayNode metrics, String name, CanaryPlan plan, String condition, String query) {
        ObjectNode m = metrics.addObject();
        m.put("name", name);
        m.put("interval", duration(plan.interval()));
        m.put("successCondition", condition);
        // Argo aborts once failures exceed failureLimit; MeshDeck and Flagger once they reach the threshold
        m.put("failureLimit", plan.threshold() - 1);
        m.putObject("provider").putObject("prometheus").put("address", PROMETHEUS).put("query", query);
    }

    private static List<String> commonNotes(CanaryPlan plan) {
        List<String> notes = new ArrayList<>();
        notes.add("the minimum of " + plan.minRequests() + " requests per interval is not exported: the controller"
                + " judges whatever traffic there is");
        if (plan.stableTolerancePercent() != null) {
            notes.add("the comparison with the stable version (--vs-stable) is not exported");
        }
        return notes;
    }

    /** The plan a Flagger Canary runs, read back (what it cannot carry comes back as MeshDeck's defaults). */
    public static CanaryPlan planOfFlagger(JsonNode canary) {
        JsonNode analysis = canary.at("/spec/analysis");
        List<Integer> steps = new ArrayList<>();
        if (analysis.has("stepWeights")) {
            analysis.get("stepWeights").forEach(w -> steps.add(w.asInt()));
        } else {
            steps.addAll(CanaryPlan.linearSteps(analysis.path("stepWeight").asInt(), analysis.path("maxWeight").asInt(50)));
        }
        double successRate = CanaryPlan.DEFAULT_SUCCESS_RATE;
        LatencyLimit latency = null;
        for (JsonNode metric : analysis.path("metrics")) {
            switch (metric.path("name").asText()) {
                case "request-success-rate" -> successRate = metric.at("/thresholdRange/min").asDouble();
                case "request-duration" -> latency = new LatencyLimit(LatencyLimit.Percentile.P99,
                        Duration.ofNanos(Math.round(metric.at("/thresholdRange/max").asDouble() * 1e6)));
                default -> throw new IllegalArgumentException("metric " + metric.path("name").asText()
                        + " is not one of Flagger's built-in checks MeshDeck reads");
            }
        }
        boolean confirm = false;
        for (JsonNode hook : analysis.path("webhooks")) {
            confirm |= hook.path("type").asText().equals("confirm-promotion");
        }
        return new CanaryPlan(steps, parse(analysis.path("interval").asText()), successRate, latency, null,
                CanaryPlan.DEFAULT_MIN_REQUESTS, analysis.path("threshold").asInt(CanaryPlan.DEFAULT_THRESHOLD), Set.of(), confirm);
    }

    /** The plan an Argo Rollout and its AnalysisTemplate run, read back. */
    public static CanaryPlan planOfArgo(JsonNode rollout, JsonNode template) {
        List<Integer> steps = new ArrayList<>();
        Set<Integer> gates = new HashSet<>();
        Duration interval = null;
        boolean gatePending = false;
        boolean openPauseLast = false;
        for (JsonNode step : rollout.at("/spec/strategy/canary/steps")) {
            if (step.has("setWeight")) {
                steps.add(step.get("setWeight").asInt());
                if (gatePending) {
                    gates.add(step.get("setWeight").asInt());
                }
                gatePending = false;
                openPauseLast = false;
            } else if (step.path("pause").has("duration")) {
                interval = parse(step.at("/pause/duration").asText());
            } else if (step.has("pause")) {
                gatePending = true;
                openPauseLast = true;
            }
        }
        double successRate = CanaryPlan.DEFAULT_SUCCESS_RATE;
        LatencyLimit latency = null;
        int failureLimit = CanaryPlan.DEFAULT_THRESHOLD - 1;
        for (JsonNode metric : template.at("/spec/metrics")) {
            String bound = metric.path("successCondition").asText().replaceAll("^result\\[0\\] [<>]= ", "");
            failureLimit = metric.path("failureLimit").asInt(failureLimit);
            if (metric.path("name").asText().equals("success-rate")) {
                successRate = Double.parseDouble(bound) * 100;
            } else {
                String query = metric.at("/provider/prometheus/query").asText();
                LatencyLimit.Percentile percentile = query.startsWith("histogram_quantile(0.95")
                        ? LatencyLimit.Percentile.P95 : LatencyLimit.Percentile.P99;
                latency = new LatencyLimit(percentile, Duration.ofNanos(Math.round(Double.parseDouble(bound) * 1e6)));
            }
        }
        return new CanaryPlan(steps, interval, successRate, latency, null, CanaryPlan.DEFAULT_MIN_REQUESTS, failureLimit + 1,
                gates, openPauseLast);
    }

    /** "1m", "10s", "90s": the shortest way Flagger and Argo both read. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private static Duration parse(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }
}
