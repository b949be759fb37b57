package dev.meshdeck.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metric alarms of one region, as CloudWatch's {@code PutMetricAlarm}, {@code DeleteAlarms} and
 * {@code DescribeAlarms} (Smithy RPCv2 CBOR, like {@link CloudWatchMetricData}) keep them. An alarm's state is
 * evaluated when it is described, over the simulated {@value SimulatedLambdaMetrics#NAMESPACE} metrics: ALARM when
 * its last {@code EvaluationPeriods} periods all breach, OK when they do not, INSUFFICIENT_DATA without datapoints.
 * Every method is synchronized: the HTTP server calls it from several threads.
 */
final class CloudWatchAlarms {

    /** An alarm as PutMetricAlarm defines it; exactly one of {@code statistic} and {@code extendedStatistic} is set. */
    record Alarm(String name, String description, String namespace, String metricName, Map<String, String> dimensions,
                 Optional<String> statistic, Optional<String> extendedStatistic, int period, int evaluationPeriods,
                 double threshold, String comparisonOperator, Instant configured) {

        Alarm {
            dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        }

        String stat() {
            return extendedStatistic.orElseGet(statistic::orElseThrow);
        }
    }

    /** Its state, since when, and the datapoints it was last evaluated on (newest first). */
    private record State(String value, String reason, Instant since, List<Double> datapoints) {
    }

    private static final List<String> OPERATORS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");

    private final Map<String, Alarm> alarms = new TreeMap<>();
    private final Map<String, State> states = new HashMap<>();

    /** The sandbox's own alarm: thumbnail-lambda's prod alias answers with a p95 above 400 ms, so it is in ALARM. */
    void seed(Instant now) {
        put(new Alarm("thumbnail-lambda-prod-p95-duration", "p95 latency of thumbnail-lambda:prod above 400 ms",
                SimulatedLambdaMetrics.NAMESPACE, "Duration",
                Map.of(SimulatedLambdaMetrics.FUNCTION_NAME, "thumbnail-lambda", SimulatedLambdaMetrics.RESOURCE, "thumbnail-lambda:prod"),
                Optional.empty(), Optional.of("p95"), 60, 1, 400, "GreaterThanThreshold", now));
    }

    synchronized void put(Alarm alarm) {
        alarms.put(alarm.name(), alarm);
        states.remove(alarm.name()); // a changed alarm is evaluated afresh
    }

    /** Handles the alarm RPCs; empty when {@code operation} is not one. */
    Optional<byte[]> call(String operation, JsonNode request, LambdaRegion region) {
        return switch (operation) {
            case "PutMetricAlarm" -> {
                put(alarm(request));
                yield Optional.of(nothing());
            }
            case "DeleteAlarms" -> {
                delete(request);
                yield Optional.of(nothing());
            }
            case "DescribeAlarms" -> Optional.of(describe(request, region, Instant.now()));
            default -> Optional.empty();
        };
    }

    /** The empty structure CloudWatch answers a write with. */
    private static byte[] nothing() {
        return CloudWatchMetricData.write(g -> {
            g.writeStartObject();
            g.writeEndObject();
        });
    }

    private synchronized void delete(JsonNode request) {
        List<String> missing = new ArrayList<>();
        request.path("AlarmNames").forEach(n -> {
            if (!alarms.containsKey(n.asText())) {
                missing.add(n.asText());
            }
        });
        if (!missing.isEmpty()) {
            // CloudWatch deletes nothing when one name is unknown
            throw new CloudWatchMetricData.Failure(404, "ResourceNotFound", "ResourceNotFound", "Alarms not found: " + missing);
        }
        request.path("AlarmNames").forEach(n -> {
            alarms.remove(n.asText());
            states.remove(n.asText());
        });
    }

    private static Alarm alarm(JsonNode request) {
        String name = required(request, "AlarmName");
        boolean simple = request.hasNonNull("Statistic");
        boolean extended = request.hasNonNull("ExtendedStatistic");
        if (simple == extended) {
            throw validation("Exactly one of Statistic and ExtendedStatistic must be given for alarm " + name + ".");
        }
        String operator = required(request, "ComparisonOperator");
        if (!OPERATORS.contains(operator)) {
            throw validation("ComparisonOperator " + operator + " is not one of " + OPERATORS + ".");
        }
        int period = request.path("Period").asInt(0);
        int evaluations = request.path("EvaluationPeriods").asInt(0);
        if (period < 10 || evaluations < 1 || !request.path("Threshold").isNumber()) {
            throw validation("Alarm " + name + " needs a Period of at least 10 s, EvaluationPeriods of at least 1 and a Threshold.");
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        request.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        return new Alarm(name, request.path("AlarmDescription").asText(""), required(request, "Namespace"),
                required(request, "MetricName"), dimensions, optional(request, "Statistic"), optional(request, "ExtendedStatistic"),
                period, evaluations, request.path("Threshold").asDouble(), operator, Instant.now());
    }

    private synchronized byte[] describe(JsonNode request, LambdaRegion region, Instant now) {
        List<String> names = new ArrayList<>();
        request.path("AlarmNames").forEach(n -> names.add(n.asText()));
        String prefix = request.path("AlarmNamePrefix").asText("");
        String stateFilter = request.path("StateValue").asText("");
        List<Alarm> selected = new ArrayList<>();
        for (Alarm alarm : alarms.values()) {
            State state = evaluate(alarm, region, now);
            if ((names.isEmpty() || names.contains(alarm.name())) && alarm.name().startsWith(prefix)
                    && (stateFilter.isEmpty() || stateFilter.equals(state.value()))) {
                selected.add(alarm);
            }
        }
        // one page: the sandbox's alarms are few
        return CloudWatchMetricData.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("MetricAlarms");
            for (Alarm alarm : selected) {
                write(g, alarm, states.get(alarm.name()), region);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("CompositeAlarms");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private State evaluate(Alarm alarm, LambdaRegion region, Instant now) {
        Optional<FunctionTraffic> fn = SimulatedLambdaMetrics.NAMESPACE.equals(alarm.namespace())
                ? Optional.ofNullable(alarm.dimensions().get(SimulatedLambdaMetrics.FUNCTION_NAME)).flatMap(region::traffic)
                : Optional.empty();
        long lastFull = Math.floorDiv(now.getEpochSecond(), alarm.period()) * alarm.period() - alarm.period();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < alarm.evaluationPeriods(); i++) {
            Instant start = Instant.ofEpochSecond(lastFull - (long) i * alarm.period());
            fn.flatMap(f -> SimulatedLambdaMetrics.value(f, alarm.dimensions(), alarm.metricName(), alarm.stat(), start, alarm.period()))
                    .ifPresent(values::add);
        }
        State next;
        if (values.isEmpty()) {
            next = new State("INSUFFICIENT_DATA", "Insufficient Data: no datapoints were received.", now, values);
        } else if (values.size() == alarm.evaluationPeriods() && values.stream().allMatch(v -> breaches(alarm, v))) {
            next = new State("ALARM", "Threshold Crossed: " + values.size() + " datapoint(s) " + values + " breached the threshold ("
                    + alarm.threshold() + ").", now, values);
        } else {
            next = new State("OK", "Threshold Crossed: datapoints " + values + " were not all breaching the threshold ("
                    + alarm.threshold() + ").", now, values);
        }
        State previous = states.get(alarm.name());
        State kept = previous != null && previous.value().equals(next.value())
                ? new State(next.value(), next.reason(), previous.since(), values) : next;
        states.put(alarm.name(), kept);
        return kept;
    }

    private static boolean breaches(Alarm alarm, double value) {
        return switch (alarm.comparisonOperator()) {
            case "GreaterThanOrEqualToThreshold" -> value >= alarm.threshold();
            case "GreaterThanThreshold" -> value > alarm.threshold();
            case "LessThanThreshold" -> value < alarm.threshold();
            default -> value <= alarm.threshold();
        };
    }

    private static void write(CBORGenerator g, Alarm alarm, State state, LambdaRegion region) throws IOException {
        g.writeStartObject();
        g.writeStringField("AlarmName", alarm.name());
        g.writeStringField("AlarmArn", "arn:aws:cloudwatch:" + region.region() + ":" + region.account() + ":alarm:" + alarm.name());
        g.writeStringField("AlarmDescription", alarm.description());
        CloudWatchMetricData.writeTimestamp(g, "AlarmConfigurationUpdatedTimestamp", alarm.configured());
        g.writeBooleanField("ActionsEnabled", true);
        g.writeStringField("StateValue", state.value());
        g.writeStringField("StateReason", state.reason());
        // as CloudWatch writes it for a metric alarm: the datapoints evaluated, newest first
        g.writeStringField("StateReasonData", CloudWatchMetricData.JSON.createObjectNode().put("version", "1.0")
                .put("statistic", alarm.stat()).put("period", alarm.period()).put("threshold", alarm.threshold())
                .set("recentDatapoints", CloudWatchMetricData.JSON.valueToTree(state.datapoints())).toString());
        CloudWatchMetricData.writeTimestamp(g, "StateUpdatedTimestamp", state.since());
        CloudWatchMetricData.writeTimestamp(g, "StateTransitionedTimestamp", state.since());
        g.writeStringField("MetricName", alarm.metricName());
        g.writeStringField("Namespace", alarm.namespace());
        if (alarm.statistic().isPresent()) {
            g.writeStringField("Statistic", alarm.statistic().get());
        } else {
            g.writeStringField("ExtendedStatistic", alarm.extendedStatistic().orElseThrow());
        }
        g.writeArrayFieldStart("Dimensions");
        for (Map.Entry<String, String> d : alarm.dimensions().entrySet()) {
            g.writeStartObject();
            g.writeStringField("Name", d.getKey());
            g.writeStringField("Value", d.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("Period", alarm.period());
        g.writeNumberField("EvaluationPeriods", alarm.evaluationPeriods());
        g.writeNumberField("Threshold", alarm.threshold());
        g.writeStringField("ComparisonOperator", alarm.comparisonOperator());
        g.writeStringField("TreatMissingData", "missing");
        g.writeEndObject();
    }

    private static String required(JsonNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw validation("The parameter " + field + " is required.");
        }
        return value;
    }

    private static Optional<String> optional(JsonNode request, String field) {
        return request.hasNonNull(field) ? Optional.of(request.path(field).asText()) : Optional.empty();
    }

    private static CloudWatchMetricData.Failure validation(String message) {
        return new CloudWatchMetricData.Failure(400, "InvalidParameterValueException", "InvalidParameterValue", message);
    }
}
