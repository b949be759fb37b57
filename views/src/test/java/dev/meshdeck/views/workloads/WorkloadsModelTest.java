package dev.meshdeck.views.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.PodDetails;
import dev.meshdeck.core.workloads.RolloutHistory;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import dev.meshdeck.core.workloads.WorkloadSource;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The Pods tab without a stage: what is read, in which order, and what its line says. */
class WorkloadsModelTest {

    private static final SourceRef CLUSTER = new SourceRef.KubeContext("sandbox", "c", "https://127.0.0.1:6443");
    private static final SourceRef REGION = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);
    private static final ServerlessFunction RECOMMENDATION = function(CLUSTER, Platform.KUBERNETES, "recommendation");
    private static final ServerlessFunction SEARCH = function(CLUSTER, Platform.KNATIVE, "search");
    private static final ServerlessFunction INVOICE = function(REGION, Platform.LAMBDA, "invoice-pdf");
    private static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");

    private static ServerlessFunction function(SourceRef source, Platform platform, String name) {
        return new ServerlessFunction(new FunctionId(source, platform, "serverless", name), List.of(), MeshStatus.NOT_IN_MESH,
                Health.UNKNOWN, Map.of());
    }

    private static FunctionPod pod(String name, String version, boolean ready, int restarts, String reason) {
        return new FunctionPod("serverless", name, version, "Running", ready ? 2 : 1, 2, restarts, reason, "node-a",
                "10.0.0.1", Optional.of(NOW), Optional.of("1.24.0"), PodDetails.NONE);
    }

    private static FunctionEvent event(boolean warning, String reason, int minutesAgo) {
        return new FunctionEvent(warning, reason, "", "Pod x", 1, Optional.of(NOW.minusSeconds(60L * minutesAgo)));
    }

    /** Answers from a table; counts reads. */
    private static final class Cluster implements WorkloadSource {
        final Map<String, List<FunctionPod>> pods;
        final Map<String, List<FunctionEvent>> events;
        int reads;
        RuntimeException failure;

        Cluster(Map<String, List<FunctionPod>> pods, Map<String, List<FunctionEvent>> events) {
            this.pods = pods;
            this.events = events;
        }

        @Override
        public boolean covers(FunctionId function) {
            return function.source().equals(CLUSTER);
        }

        @Override
        public List<FunctionPod> podsOf(FunctionId function) {
            reads++;
            if (failure != null) {
                throw failure;
            }
            return pods.getOrDefault(function.name(), List.of());
        }

        @Override
        public List<FunctionEvent> eventsOf(FunctionId function) {
            return events.getOrDefault(function.name(), List.of());
        }

        @Override
        public List<ServiceEndpoints> endpointsOf(FunctionId function) {
            return function.name().equals("recommendation")
                    ? List.of(new ServiceEndpoints("serverless", "recommendation",
                            List.of(address("10.0.0.2", "rec-b"), address("10.0.0.3", "rec-c")), List.of(address("10.0.0.1", "rec-a"))))
                    : List.of();
        }

        @Override
        public List<RolloutHistory> revisionsOf(FunctionId function) {
            return function.name().equals("recommendation")
                    ? List.of(new RolloutHistory("serverless", "recommendation", List.of(revision(1, false), revision(2, true))))
                    : List.of();
        }
    }

    private static ServiceEndpoints.Address address(String ip, String pod) {
        return new ServiceEndpoints.Address(ip, pod, List.of(8080));
    }

    private static RolloutHistory.Revision revision(long number, boolean current) {
        return new RolloutHistory.Revision(number, "recommendation-rs" + number, Optional.empty(), List.of("rec:" + number),
                Optional.of(NOW), current ? 2 : 0, current, JsonNodeFactory.instance.objectNode());
    }

    private final Cluster cluster = new Cluster(
            Map.of("recommendation", List.of(pod("rec-b", "v1", true, 0, ""), pod("rec-a", "v2", false, 7, "CrashLoopBackOff"),
                    pod("rec-c", "v1", true, 1, "")),
                    "search", List.of(pod("search-1", "00001", true, 0, ""))),
            Map.of("recommendation", List.of(event(false, "Pulled", 1), event(true, "BackOff", 30), event(true, "Unhealthy", 2))));
    /** Background work queued here, run when the test says: lets answers arrive late. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final WorkloadsModel model = new WorkloadsModel(cluster, background::add, Runnable::run);

    private void answer() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void podsThatDoNotServeAndWarningsComeFirstAndTheLineCountsThem() {
        model.show(RECOMMENDATION);
        assertThat(model.summaryProperty().get()).isEqualTo("Reading the pods and events of recommendation…");
        answer();

        assertThat(model.pods()).extracting(FunctionPod::name).containsExactly("rec-a", "rec-b", "rec-c");
        assertThat(model.events()).extracting(FunctionEvent::reason).containsExactly("Unhealthy", "BackOff", "Pulled");
        assertThat(model.summaryProperty().get()).isEqualTo("recommendation: 3 pods, 1 not ready, 8 restarts, 2 warnings");
    }

    @Test
    void theLineUnderThePodsSaysWhichPodsTheServiceSendsTrafficTo() {
        model.show(RECOMMENDATION);
        answer();

        assertThat(model.endpointsProperty().get())
                .isEqualTo("Service serverless/recommendation: 2 ready (rec-b, rec-c), 1 not ready (rec-a)");
        model.show(SEARCH);
        answer();
        assertThat(model.endpointsProperty().get()).isEmpty();
    }

    @Test
    void aSelectedPodIsDescribedWithItsConditionsAndWhyItsContainerLastStopped() {
        FunctionPod crashing = new FunctionPod("serverless", "rec-a", "v2", "Running", 1, 2, 7, "CrashLoopBackOff", "node-a",
                "10.0.0.1", Optional.of(NOW), Optional.of("1.24.0"), new PodDetails(Map.of("version", "v2", "app", "rec"),
                List.of(new PodDetails.Condition("Ready", "False", "ContainersNotReady")),
                List.of(new PodDetails.Container("app", "rec:2", "Waiting", "CrashLoopBackOff", Optional.empty(),
                        Optional.of(new PodDetails.Termination("Error", 1)), 7, false))));

        model.select(crashing);

        assertThat(model.detailsProperty().get()).isEqualTo("""
                Pod serverless/rec-a   Node: node-a   IP: 10.0.0.1   Started: 2026-12-07T22:00:00Z
                Labels: app=rec, version=v2
                Conditions: Ready=False (ContainersNotReady)
                Container app   Image: rec:2   State: Waiting (CrashLoopBackOff)   Ready: no   Restarts: 7   \
                Last termination: Error, exit code 1
                """);
        model.select(null);
        assertThat(model.detailsProperty().get()).isEmpty();
    }

    @Test
    void revisionsAreListedNewestFirstAndOnlyAnOlderOneIsRolledBackTo() {
        List<WorkloadsModel.RevisionRow> asked = new ArrayList<>();
        model.setRollBack(asked::add);
        model.show(RECOMMENDATION);
        answer();

        assertThat(model.revisions()).extracting(r -> r.revision().number()).containsExactly(2L, 1L);
        WorkloadsModel.RevisionRow running = model.revisions().get(0);
        assertThat(WorkloadsModel.rollBackRefusal(running)).contains("recommendation already runs revision 2");
        model.rollBack(running);
        assertThat(asked).isEmpty();

        model.rollBack(model.revisions().get(1));
        assertThat(asked).extracting(r -> r.revision().number()).containsExactly(1L);
    }

    @Test
    void aLambdaFunctionIsNotReadAndTheLineSaysWhy() {
        model.show(INVOICE);
        assertThat(background).isEmpty();
        assertThat(cluster.reads).isZero();
        assertThat(model.summaryProperty().get()).isEqualTo("invoice-pdf runs on AWS Lambda: it has no pods to show.");
    }

    @Test
    void anAnswerForAFunctionNoLongerShownIsDropped() {
        model.show(RECOMMENDATION);
        model.show(SEARCH);
        answer();

        assertThat(model.pods()).extracting(FunctionPod::name).containsExactly("search-1");
        assertThat(model.summaryProperty().get()).isEqualTo("search: 1 pod, all ready");
    }

    @Test
    void theSameFunctionIsReadOnceUntilRefreshed() {
        model.show(RECOMMENDATION);
        answer();
        model.show(RECOMMENDATION);
        answer();
        assertThat(cluster.reads).isEqualTo(1);

        model.refresh();
        answer();
        assertThat(cluster.reads).isEqualTo(2);
    }

    @Test
    void aContextThatCannotBeReadIsNamedNotShownAsEmpty() {
        cluster.failure = new IllegalStateException("context sandbox does not answer");
        model.show(RECOMMENDATION);
        answer();

        assertThat(model.pods()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("Cannot read the pods of recommendation: context sandbox does not answer");
    }
}
