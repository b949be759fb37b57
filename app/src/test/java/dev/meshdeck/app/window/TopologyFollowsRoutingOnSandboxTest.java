package dev.meshdeck.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.TelemetryPoller;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The graph follows routing changes at the next metrics poll: the sandbox's traffic simulator feeds the model
 * through the {@link TelemetryPoller} as in the window, and the sandbox's VirtualServices are changed as an SRE
 * (or MeshDeck's apply) would, through the API.
 */
class TopologyFollowsRoutingOnSandboxTest {

    private Sources sources;
    private KubernetesClient client;
    private TopologyModel model;
    private TelemetryPoller poller;
    private final BlockingQueue<Object> polls = new ArrayBlockingQueue<>(4);

    @BeforeEach
    void start() throws Exception {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        client = sources.kubeconfigs().newClient(KubeSandbox.CONTEXT);
        model = SandboxGraph.discover(sources);
        // polled by hand (pollNow) below: one call is one metrics interval
        poller = new TelemetryPoller(sources.sandbox().orElseThrow().telemetry(), Duration.ofHours(1), polls::add, polls::add);
        nextPoll();
    }

    @AfterEach
    void stop() {
        poller.close();
        client.close();
        sources.close();
    }

    private void nextPoll() throws InterruptedException {
        poller.pollNow();
        Object result = polls.poll(30, TimeUnit.SECONDS);
        assertThat(result).as("telemetry poll").isInstanceOf(TelemetrySnapshot.class);
        model.applyTelemetry((TelemetrySnapshot) result);
    }

    private String node(String function) {
        return SandboxGraph.function(model, function).id();
    }

    private TopologyEdge versionEdge(String version) {
        String order = node("order-function");
        return model.edge(order, order + "|v|order-function-" + version);
    }

    private double rate(TopologyEdge edge) {
        return edge == null || edge.observed() == null ? 0 : edge.observed().requestsPerSecond();
    }

    private VirtualService virtualService(String namespace, String name) {
        return client.adapt(IstioClient.class).v1().virtualServices().inNamespace(namespace).withName(name).get();
    }

    @Test
    void movingTheCanaryMovesTheObservedRatesOfItsVersionEdgesAtTheNextPoll() throws Exception {
        double v1 = rate(versionEdge("v1"));
        double v2 = rate(versionEdge("v2"));
        assertThat(v2).as("v2 rate at 90/10").isGreaterThan(0).isLessThan(v1 / 4);
        assertThat(versionEdge("v2").observed().hasLatency()).isTrue();

        client.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless").withName("order-function").edit(vs -> {
            vs.getSpec().getHttp().get(0).getRoute().get(0).setWeight(50);
            vs.getSpec().getHttp().get(0).getRoute().get(1).setWeight(50);
            return vs;
        });
        nextPoll();

        double v2After = rate(versionEdge("v2"));
        double v1After = rate(versionEdge("v1"));
        assertThat(v2After).as("v2 rate at 50/50").isGreaterThan(3 * v2);
        // the calls' own noise is a few percent; the split is the routing's
        assertThat(v2After / (v1After + v2After)).isBetween(0.4, 0.6);
    }

    @Test
    void routingAFunctionToItsBackupShowsAFailoverEdgeAndMovesItsTrafficAtTheNextPoll() throws Exception {
        String payment = node("payment-function");
        String backup = node("payment-function-backup");
        String order = node("order-function");
        assertThat(model.edge(payment, backup)).isNull();
        double before = rate(model.edge(order, payment));
        assertThat(before).isGreaterThan(0);

        client.adapt(IstioClient.class).v1().virtualServices().inNamespace("payments").withName("payment-function").edit(vs -> {
            vs.getSpec().getHttp().get(0).getRoute().get(0).getDestination().setHost("payment-function-backup");
            return vs;
        });
        assertThat(virtualService("payments", "payment-function").getSpec().getHttp().get(0).getRoute().get(0)
                .getDestination().getHost()).isEqualTo("payment-function-backup");
        SandboxGraph.readPolicies(model, sources, SandboxGraph.function(model, "payment-function"));
        nextPoll();

        TopologyEdge failover = model.edge(payment, backup);
        assertThat(failover.kind()).isEqualTo(EdgeKind.FAILOVER);
        assertThat(failover.weight()).isEqualTo(100);
        assertThat(rate(model.edge(order, backup))).as("order-function's calls now answered by the backup")
                .isGreaterThan(before / 2);
        assertThat(rate(model.edge(order, payment))).isZero();
    }
}
