package dev.meshdeck.sandbox.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * CloudWatch Logs' {@code FilterLogEvents} as the AWS SDK calls it: AWS JSON 1.1, a POST to {@code /} with
 * {@code X-Amz-Target: Logs_20140328.FilterLogEvents}. A function's group {@code /aws/lambda/NAME} holds what the
 * Lambda runtime writes per invocation (START, a line of the handler, END, REPORT; an error line at the version's
 * error ratio), made up from the simulated traffic of each executed version, one log stream per version. Busy
 * functions are sampled (at most {@value #MAX_PER_SECOND} invocations logged per version and second); history goes
 * back an hour; {@code filterPattern} is matched as plain terms, each of which must appear.
 */
final class CloudWatchLogEvents {

    static final String TARGET_PREFIX = "Logs_20140328.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String GROUP_PREFIX = "/aws/lambda/";
    private static final int MAX_PER_SECOND = 3;
    private static final int PAGE = 1000;
    private static final long KEPT_MILLIS = 3_600_000L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An error CloudWatch Logs answers with ({@code __type} names the exception). */
    static final class Failure extends RuntimeException {
        final int status;
        final String type;

        Failure(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        byte[] body() {
            return JSON.createObjectNode().put("__type", type).put("message", getMessage()).toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private record Event(String stream, long timestamp, String message) {
    }

    private CloudWatchLogEvents() {
    }

    static byte[] call(String target, byte[] body, LambdaRegion region, Instant now) throws IOException {
        if (!(TARGET_PREFIX + "FilterLogEvents").equals(target)) {
            throw new Failure(400, "UnknownOperationException", "The CloudWatch Logs sandbox serves FilterLogEvents "
                    + "only, not " + target.substring(Math.min(target.length(), TARGET_PREFIX.length())));
        }
        JsonNode request = JSON.readTree(body);
        String group = request.path("logGroupName").asText(request.path("logGroupIdentifier").asText(""));
        if (!group.startsWith(GROUP_PREFIX)) {
            throw new Failure(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        FunctionTraffic fn = region.traffic(group.substring(GROUP_PREFIX.length()))
                .orElseThrow(() -> new Failure(400, "ResourceNotFoundException", "The specified log group does not exist."));
        long end = Math.min(now.toEpochMilli(), request.path("endTime").asLong(now.toEpochMilli()));
        long start = Math.max(now.toEpochMilli() - KEPT_MILLIS, request.path("startTime").asLong(0));
        long after = request.hasNonNull("nextToken") ? Long.parseLong(request.get("nextToken").asText()) : Long.MIN_VALUE;
        int limit = Math.min(PAGE, request.path("limit").asInt(PAGE));
        List<String> terms = List.of(request.path("filterPattern").asText("").trim().split("\\s+"));
        List<Event> events = new ArrayList<>();
        for (Event e : events(fn, start, end)) {
            if (e.timestamp() > after && terms.stream().allMatch(t -> t.isEmpty() || e.message().contains(t))) {
                events.add(e);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode out = answer.putArray("events");
        events.stream().limit(limit).forEach(e -> out.addObject().put("logStreamName", e.stream())
                .put("timestamp", e.timestamp()).put("ingestionTime", e.timestamp() + 180).put("message", e.message())
                .put("eventId", e.timestamp() + "-" + Integer.toHexString(e.message().hashCode())));
        if (events.size() > limit) {
            answer.put("nextToken", String.valueOf(events.get(limit - 1).timestamp()));
        }
        answer.putArray("searchedLogStreams");
        return JSON.writeValueAsBytes(answer);
    }

    /** What the runtime wrote in [start, end), oldest first. */
    private static List<Event> events(FunctionTraffic fn, long start, long end) {
        String name = fn.latest().name();
        List<Event> events = new ArrayList<>();
        for (Map.Entry<String, Double> rate : SimulatedLambdaMetrics.perSecondByVersion(fn).entrySet()) {
            String version = rate.getKey();
            double errors = SimulatedLambdaMetrics.errorRatioOf(fn, version);
            double p95 = SimulatedLambdaMetrics.p95MillisOf(fn, version);
            for (long second = start / 1000; second * 1000 < end; second++) {
                SplittableRandom random = new SplittableRandom(name.hashCode() * 1_000_003L + version.hashCode() * 31L + second);
                double perSecond = Math.min(MAX_PER_SECOND, rate.getValue());
                int n = (int) perSecond + (random.nextDouble() < perSecond - (int) perSecond ? 1 : 0);
                String stream = DAY.format(Instant.ofEpochSecond(second)) + "/[" + version + "]"
                        + Long.toHexString(name.hashCode() * 31L + version.hashCode()).replace("-", "");
                for (int i = 0; i < n; i++) {
                    long at = second * 1000 + random.nextInt(1000);
                    double millis = Math.max(1, p95 * (0.3 + 0.6 * random.nextDouble()));
                    boolean failed = random.nextDouble() < errors;
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    long doneAt = at + (long) millis;
                    if (at < start || doneAt >= end) {
                        continue;
                    }
                    events.add(new Event(stream, at, "START RequestId: " + id + " Version: " + version + "\n"));
                    events.add(new Event(stream, at + 1, failed
                            ? at(at + 1) + "\t" + id + "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":"
                            + "\"downstream call failed: 503 Service Unavailable\"}\n"
                            : at(at + 1) + "\t" + id + "\tINFO\thandled event for " + name + "\n"));
                    events.add(new Event(stream, doneAt, "END RequestId: " + id + "\n"));
                    events.add(new Event(stream, doneAt, String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms"
                            + "\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB\t\n", id, millis,
                            (long) Math.ceil(millis), fn.latest().memorySize(), 60 + random.nextInt(40))));
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::timestamp));
        return events;
    }

    private static String at(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    static Optional<String> target(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        return target != null && target.startsWith(TARGET_PREFIX) ? Optional.of(target) : Optional.empty();
    }
}
