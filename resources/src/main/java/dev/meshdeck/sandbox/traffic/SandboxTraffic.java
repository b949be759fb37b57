package dev.meshdeck.sandbox.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.sandbox.kube.PodLogLines;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's traffic: the simulator over {@code sandbox/traffic.yaml} following the sandbox's live routing,
 * its Prometheus endpoint, and a ticker that keeps the counters growing every second and re-reads the changed routing
 * every few seconds, and at once when a watch sees a routing object change (a fetch or a scrape re-reads it too).
 */
public final class SandboxTraffic implements AutoCloseable {

    private static final long ROUTING_EVERY_SECONDS = 5;

    private final TrafficSimulator simulator;
    private final MetricsEndpoint endpoint;
    private final ScheduledExecutorService ticker;
    private final SandboxRouting routing;
    private final SandboxPrometheus prometheus;

    private SandboxTraffic(TrafficSimulator simulator, MetricsEndpoint endpoint, ScheduledExecutorService ticker,
                           SandboxRouting routing, SandboxPrometheus prometheus) {
        this.simulator = simulator;
        this.prometheus = prometheus;
        this.routing = routing;
        this.endpoint = endpoint;
        this.ticker = ticker;
    }

    /**
     * @param kubeContext the sandbox kubeconfig's context (telemetry scope of the mesh)
     * @param metricsPort port of the metrics endpoint, 0 for any free one
     */
    public static SandboxTraffic start(KubernetesClient kube, String kubeContext, URI lambdaEndpoint, String account,
                                       String region, int metricsPort) {
        CallGraph graph = CallGraph.sandboxDefault();
        String meshScope = new SourceRef.KubeContext(kubeContext, kubeContext, "").id();
        String lambdaScope = new SourceRef.AwsRegion(account, region, null).id();
        SandboxRouting routing = new SandboxRouting(kube, meshScope, lambdaEndpoint, lambdaScope, region, graph.targets());
        TrafficSimulator simulator = new TrafficSimulator(graph, routing, meshScope, Clock.systemUTC());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-traffic");
            t.setDaemon(true);
            return t;
        });
        routing.watchChanges(() -> {
            if (!ticker.isShutdown()) {
                ticker.execute(simulator::refreshRouting);
            }
        });
        routing.refresh();
        MetricsEndpoint endpoint = MetricsEndpoint.start(simulator::exposition, metricsPort);
        ticker.scheduleWithFixedDelay(simulator::advance, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(simulator::refreshRouting, ROUTING_EVERY_SECONDS, ROUTING_EVERY_SECONDS, TimeUnit.SECONDS);
        SandboxPrometheus prometheus = new SandboxPrometheus(simulator::samples, () -> prometheusRules(kube), Clock.systemUTC(),
                "sandbox prometheus (" + kubeContext + ")");
        long every = SandboxPrometheus.INTERVAL.toMillis();
        ticker.scheduleWithFixedDelay(prometheus::tick, 0, every, TimeUnit.MILLISECONDS);
        return new SandboxTraffic(simulator, endpoint, ticker, routing, prometheus);
    }

    private static List<JsonNode> prometheusRules(KubernetesClient kube) {
        return kube.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule").inAnyNamespace().list().getItems()
                .stream().map(r -> (JsonNode) Serialization.jsonMapper().valueToTree(r)).toList();
    }

    /** The sandbox's Prometheus: its rules' alerts in-process, and its HTTP API for the service proxy. */
    public SandboxPrometheus prometheus() {
        return prometheus;
    }

    /** The simulator as a telemetry source (closing it leaves the sandbox running). */
    public TelemetrySource telemetry() {
        return simulator;
    }

    /** What the pods logged under this traffic, for the sandbox API to serve. */
    public PodLogLines podLogs() {
        return new SimulatedPodLogs(simulator);
    }

    /** Where a Prometheus scrapes the simulated Istio series. */
    public URI metricsEndpoint() {
        return endpoint.url();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        routing.close();
        endpoint.close();
    }
}
