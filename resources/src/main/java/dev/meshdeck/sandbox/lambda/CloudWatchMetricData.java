package dev.meshdeck.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudWatch's {@code GetMetricData} and {@code ListMetrics} (and the alarm RPCs of {@link CloudWatchAlarms}) as SDK
 * 2.57's CloudWatch client calls them: Smithy RPCv2 CBOR, a POST to
 * {@value #PATH_PREFIX}GetMetricData with a CBOR body (timestamps as tag 1, epoch seconds). Answers the
 * {@value SimulatedLambdaMetrics#NAMESPACE} metrics of {@link SimulatedLambdaMetrics}; other namespaces have no data.
 */
final class CloudWatchMetricData {

    static final String PATH_PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    static final String CONTENT_TYPE = "application/cbor";
    /** CloudWatch's limit on datapoints in one GetMetricData answer. */
    static final int MAX_DATAPOINTS = 100_800;

    private static final CBORFactory CBOR = new CBORFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(CBOR);
    /** For the JSON documents CloudWatch nests in strings ({@code StateReasonData}). */
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPOCH_SECONDS_TAG = 1;

    private CloudWatchMetricData() {
    }

    /** Whether {@code path} is a CloudWatch RPC rather than a Lambda REST call. */
    static boolean handles(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    /** The CBOR answer to one RPC, or a {@link Failure} to report as CloudWatch reports errors. */
    static byte[] call(String path, byte[] body, LambdaRegion region) throws IOException {
        String operation = path.substring(PATH_PREFIX.length());
        JsonNode request = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        return switch (operation) {
            case "GetMetricData" -> getMetricData(request, region);
            case "ListMetrics" -> listMetrics(request, region);
            default -> region.alarms().call(operation, request, region).orElseThrow(() -> new Failure(400, "InvalidAction",
                    "InvalidAction", "The CloudWatch sandbox serves GetMetricData, ListMetrics, DescribeAlarms, PutMetricAlarm"
                            + " and DeleteAlarms only, not " + operation));
        };
    }

    /** A CloudWatch error as CBOR: {@code __type} names the shape; the query-compatible code goes in a header. */
    static byte[] error(Failure failure) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("__type", "com.amazonaws.cloudwatch#" + failure.shape());
            g.writeStringField("message", failure.getMessage());
            g.writeEndObject();
        });
    }

    /**
     * The {@value SimulatedLambdaMetrics#NAMESPACE} metrics of the region's functions, by function name, one page
     * (a real region pages at 500; the sandbox's few functions fit in one).
     */
    private static byte[] listMetrics(JsonNode request, LambdaRegion region) {
        String namespace = request.path("Namespace").asText(SimulatedLambdaMetrics.NAMESPACE);
        String name = request.path("MetricName").asText("Invocations");
        List<String> functions = SimulatedLambdaMetrics.NAMESPACE.equals(namespace)
                ? region.listFunctions(null, null).items().stream().map(FunctionConfig::name).toList() : List.of();
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Metrics");
            for (String function : functions) {
                g.writeStartObject();
                g.writeStringField("Namespace", namespace);
                g.writeStringField("MetricName", name);
                g.writeArrayFieldStart("Dimensions");
                g.writeStartObject();
                g.writeStringField("Name", "FunctionName");
                g.writeStringField("Value", function);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static byte[] getMetricData(JsonNode request, LambdaRegion region) {
        Instant start = instant(request, "StartTime");
        Instant end = instant(request, "EndTime");
        if (!start.isBefore(end)) {
            throw Failure.invalidParameter("The parameter StartTime must be less than the parameter EndTime.");
        }
        boolean ascending = "TimestampAscending".equals(request.path("ScanBy").asText());
        List<Result> results = new ArrayList<>();
        int datapoints = 0;
        for (JsonNode query : request.path("MetricDataQueries")) {
            Result result = series(query, start, end, ascending, region);
            datapoints += result.timestamps().size();
            results.add(result);
        }
        if (datapoints > MAX_DATAPOINTS) {
            throw Failure.invalidParameter("The request asks for " + datapoints + " datapoints; GetMetricData answers"
                    + " at most " + MAX_DATAPOINTS + ". Use a longer Period or a shorter time range.");
        }
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("MetricDataResults");
            for (Result r : results) {
                g.writeStartObject();
                g.writeStringField("Id", r.id());
                g.writeStringField("Label", r.label());
                g.writeArrayFieldStart("Timestamps");
                for (Instant t : r.timestamps()) {
                    writeTimestamp(g, t);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("Values");
                for (double v : r.values()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
                g.writeStringField("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("Messages");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static Result series(JsonNode query, Instant start, Instant end, boolean ascending, LambdaRegion region) {
        String id = query.path("Id").asText("");
        if (!id.matches("[a-z][a-zA-Z0-9_]*")) {
            throw Failure.invalidParameter("The value " + id + " for parameter MetricDataQueries.member.Id is invalid:"
                    + " it must start with a lowercase letter and hold only letters, digits and underscores.");
        }
        if (query.hasNonNull("Expression")) {
            throw Failure.invalidParameter("Query " + id + " is a metric math expression; the CloudWatch sandbox"
                    + " answers MetricStat queries only.");
        }
        JsonNode stat = query.path("MetricStat");
        JsonNode metric = stat.path("Metric");
        int period = stat.path("Period").asInt(0);
        if (!(period > 0 && period % 60 == 0 || List.of(1, 5, 10, 20, 30).contains(period))) {
            throw Failure.invalidParameter("The parameter MetricDataQueries.member." + id + ".MetricStat.Period must"
                    + " be 1, 5, 10, 20, 30 or a multiple of 60, got " + period + ".");
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        metric.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        String name = metric.path("MetricName").asText("");
        String label = query.path("Label").asText(name);
        Optional<FunctionTraffic> fn = SimulatedLambdaMetrics.NAMESPACE.equals(metric.path("Namespace").asText())
                ? Optional.ofNullable(dimensions.get(SimulatedLambdaMetrics.FUNCTION_NAME)).flatMap(region::traffic)
                : Optional.empty();
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        long first = Math.floorDiv(start.getEpochSecond(), period) * period;
        for (long t = first; t < end.getEpochSecond(); t += period) {
            Instant bucket = Instant.ofEpochSecond(t);
            Optional<Double> value = fn.flatMap(f -> SimulatedLambdaMetrics.value(f, dimensions, name,
                    stat.path("Stat").asText(""), bucket, period));
            if (value.isPresent()) {
                timestamps.add(ascending ? timestamps.size() : 0, bucket);
                values.add(ascending ? values.size() : 0, value.get());
            }
        }
        return new Result(id, label, timestamps, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Instant instant(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isNumber()) {
            throw Failure.invalidParameter("The parameter " + field + " is required.");
        }
        return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
    }

    /** A timestamp as Smithy RPCv2 CBOR has it: tag 1, epoch seconds. */
    static void writeTimestamp(CBORGenerator g, String field, Instant t) throws IOException {
        g.writeFieldName(field);
        writeTimestamp(g, t);
    }

    private static void writeTimestamp(CBORGenerator g, Instant t) throws IOException {
        g.writeTag(EPOCH_SECONDS_TAG);
        g.writeNumber(t.toEpochMilli() / 1000.0);
    }

    static byte[] write(CborWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = CBOR.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a CloudWatch answer", e);
        }
        return out.toByteArray();
    }

    interface CborWriter {
        void write(CBORGenerator generator) throws IOException;
    }

    private record Result(String id, String label, List<Instant> timestamps, double[] values) {
    }

    /**
     * A CloudWatch error: HTTP status, the error shape's name and the AWS query code its clients knew it by
     * (CloudWatch is query-compatible: the SDK reads that code from {@code x-amzn-query-error}).
     */
    static final class Failure extends RuntimeException {
        private final int status;
        private final String shape;
        private final String queryCode;

        Failure(int status, String shape, String queryCode, String message) {
            super(message);
            this.status = status;
            this.shape = shape;
            this.queryCode = queryCode;
        }

        static Failure invalidParameter(String message) {
            return new Failure(400, "InvalidParameterValueException", "InvalidParameterValue", message);
        }

        int status() {
            return status;
        }

        String shape() {
            return shape;
        }

        String queryErrorHeader() {
            return queryCode + ";Sender";
        }
    }
}
