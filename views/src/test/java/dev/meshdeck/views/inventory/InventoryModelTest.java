package dev.meshdeck.views.inventory;

import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.TopologyModel;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.meshdeck.views.inventory.FunctionFilterTest.function;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryModelTest {

    private static final SourceRef SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "sandbox", "");
    private static final SourceRef STAGING = new SourceRef.KubeContext("staging-eu", "staging", "");
    private static final SourceRef AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", "");

    private final InventoryModel model = new InventoryModel(List.of(SANDBOX, STAGING, AWS));

    @Test
    void changedFunctionReplacesOnlyItsOwnRow() {
        List<ServerlessFunction> functions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            functions.add(function(SANDBOX, Platform.KNATIVE, "ns" + (i % 20), "fn-" + i));
        }
        model.apply(List.of(new InventoryEvent.SourceLoaded(SANDBOX, functions)));
        List<ListChangeListener.Change<? extends ServerlessFunction>> changes = new ArrayList<>();
        model.functions().addListener((ListChangeListener<ServerlessFunction>) changes::add);

        ServerlessFunction degraded = new ServerlessFunction(functions.get(42).id(), List.of(), MeshStatus.NOT_IN_MESH,
                new Health(0, 1, 0, "Degraded"), Map.of());
        model.apply(List.of(new InventoryEvent.FunctionChanged(degraded)));

        assertThat(model.functions()).hasSize(5_000);
        assertThat(model.functions().get(42)).isSameAs(degraded);
        assertThat(changes).hasSize(1);
        ListChangeListener.Change<? extends ServerlessFunction> change = changes.get(0);
        change.next();
        assertThat(change.wasReplaced()).isTrue();
        assertThat(change.getFrom()).isEqualTo(42);
        assertThat(change.getAddedSize()).isEqualTo(1);
    }

    @Test
    void burstOfEventsIsFoldedIntoOneUpdate() {
        model.apply(List.of(new InventoryEvent.SourceLoaded(SANDBOX, List.of(function(SANDBOX, Platform.KNATIVE, "a", "one")))));
        List<Object> changes = new ArrayList<>();
        model.functions().addListener((ListChangeListener<ServerlessFunction>) changes::add);

        model.apply(List.of(
                new InventoryEvent.FunctionChanged(function(SANDBOX, Platform.OPENFAAS, "a", "two")),
                new InventoryEvent.FunctionChanged(function(SANDBOX, Platform.OPENFAAS, "a", "three")),
                new InventoryEvent.FunctionRemoved(new FunctionId(SANDBOX, Platform.KNATIVE, "a", "one"))));

        assertThat(changes).hasSize(1);
        assertThat(model.functions()).extracting(ServerlessFunction::name).containsExactly("two", "three");
    }

    @Test
    void reloadingASourceReplacesOnlyThatSourcesFunctions() {
        model.apply(List.of(
                new InventoryEvent.SourceLoaded(SANDBOX, List.of(function(SANDBOX, Platform.KNATIVE, "a", "old"))),
                new InventoryEvent.SourceLoaded(AWS, List.of(function(AWS, Platform.LAMBDA, "", "invoice-pdf")))));

        model.apply(List.of(new InventoryEvent.SourceLoaded(SANDBOX, List.of(function(SANDBOX, Platform.KNATIVE, "a", "new")))));

        assertThat(model.functions()).extracting(ServerlessFunction::name).containsExactlyInAnyOrder("new", "invoice-pdf");
    }

    @Test
    void discoveringUntilEverySourceLoadedOrReportedAFinalState() {
        assertThat(model.discovering()).isTrue();

        model.apply(List.of(
                new InventoryEvent.SourceChanged(SourceStatus.connecting(SANDBOX)),
                new InventoryEvent.SourceLoaded(SANDBOX, List.of()),
                new InventoryEvent.SourceChanged(SourceStatus.failed(STAGING, "unreachable")),
                new InventoryEvent.SourceChanged(SourceStatus.connected(AWS, "ok"))));

        assertThat(model.discovering()).isFalse();
    }

    @Test
    void aSourceShowingItsFirstRowsIsDiscoveringUntilItSaysItIsConnected() {
        model.apply(List.of(
                new InventoryEvent.SourceChanged(SourceStatus.failed(STAGING, "unreachable")),
                new InventoryEvent.SourceChanged(SourceStatus.connected(AWS, "ok")),
                new InventoryEvent.SourceChanged(SourceStatus.connecting(SANDBOX)),
                new InventoryEvent.SourceLoaded(SANDBOX, List.of(function(SANDBOX, Platform.KNATIVE, "a", "one"))),
                new InventoryEvent.SourceChanged(new SourceStatus(SANDBOX, SourceStatus.State.CONNECTING,
                        "1 function so far; listed 4 of 11 kinds"))));

        assertThat(model.functions()).hasSize(1);
        assertThat(model.discovering()).isTrue();

        model.apply(List.of(
                new InventoryEvent.SourceLoaded(SANDBOX, List.of(function(SANDBOX, Platform.KNATIVE, "a", "one"))),
                new InventoryEvent.SourceChanged(SourceStatus.connected(SANDBOX, "1 function"))));

        assertThat(model.discovering()).isFalse();
    }

    @Test
    void summariesCountFunctionsPerSourceAndPlatformKubeContextsFirst() {
        model.apply(List.of(
                new InventoryEvent.SourceChanged(SourceStatus.failed(STAGING, "unreachable")),
                new InventoryEvent.SourceLoaded(AWS, List.of(function(AWS, Platform.LAMBDA, "", "invoice-pdf"))),
                new InventoryEvent.SourceLoaded(SANDBOX, List.of(
                        function(SANDBOX, Platform.OPENFAAS, "a", "pdf-render"),
                        function(SANDBOX, Platform.KNATIVE, "a", "thumbnail"),
                        function(SANDBOX, Platform.KNATIVE, "b", "image-resize")))));

        List<SourceSummary> summaries = model.sourceSummaries();

        assertThat(summaries).extracting(SourceSummary::source).containsExactly(SANDBOX, STAGING, AWS);
        assertThat(summaries.get(0).total()).isEqualTo(3);
        assertThat(summaries.get(0).perPlatform()).containsExactly(Map.entry(Platform.KNATIVE, 2), Map.entry(Platform.OPENFAAS, 1));
        assertThat(summaries.get(1).status().state()).isEqualTo(SourceStatus.State.FAILED);
        assertThat(summaries.get(1).perPlatform()).isEmpty();
        assertThat(summaries.get(2).perPlatform()).containsExactly(Map.entry(Platform.LAMBDA, 1));
    }

    @Test
    void problemsAreKeptInArrivalOrder() {
        model.apply(List.of(new InventoryEvent.Problem("first"), new InventoryEvent.Problem("second")));

        assertThat(model.problems()).containsExactly("first", "second");
    }

    @Test
    void trafficIsWhatTheTopologyGraphResolvedForEachFunction() {
        ServerlessFunction resize = function(SANDBOX, Platform.KNATIVE, "serverless", "image-resize");
        ServerlessFunction thumbnail = function(SANDBOX, Platform.KNATIVE, "serverless", "thumbnail");
        InventoryEvent loaded = new InventoryEvent.SourceLoaded(SANDBOX, List.of(resize, thumbnail));
        model.apply(List.of(loaded));
        TopologyModel graph = new TopologyModel();
        graph.apply(loaded);
        TrafficStats observed = new TrafficStats(12.5, 0.08, 40);
        graph.applyTelemetry(new TelemetrySnapshot(Instant.EPOCH, Map.of(),
                Map.of(new ServiceRef(SANDBOX.id(), "serverless", "image-resize"), observed)));
        long before = model.attentionRevisionProperty().get();

        model.applyTraffic(graph.nodes());

        assertThat(model.trafficOf(resize.id())).contains(observed);
        assertThat(model.trafficOf(thumbnail.id())).isEmpty();
        assertThat(model.attentionOf(resize)).containsExactly(Attention.Reason.ERRORS);
        assertThat(model.needsAttention(thumbnail)).isFalse();
        assertThat(model.attentionRevisionProperty().get()).isEqualTo(before + 1);

        model.applyTraffic(graph.nodes());

        assertThat(model.attentionRevisionProperty().get()).as("the same figures again redraw nothing").isEqualTo(before + 1);
    }

    @Test
    void rowsOfASourceThatStoppedAnsweringNeedAttention() {
        ServerlessFunction thumbnail = function(SANDBOX, Platform.KNATIVE, "serverless", "thumbnail");
        model.apply(List.of(new InventoryEvent.SourceLoaded(SANDBOX, List.of(thumbnail))));
        long before = model.attentionRevisionProperty().get();

        model.apply(List.of(new InventoryEvent.SourceChanged(SourceStatus.failed(SANDBOX, "unreachable"))));

        assertThat(model.staleSources()).containsExactly(SANDBOX);
        assertThat(model.attentionOf(thumbnail)).containsExactly(Attention.Reason.STALE_SOURCE);
        assertThat(model.attentionRevisionProperty().get()).isEqualTo(before + 1);
    }

    @Test
    void aHistoryEntrysTargetFindsTheStatusesOfTheSourcesItWasWrittenTo() {
        SourceRef unresolved = new SourceRef.AwsRegion("unknown", "us-east-1", "sre");
        InventoryModel model = new InventoryModel(List.of(SANDBOX, STAGING, AWS, unresolved));
        SourceStatus sandboxStale = new SourceStatus(SANDBOX, SourceStatus.State.STALE, "cannot reach it");
        SourceStatus awsConnected = SourceStatus.connected(AWS, "ok");
        SourceStatus usFailed = SourceStatus.failed(unresolved, "expired");
        model.apply(List.of(new InventoryEvent.SourceChanged(sandboxStale), new InventoryEvent.SourceChanged(awsConnected),
                new InventoryEvent.SourceChanged(usFailed)));

        assertThat(model.statusesOf(new WriteTarget.KubeContext("meshdeck-sandbox"))).containsExactly(sandboxStale);
        assertThat(model.statusesOf(WriteTarget.of(List.of(new WriteTarget.KubeContext("meshdeck-sandbox"),
                new WriteTarget.AwsRegion("123456789012", "default", "eu-west-1"))))).containsExactly(sandboxStale, awsConnected);
        assertThat(model.statusesOf(new WriteTarget.AwsRegion("210987654321", "default", "eu-west-1")))
                .as("another account in the same region").isEmpty();
        assertThat(model.statusesOf(new WriteTarget.AwsRegion("123456789012", "sre", "us-east-1")))
                .as("a region whose account is not learned yet is matched by its profile").containsExactly(usFailed);
        assertThat(model.statusesOf(new WriteTarget.KubeContext("prod-eu"))).as("a context the window does not list").isEmpty();
    }
}
