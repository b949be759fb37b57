package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.workloads.EnvValue;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import dev.meshdeck.views.workloads.ConfigModel;
import dev.meshdeck.views.workloads.ConfigRow;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
    private MainWindow window;

    @Start
    void start(Stage stage) {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        window = new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck"));
        window.setWorkloads(sources.kube());
        window.setConfig(sources.kube());
        window.show(stage);
    }

    @Stop
    void stop() {
        sources.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ServerlessFunction> table(FxRobot robot) {
        return robot.lookup("#function-table").queryAs(TableView.class);
    }

    private static java.util.Optional<Button> revealButton(FxRobot robot, ConfigRow row) {
        return robot.lookup("#config-table .reveal").queryAllAs(Button.class).stream()
                .filter(b -> row.equals(((TableCell<?, ?>) b.getParent()).getItem())).findFirst();
    }

    private static ServerlessFunction row(FxRobot robot, String name) {
        return table(robot).getItems().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void showsFunctionsOfAllFivePlatformsAndFollowsAnExternalEdit(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().size() == 21);
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

    @SuppressWarnings("unchecked")
    @Test
    void thePodsTabSaysWhyAFunctionIsDegradedWithoutKubectl(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().stream().anyMatch(f -> f.name().equals("invoice-pdf")));
        robot.interact(() -> table(robot).getSelectionModel().select(row(robot, "recommendation")));
        robot.interact(window::showWorkloads);
        TableView<FunctionPod> pods = robot.lookup("#pods-table").queryAs(TableView.class);
        TableView<FunctionEvent> events = robot.lookup("#events-table").queryAs(TableView.class);
        until(() -> !pods.getItems().isEmpty());

        FunctionPod first = WaitForAsyncUtils.asyncFx(() -> pods.getItems().get(0)).get();
        assertThat(first.ready()).as("the pod that does not serve comes first").isFalse();
        assertThat(first.reason()).isEqualTo("CrashLoopBackOff");
        until(() -> !events.getItems().isEmpty());
        assertThat(WaitForAsyncUtils.asyncFx(() -> events.getItems().get(0)).get().warning()).isTrue();
        assertThat(robot.lookup("#workloads-summary").queryAs(Label.class).getText())
                .startsWith("recommendation: ").contains("not ready").contains("warning");
        assertThat(robot.lookup("#pods-endpoints").queryAs(Label.class).getText())
                .contains("1 not ready (" + first.name() + ")");
        robot.interact(() -> pods.getSelectionModel().select(0));
        assertThat(robot.lookup("#pod-details").queryAs(TextArea.class).getText())
                .contains("State: Waiting (CrashLoopBackOff)", "Last termination: Error, exit code 1", "Ready=False");

        // a Lambda function has no pods: the tab says so instead of an empty table
        robot.interact(() -> table(robot).getSelectionModel().select(row(robot, "invoice-pdf")));
        until(() -> robot.lookup("#workloads-summary").queryAs(Label.class).getText().contains("AWS Lambda"));
        assertThat(pods.getItems()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void theConfigTabMasksTheDatabasePasswordUntilShowIsClickedAndAgainOnTheNextSelection(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().size() == 21);
        robot.interact(() -> table(robot).getSelectionModel().select(row(robot, "payment-function")));
        robot.interact(window::showConfig);
        TableView<ConfigRow> rows = robot.lookup("#config-table").queryAs(TableView.class);
        until(() -> rows.getItems().stream().anyMatch(r -> r.name().equals("DB_PASSWORD")));
        ConfigModel model = window.config().model();
        ConfigRow password = WaitForAsyncUtils.asyncFx(() -> rows.getItems().stream()
                .filter(r -> r.name().equals("DB_PASSWORD")).findFirst().orElseThrow()).get();
        assertThat(password.origin()).isEqualTo("Secret payment-db/password");
        assertThat(model.valueShown(password)).isEqualTo(EnvValue.MASK);
        assertThat(robot.lookup("#config-table .table-cell").queryAllAs(TableCell.class).stream().map(TableCell::getText))
                .doesNotContain("sandbox-db-Pa55w0rd");

        // the row's cell (and its button) is drawn at the next layout pass
        until(() -> revealButton(robot, password).isPresent());
        Button show = revealButton(robot, password).orElseThrow();
        robot.clickOn(show);
        until(() -> "sandbox-db-Pa55w0rd".equals(model.valueShown(password)));
        until(() -> robot.lookup("#config-table .table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(c -> "sandbox-db-Pa55w0rd".equals(c.getText())));

        // another function selected: the value is masked again and nowhere on screen
        robot.interact(() -> table(robot).getSelectionModel().select(row(robot, "order-function")));
        until(() -> model.revealedProperty().get() == null);
        assertThat(robot.lookup(".table-cell").queryAllAs(TableCell.class).stream().map(TableCell::getText))
                .doesNotContain("sandbox-db-Pa55w0rd");
    }
}
