package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The real window wired as the app wires it, on the embedded sandbox (Kubernetes API + Lambda control plane). */
@ExtendWith(ApplicationExtension.class)
class MainWindowOnSandboxTest {

    private Sources sources;

    @Start
    void start(Stage stage) {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck")).show(stage);
    }

    @Stop
    void stop() {
        sources.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ServerlessFunction> table(FxRobot robot) {
        return robot.lookup("#function-table").queryAs(TableView.class);
    }

    private static ServerlessFunction row(FxRobot robot, String name) {
        return table(robot).getItems().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void showsFunctionsOfAllFivePlatformsAndFollowsAnExternalEdit(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().size() == 18);
        Set<Platform> platforms = WaitForAsyncUtils.asyncFx(() -> table(robot).getItems().stream()
                .map(ServerlessFunction::platform).collect(Collectors.toSet())).get();
        assertThat(platforms).containsExactlyInAnyOrder(Platform.values());

        // select the canary: its details list its own objects and the mesh policies that apply
        robot.interact(() -> table(robot).getSelectionModel().select(row(robot, "order-function")));
        until(() -> robot.lookup("#resource-tabs").tryQuery().isPresent()
                && ((TabPane) robot.lookup("#resource-tabs").query()).getTabs().stream()
                        .map(Tab::getText).anyMatch(t -> t.contains("VirtualService")));

        // a change made outside MeshDeck (as with kubectl) reaches the table without a refresh
        KubernetesClient client = Kubeconfigs.load(List.of(sources.sandbox().orElseThrow().kubeconfig()))
                .newClient("meshdeck-sandbox");
        try (client) {
            client.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless")
                    .withName("order-function").edit((VirtualService vs) -> {
                        vs.getSpec().getHttp().get(0).getRoute().get(0).setWeight(50);
                        vs.getSpec().getHttp().get(0).getRoute().get(1).setWeight(50);
                        return vs;
                    });
        }
        until(() -> row(robot, "order-function").traffic().get(1).percent() == 50.0);
    }
}
