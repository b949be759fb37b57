package dev.meshdeck.views;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.NodeKind;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Also writes the docs' pictures of the layout: -Dmeshdeck.layout.editor1280=docs/screenshots/1280x800-editor.png,
 * -Dmeshdeck.layout.table1280=..., -Dmeshdeck.layout.editor1024=..., -Dmeshdeck.layout.table1024=...
 *
 * <p>The window on a laptop screen: with the policy editor open, the table's essential text (function, traffic,
 * health) is whole at 1280×800 and 1024×700, the editor gets the whole width, and the table surfaces problems
 * (severity sort, "Needs attention", the graph's figures).
 */
@ExtendWith(ApplicationExtension.class)
class ResponsiveLayoutTest {

    private static final Set<String> ESSENTIAL_COLUMNS = Set.of("name-column", "traffic-column", "health-column");

    private FakeCatalog catalog;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"));
        window.setTelemetry(new FixedTelemetry(), Duration.ofSeconds(1));
        window.show(stage);
    }

    @Stop
    void stop() {
        window.topology().close();
        catalog.close();
    }

    /** TestFX keeps one stage for every test class: the next one gets it at the size it expects. */
    @AfterEach
    void restoreStageSize(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(MainWindow.WIDTH);
            stage.setHeight(MainWindow.HEIGHT);
        });
    }

    @BeforeEach
    void discoveryAndFirstPollDone(FxRobot robot) throws Exception {
        until(() -> table(robot).getItems().size() == FakeCatalog.FUNCTION_COUNT);
        until(() -> robot.lookup("#requests-column").tryQuery().isPresent()
                && cellTexts(robot, "requests-column").contains("8.5"));
    }

    @Test
    void essentialTextIsWholeAt1280By800WithTheEditorOpen(FxRobot robot) throws Exception {
        openEditorOn(robot, "order-function");

        assertEditorTakesTheWholeWidth(robot, 1280);
        showScreenshot("meshdeck.layout.editor1280", "target/layout-1280x800-editor.png");
        robot.clickOn("Functions");
        assertEssentialTextWhole(robot);
        showScreenshot("meshdeck.layout.table1280", "target/layout-1280x800-table.png");
    }

    @Test
    void essentialTextIsWholeAt1024By700WithTheEditorOpen(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        until(() -> table(robot).getWidth() < 1024);
        openEditorOn(robot, "order-function");

        assertEditorTakesTheWholeWidth(robot, 1024);
        showScreenshot("meshdeck.layout.editor1024", "target/layout-1024x700-editor.png");
        robot.clickOn("Functions");
        assertEssentialTextWhole(robot);
        showScreenshot("meshdeck.layout.table1024", "target/layout-1024x700-table.png");
    }

    @Test
    void sortingHealthAscendingListsTheUnhealthyFirst(FxRobot robot) throws Exception {
        robot.clickOn("Health");

        until(() -> names(robot).get(0).equals("notify-email"));
        assertThat(names(robot).subList(0, 2)).containsExactly("notify-email", "recommendation");
    }

    @Test
    void needsAttentionListsDownDegradedFailingAndCanaryFunctions(FxRobot robot) throws Exception {
        Set<String> expected = Set.of("notify-email", "recommendation", "payment-function", "order-function",
                "image-resize", "invoice-pdf");
        assertThat(onFx(() -> robot.lookup("#attention-toggle").queryAs(Labeled.class).getText()))
                .isEqualTo("Needs attention (6)");

        robot.clickOn("#attention-toggle");

        until(() -> table(robot).getItems().size() == expected.size());
        assertThat(names(robot)).containsExactlyInAnyOrderElementsOf(expected);
        robot.clickOn("#attention-toggle");
        until(() -> table(robot).getItems().size() == FakeCatalog.FUNCTION_COUNT);
    }

    @Test
    void requestRateAndErrorsAreTheGraphsFigures(FxRobot robot) throws Exception {
        ServerlessFunction payment = onFx(() -> table(robot).getItems().stream()
                .filter(f -> f.name().equals("payment-function")).findFirst().orElseThrow());
        int row = onFx(() -> table(robot).getItems().indexOf(payment));
        robot.interact(() -> table(robot).scrollTo(row));

        until(() -> cellText(robot, "requests-column", payment).equals("8.5")
                && cellText(robot, "errors-column", payment).equals("12%"));
        assertThat(onFx(() -> window.topology().model().nodes().stream()
                .filter(n -> n.kind() == NodeKind.FUNCTION && payment.equals(n.function())).findFirst().orElseThrow().stats()))
                .isEqualTo(new TrafficStats(8.5, 0.12, 250));
    }

    // ---- helpers ----

    private void openEditorOn(FxRobot robot, String function) throws Exception {
        EditorLauncher.openFor(robot, function);
        until(() -> window.editing() && centre(robot).getSelectionModel().getSelectedItem().getId().equals("editor-tab"));
    }

    private void assertEditorTakesTheWholeWidth(FxRobot robot, double width) throws Exception {
        until(() -> window.editor().node().getLayoutBounds().getWidth() > width - 20);
        assertThat(onFx(() -> robot.lookup("#source-tree").tryQuery().map(Node::isVisible).orElse(false)))
                .as("the source tree is not squeezed next to the editor").isFalse();
    }

    /** Every shown cell of the essential columns reads its whole text, and lies inside the table. */
    private void assertEssentialTextWhole(FxRobot robot) throws Exception {
        until(() -> !essentialCells(robot).isEmpty());
        List<String> cut = onFx(() -> {
            Bounds tableBounds = table(robot).localToScene(table(robot).getLayoutBounds());
            List<String> found = new ArrayList<>();
            for (TableCell<?, ?> cell : essentialCells(robot)) {
                Bounds bounds = cell.localToScene(cell.getLayoutBounds());
                if (bounds.getMaxX() > tableBounds.getMaxX() + 0.5) {
                    found.add(cell.getTableColumn().getId() + " row " + cell.getIndex() + " lies outside the table");
                }
                for (Labeled labeled : labeleds(cell)) {
                    String shown = shownText(labeled);
                    if (labeled.getText() != null && !labeled.getText().isEmpty() && !labeled.getText().equals(shown)) {
                        found.add(cell.getTableColumn().getId() + ": '" + labeled.getText() + "' reads '" + shown + "'");
                    }
                }
            }
            return found;
        });
        assertThat(cut).isEmpty();
        assertThat(onFx(() -> essentialCells(robot).size())).isGreaterThanOrEqualTo(3 * 8);
    }

    private static List<TableCell<?, ?>> essentialCells(FxRobot robot) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node node : robot.lookup("#function-table .table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getItem() != null
                    && cell.getTableColumn() != null && ESSENTIAL_COLUMNS.contains(cell.getTableColumn().getId())) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** The cell and the labels in its graphic (the name over its place). */
    private static List<Labeled> labeleds(Node node) {
        List<Labeled> found = new ArrayList<>();
        if (node instanceof Labeled labeled) {
            found.add(labeled);
            if (labeled.getGraphic() != null) {
                found.addAll(labeleds(labeled.getGraphic()));
            }
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(labeleds(child)));
        }
        return found;
    }

    /** What the label draws: its text node (not its icon, also a Text), ellipsised when the label is too narrow. */
    private static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.getStyleClass().contains("text"))
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
    }

    private static String cellText(FxRobot robot, String column, ServerlessFunction function) {
        return robot.lookup("#function-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getId()) && c.getTableRow() != null
                        && function.equals(c.getTableRow().getItem()))
                .map(n -> ((TableCell<?, ?>) n).getText()).findFirst().orElse("");
    }

    private static List<String> cellTexts(FxRobot robot, String column) {
        return robot.lookup("#function-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getId()))
                .map(n -> ((TableCell<?, ?>) n).getText()).toList();
    }

    private void showScreenshot(String property, String fallback) throws Exception {
        Path png = Path.of(System.getProperty(property, fallback));
        window.snapshot(png);
        assertThat(Files.size(png)).isPositive();
    }

    private static List<String> names(FxRobot robot) throws Exception {
        return onFx(() -> table(robot).getItems().stream().map(ServerlessFunction::name).toList());
    }

    @SuppressWarnings("unchecked")
    private static TableView<ServerlessFunction> table(FxRobot robot) {
        return robot.lookup("#function-table").queryAs(TableView.class);
    }

    private static TabPane centre(FxRobot robot) {
        return robot.lookup("#centre-tabs").queryAs(TabPane.class);
    }

    /** Figures for two functions, as a mesh's Prometheus would report them. */
    private static final class FixedTelemetry implements TelemetrySource {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public TelemetrySnapshot fetch(Duration window) {
            return new TelemetrySnapshot(Instant.now(), Map.of(), Map.of(
                    new ServiceRef(FakeCatalog.SANDBOX.id(), "payments", "payment-function"), new TrafficStats(8.5, 0.12, 250),
                    new ServiceRef(FakeCatalog.SANDBOX.id(), "serverless", "order-function"), new TrafficStats(24, 0.004, 80)));
        }
    }
}
