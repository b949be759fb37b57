package dev.meshdeck.sandbox.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.sandbox.kube.PodLogLines;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The lines the sandbox's pods would have written under the simulated traffic: per request one line of the
 * function's own container and one Envoy access-log line of its {@code istio-proxy}, with the latency and the 5xx
 * share of the version's response profile (so a failing canary's pods log its errors). A crash-looping
 * container logs its failed start instead. Each pod and second draws from its own seed: a read repeated later
 * returns the same lines.
 */
final class SimulatedPodLogs implements PodLogLines {

    private static final String SIDECAR = "istio-proxy";
    /** Lines per flow, pod and second at most: a busy pod's log is sampled rather than unbounded. */
    private static final int MAX_PER_SECOND = 20;
    /** Flow rates are read every few seconds: the noise wanders far more slowly than that. */
    private static final long FLOW_STEP_SECONDS = 5;
    private static final Duration BACKOFF = Duration.ofMinutes(5);

    private final TrafficSimulator simulator;

    SimulatedPodLogs(TrafficSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public List<Line> lines(Request request) {
        JsonNode pod = request.pod();
        if (crashLooping(pod, request.container())) {
            return crash(pod, request);
        }
        if (request.previous()) {
            return List.of();
        }
        String namespace = pod.path("metadata").path("namespace").asText();
        String service = service(pod);
        String version = version(pod);
        long replicas = Math.max(1, request.siblings().stream()
                .filter(p -> service.equals(service(p)) && version.equals(version(p))).count());
        boolean access = SIDECAR.equals(request.container());
        String name = pod.path("metadata").path("name").asText();
        String ip = pod.path("status").path("podIP").asText("10.244.0.1");
        List<Line> lines = new ArrayList<>();
        Instant second = request.from().truncatedTo(ChronoUnit.SECONDS);
        List<Flow> flows = List.of();
        for (long s = 0; second.isBefore(request.to()); second = second.plusSeconds(1), s++) {
            if (s % FLOW_STEP_SECONDS == 0) {
                flows = simulator.flowsInto(namespace, service, version, second);
            }
            SplittableRandom random = new SplittableRandom(simulator.seed() * 31 + name.hashCode() * 1_000_003L
                    + second.getEpochSecond());
            for (Flow flow : flows) {
                double rate = flow.rps() / replicas;
                int n = Math.min(MAX_PER_SECOND, (int) rate + (random.nextDouble() < rate - (int) rate ? 1 : 0));
                for (int i = 0; i < n; i++) {
                    Instant at = second.plusMillis(random.nextInt(1000));
                    long millis = Math.max(1, Math.round(flow.profile().medianMillis()
                            * Math.exp(flow.profile().spread() * gaussian(random))));
                    boolean failed = random.nextDouble() < flow.profile().errorRatio();
                    Call call = new Call(service, flow.sourceWorkload(), millis, failed,
                            Long.toHexString(random.nextLong()));
                    if (!at.isBefore(request.from()) && at.isBefore(request.to())) {
                        lines.add(new Line(at, access ? call.accessLog(at, namespace, version, ip) : call.appLog()));
                    }
                }
            }
        }
        lines.sort(Comparator.comparing(Line::time));
        return lines;
    }

    /** One simulated request as the function and its sidecar log it. */
    private record Call(String service, String caller, long millis, boolean failed, String id) {

        String path() {
            return "/" + service.replace("-function", "");
        }

        int status() {
            return failed ? 503 : 200;
        }

        String appLog() {
            return failed
                    ? String.format(Locale.ROOT, "level=error msg=\"request failed\" method=POST path=%s status=%d "
                    + "duration_ms=%d caller=%s request_id=%s error=\"upstream dependency unavailable\"",
                    path(), status(), millis, caller, id)
                    : String.format(Locale.ROOT, "level=info msg=\"request handled\" method=POST path=%s status=%d "
                    + "duration_ms=%d caller=%s request_id=%s", path(), status(), millis, caller, id);
        }

        /** Istio's default text access-log format (meshConfig accessLogFile with the default accessLogFormat). */
        String accessLog(Instant at, String namespace, String version, String ip) {
            String host = service + "." + namespace + ".svc.cluster.local";
            return String.format(Locale.ROOT, "[%s] \"POST %s HTTP/1.1\" %d %s %s - \"-\" 512 %d %d %d \"-\" "
                    + "\"%s\" \"%s\" \"%s:8080\" \"%s:8080\" inbound|8080|| 127.0.0.6:0 %s:8080 10.244.0.2:0 "
                    + "outbound_.8080_.%s_.%s default", at.truncatedTo(ChronoUnit.MILLIS), path(), status(),
                    failed ? "URX" : "-", failed ? "upstream_reset_before_response_started{connection_failure}"
                            : "via_upstream", failed ? 91 : 1024, millis, Math.max(0, millis - 1), caller, id,
                    host, ip, ip, version, host);
        }
    }

    private static boolean crashLooping(JsonNode pod, String container) {
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (container.equals(status.path("name").asText())) {
                return "CrashLoopBackOff".equals(status.path("state").path("waiting").path("reason").asText());
            }
        }
        return false;
    }

    /** The failed start of the container's last attempt (or, with previous, the attempt before it). */
    private List<Line> crash(JsonNode pod, Request request) {
        String image = "";
        for (JsonNode c : pod.path("spec").path("containers")) {
            if (request.container().equals(c.path("name").asText())) {
                image = c.path("image").asText();
            }
        }
        String service = service(pod);
        String release = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "latest";
        Instant start = request.to().minus(request.previous() ? BACKOFF.plusSeconds(40) : Duration.ofSeconds(40));
        List<Line> lines = List.of(
                new Line(start, "level=info msg=\"starting " + service + "\" version=" + release),
                new Line(start.plusMillis(180), "level=info msg=\"loading model\" path=/models/" + service + ".bin"),
                new Line(start.plusMillis(2310), "level=error msg=\"cannot reach the feature store\" "
                        + "addr=feature-store." + pod.path("metadata").path("namespace").asText() + ":6379 "
                        + "error=\"dial tcp 10.96.40.12:6379: connect: connection refused\""),
                new Line(start.plusMillis(2312), "level=fatal msg=\"startup failed, exiting\" exit_code=1"));
        return lines.stream().filter(l -> !l.time().isBefore(request.from()) && l.time().isBefore(request.to()))
                .toList();
    }

    /** The pod's service as Istio's telemetry names it (what the routing's versions are keyed by). */
    private static String service(JsonNode pod) {
        // a Knative pod's traffic is its Service's, whatever its revision's canonical name
        return firstLabel(pod, pod.path("metadata").path("name").asText(), "serving.knative.dev/service",
                "service.istio.io/canonical-name", "app.kubernetes.io/name", "app", "faas_function");
    }

    private static String version(JsonNode pod) {
        return firstLabel(pod, "latest", "service.istio.io/canonical-revision", "serving.knative.dev/revision",
                "app.kubernetes.io/version", "version");
    }

    private static String firstLabel(JsonNode pod, String fallback, String... keys) {
        JsonNode labels = pod.path("metadata").path("labels");
        for (String key : keys) {
            if (labels.hasNonNull(key)) {
                return labels.get(key).asText();
            }
        }
        return fallback;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
