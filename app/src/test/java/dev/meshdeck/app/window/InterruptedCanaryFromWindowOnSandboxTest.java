package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.WindowCanaryActions;
import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.canary.FileCanaryRunStore;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.canary.CanaryClock;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunner;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.canary.Owner;
import dev.meshdeck.core.canary.PipelineTraffic;
import dev.meshdeck.core.canary.RunStatus;
import dev.meshdeck.core.canary.RunTarget;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A canary run whose process died at 25 % (its owner silent for a minute) is offered when the window starts; Roll back
 * writes the weights from before the run back through the window's pipeline, and the run is stored as aborted. The
 * Canary tab then saves the run's plan as its namespace's.
 */
@ExtendWith(ApplicationExtension.class)
class InterruptedCanaryFromWindowOnSandboxTest {

    static final ResourceId VS = new ResourceId("networking.istio.io/v1", "VirtualService", "serverless", "order-function");

    @TempDir
    Path data;
    private Sources sources;
    private KubernetesClient client;

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide)).get();
        client.close();
        sources.close();
        System.clearProperty(DataDirectory.PROPERTY);
    }

    private WindowChanges changes;
    private FileCanaryRunStore store;
    /** When the window opened: after the interruption. */
    private Instant opened;

    /** The sandbox with a run interrupted at 25 %, then the window on it, its offer answered with {@code answer}. */
    private void openAndAnswer(FxRobot robot, String answer) throws Exception {
        System.setProperty(DataDirectory.PROPERTY, data.toString());
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                Files.readString(sources.sandbox().orElseThrow().kubeconfig()))).build();
        changes = new WindowChanges(sources);
        ProductionArming arming = new ProductionArming(ProductionGuard.DEFAULT_PATTERN, Clock.systemUTC());
        store = new FileCanaryRunStore(sources.dataDirectory());
        interruptedAt25(changes, arming, store, sources.kubeconfigs().currentContext().orElseThrow());
        assertThat(weights()).containsExactly(75L, 25L);

        opened = Instant.now();
        MainWindow window = new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck")).withChanges(changes, arming)
                .withCanaryRuns(store, new WindowCanaryActions(sources, changes, arming, store));
        WaitForAsyncUtils.asyncFx(() -> window.show(new Stage())).get();
        until(() -> !robot.lookup("#canary-interrupted-dialog").queryAll().isEmpty());
        Button chosen = robot.lookup("#canary-interrupted-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(answer)).findFirst().orElseThrow();
        robot.interact(chosen::fire);
    }

    @Test
    void anInterruptedRunResumedFromTheWindowIsDrivenThereToItsPromotion(FxRobot robot) throws Exception {
        openAndAnswer(robot, "Resume from the last verified step");

        until(() -> store.runs().get(0).status() == RunStatus.RUNNING && !store.runs().get(0).interrupted(Instant.now()));
        until(() -> store.runs().get(0).status() == RunStatus.PROMOTED);
        assertThat(weights()).containsExactly(0L, 100L);
        CanaryRun promoted = store.runs().get(0);
        assertThat(promoted.intervals()).hasSize(2);
        // the first interval judged began after the window took the run over, never before the interruption
        assertThat(promoted.intervals().get(0).from()).isAfter(opened);
    }

    @Test
    void anInterruptedRunOfferedAtStartRollsBackToTheStableWeights(FxRobot robot) throws Exception {
        openAndAnswer(robot, "Roll back");

        until(() -> store.runs().get(0).status() == RunStatus.ABORTED);
        assertThat(weights()).containsExactly(90L, 10L);
        assertThat(store.runs().get(0).reason()).isEqualTo("aborted by a person at 25%");
        assertThat(changes.history().entries()).hasSize(2);

        Platform.runLater(robot.lookup("#canary-save-plan").queryAs(Button.class)::fire);
        until(() -> !robot.lookup("#canary-save-plan-dialog").queryAll().isEmpty());
        Button ok = robot.lookup("#canary-save-plan-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("OK")).findFirst().orElseThrow();
        robot.interact(ok::fire);
        until(() -> client.configMaps().inNamespace("serverless").withName(NamespacePlan.CONFIG_MAP).get() != null);
        assertThat(NamespacePlan.of("serverless", Serialization.jsonMapper().valueToTree(client.configMaps()
                .inNamespace("serverless").withName(NamespacePlan.CONFIG_MAP).get()))).contains(store.runs().get(0).plan());
        until(() -> robot.lookup("#canary-message").queryAs(Label.class).getText()
                .startsWith("namespace serverless's canary plan: applied and verified"));
    }

    /** Step one written through the pipeline at 25 % a minute ago (5 s steps), then its process gone. */
    private static void interruptedAt25(ApplyTargets changes, ProductionArming arming, FileCanaryRunStore store,
                                        String context) {
        try (ApplyTargets.Connection pipeline = changes.connect(Set.of(new SourceRef.KubeContext(context, null, null)),
                arming.guard())) {
            CanaryRunner runner = new CanaryRunner(new PipelineTraffic(pipeline.pipeline()), (from, to) -> {
                throw new TelemetryException("not measured before the interruption");
            }, store, CanaryClock.system());
            Instant gone = Instant.now().minus(Duration.ofMinutes(1));
            CanaryRun run = runner.start("order-function-1", "order-function", "serverless", RunTarget.kube(context), VS,
                    "order-function-v2", new CanaryPlan(List.of(25, 50), Duration.ofSeconds(5), 99,
                            CanaryPlan.DEFAULT_LATENCY, null, 3, 1, Set.of(), false), "defaults", new Owner(1, gone), gone);
            store.save(run.with(d -> d.owner = new Owner(1, gone)));
        }
    }

    private List<Long> weights() {
        return client.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless").withName("order-function")
                .get().getSpec().getHttp().get(0).getRoute().stream().map(r -> r.getWeight().longValue()).toList();
    }
}
