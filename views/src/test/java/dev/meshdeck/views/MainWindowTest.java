package dev.meshdeck.views;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"));
        window.show(stage);
    }

    @Stop
    void stop() {
        catalog.close();
    }

    @BeforeEach
    void discoveryDone(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().size() == FakeCatalog.FUNCTION_COUNT);
    }

    @Test
    void tableShowsEveryFunctionOfEveryPlatform(FxRobot robot) throws Exception {
        Set<Platform> platforms = onFx(() -> table(robot).getItems().stream()
                .map(ServerlessFunction::platform).collect(Collectors.toSet()));

        // the fake estate has no Cloud Run service: MainWindowOnSandboxTest sees that platform on the sandbox
        assertThat(platforms).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Platform.CLOUDRUN)));
        assertThat(text(robot, "#count-label")).isEqualTo("16 of 16 functions");
    }

    @Test
    void typedFilterNarrowsTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#filter-field").write("ns:payments");

        until(() -> table(robot).getItems().size() == 3);
        assertThat(names(robot)).containsExactlyInAnyOrder("payment-function", "payment-function-backup", "fraud-check");
        assertThat(text(robot, "#count-label")).isEqualTo("3 of 16 functions");
    }

    @Test
    void filterThatMatchesNothingSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#filter-field").write("no-such-function");

        until(() -> table(robot).getItems().isEmpty());
        assertThat(text(robot, "#empty-message")).isEqualTo("No functions match the filter");
    }

    @Test
    void platformChipShowsOnlyThatPlatform(FxRobot robot) throws Exception {
        robot.clickOn("#chip-lambda");

        until(() -> table(robot).getItems().size() == 3);
        assertThat(names(robot)).containsExactlyInAnyOrder("thumbnail-lambda", "invoice-pdf", "notify-email");
    }

    @Test
    void selectingASourceOrPlatformInTheTreeFiltersTheTable(FxRobot robot) throws Exception {
        // at 1280 px the tree is folded away behind its toggle
        robot.clickOn("#sources-toggle");
        robot.clickOn("eu-west-1");
        until(() -> table(robot).getItems().size() == 3);
        assertThat(onFx(() -> table(robot).getItems().stream().allMatch(f -> f.source().equals(FakeCatalog.AWS))))
                .isTrue();

        robot.clickOn("Knative (4)");
        until(() -> table(robot).getItems().size() == 4);
        assertThat(names(robot)).containsExactlyInAnyOrder("image-resize", "thumbnail", "user-profile", "fraud-check");
    }

    @Test
    void selectingARowShowsItsDetailsAndYaml(FxRobot robot) throws Exception {
        EditorLauncher.clickRow(robot, "order-function");

        until(() -> resourceTabs(robot).getTabs().size() == 3);
        assertThat(text(robot, "#details-name")).isEqualTo("order-function");
        assertThat(text(robot, "#details-health")).isEqualTo("2/2 · 2 ep · Ready");
        List<String> titles = onFx(() -> resourceTabs(robot).getTabs().stream()
                .map(t -> ((MeshResource) t.getUserData()).kind()).toList());
        assertThat(titles).containsExactly("Deployment", "VirtualService", "DestinationRule");
        assertThat(onFx(() -> yamlOf(resourceTabs(robot), 1))).contains("kind: VirtualService", "weight: 90");
    }

    @Test
    void failedSourceShowsItsMessageWhileTheOthersAreConnected(FxRobot robot) throws Exception {
        until(() -> statusTexts(robot).size() == 3);
        List<String> statuses = statusTexts(robot);

        assertThat(statuses).anySatisfy(s -> assertThat(s).startsWith("staging-eu").contains(FakeCatalog.STAGING_FAILURE));
        assertThat(statuses).contains("meshdeck-sandbox · 13 functions", "123456789012/eu-west-1 · 3 functions");
        assertThat(robot.lookup(".source-status.failed").queryAll()).hasSize(1);
        assertThat(text(robot, "#problems-button")).isEqualTo("1 problem");
    }

    @Test
    void liveChangeUpdatesTheRowAndTheOpenDetails(FxRobot robot) throws Exception {
        EditorLauncher.clickRow(robot, "order-function");
        until(() -> resourceTabs(robot).getTabs().size() == 3);

        catalog.emit(new InventoryEvent.FunctionChanged(FakeCatalog.orderFunction(
                List.of(new TrafficShare("v1", 50), new TrafficShare("v2", 50)))));

        until(() -> !robot.lookup("v1 50%\nv2 50%").queryAll().isEmpty());
        assertThat(onFx(() -> table(robot).getSelectionModel().getSelectedItem().name())).isEqualTo("order-function");
        assertThat(robot.lookup(".traffic-percent").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("50%", "50%");
        assertThat(table(robot).getItems()).hasSize(FakeCatalog.FUNCTION_COUNT);
    }

    @Test
    void sandboxBannerExplainsWhereTheFunctionsComeFrom(FxRobot robot) {
        Node banner = robot.lookup("#sandbox-banner").query();

        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.from(banner).lookup(".sandbox-text").queryAs(Label.class).getText())
                .isEqualTo(WindowOptions.SANDBOX_EXPLANATION);
    }

    /** Also regenerates the README screenshot: -Dmeshdeck.screenshot=/path/shot.png. */
    @Test
    void snapshotWritesTheWindowAsAPng(FxRobot robot) throws Exception {
        EditorLauncher.clickRow(robot, "order-function");
        until(() -> resourceTabs(robot).getTabs().size() == 3);
        Path png = Path.of(System.getProperty("meshdeck.screenshot", "target/views-shot.png"));

        window.snapshot(png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(Files.size(png)).isPositive();
        assertThat(image.getWidth()).isEqualTo((int) MainWindow.WIDTH);
        assertThat(image.getHeight()).isEqualTo((int) MainWindow.HEIGHT);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ServerlessFunction> table(FxRobot robot) {
        return robot.lookup("#function-table").queryAs(TableView.class);
    }

    private static TabPane resourceTabs(FxRobot robot) {
        return robot.lookup("#resource-tabs").queryAs(TabPane.class);
    }

    @SuppressWarnings("unchecked")
    private static String yamlOf(TabPane tabs, int index) {
        return ((VirtualizedScrollPane<CodeArea>) tabs.getTabs().get(index).getContent()).getContent().getText();
    }

    private static List<String> names(FxRobot robot) throws Exception {
        return onFx(() -> table(robot).getItems().stream().map(ServerlessFunction::name).toList());
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static List<String> statusTexts(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".source-status").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }
}
