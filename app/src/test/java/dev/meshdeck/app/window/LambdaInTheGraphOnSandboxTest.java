package dev.meshdeck.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.cli.TelemetryOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.app.wiring.Telemetry;
import dev.meshdeck.core.telemetry.CombinedTelemetry;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.NodeKind;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.topology.TopologyModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lambda in the graph on the sandbox, fed as the window feeds it: the traffic simulator (mesh callers) and
 * CloudWatch GetMetricData (the function's own invocations, errors and p95) through {@link Telemetry#resolve}.
 */
class LambdaInTheGraphOnSandboxTest {

    @Test
    void aLambdaNodeShowsItsInvocationsAndErrorsAndItsMeshCaller() throws Exception {
        try (Sources sources = Sources.resolve(new SourceOptions(), true, true, 0);
             TelemetrySource telemetry = CombinedTelemetry.of(Telemetry.resolve(sources, new TelemetryOptions()))) {
            TopologyModel model = SandboxGraph.discover(sources);
            model.applyTelemetry(telemetry.fetch(Duration.ofMinutes(5)));

            String invoice = SandboxGraph.function(model, "invoice-pdf").id();
            String payment = SandboxGraph.function(model, "payment-function").id();
            TrafficStats node = model.node(invoice).stats();
            assertThat(node.requestsPerSecond()).isPositive();
            assertThat(node.errorRatio()).isBetween(0.001, 0.2);
            assertThat(node.p95Millis()).isPositive();

            TopologyEdge call = model.edge(payment, invoice);
            assertThat(call.kind()).isEqualTo(EdgeKind.CALL);
            assertThat(call.observed().requestsPerSecond()).isPositive();
            // the alias's canary carries its share of the invocations
            assertThat(model.edge(invoice, invoice + "|v|4").observed().requestsPerSecond()).isPositive();
            // simulator and CloudWatch name the function as discovery does: no stray node of the same name
            assertThat(model.nodes()).noneMatch(n -> n.kind() == NodeKind.EXTERNAL && n.label().equals("invoice-pdf"));
        }
    }
}
