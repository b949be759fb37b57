package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.editing.TrafficEditorModel;
import dev.meshdeck.core.validation.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The traffic editor inside the main window, driven as an SRE would: slider, keys, table cells, YAML text. */
@ExtendWith(ApplicationExtension.class)
class PolicyEditorTest {

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
    void openOrderFunctionEditor(FxRobot robot) throws Exception {
        EditorLauncher.openFor(robot, "order-function");
        until(() -> canaryLabel(robot).equals("v2 10%"));
    }

    @Test
    void draggingTheSliderMovesTheCanaryAndRewritesTheYaml(FxRobot robot) throws Exception {
        robot.drag("#canary-slider .thumb").moveBy(120, 0).release(MouseButton.PRIMARY);

        until(() -> model().candidatePercent() > 10);
        int percent = onFx(() -> model().candidatePercent());
        assertThat(canaryLabel(robot)).isEqualTo("v2 " + percent + "%");
        until(() -> yaml(robot).contains("weight: " + percent));
        assertThat(yaml(robot)).contains("weight: " + (100 - percent));
        assertThat(onFx(() -> slider(robot).getValue())).isEqualTo(percent);
    }

    @Test
    void arrowAndPageKeysStepTheSlider(FxRobot robot) throws Exception {
        robot.interact(() -> slider(robot).requestFocus());

        robot.type(KeyCode.RIGHT);
        until(() -> canaryLabel(robot).equals("v2 11%"));
        robot.type(KeyCode.PAGE_UP);
        until(() -> canaryLabel(robot).equals("v2 16%"));
        robot.type(KeyCode.LEFT);
        until(() -> canaryLabel(robot).equals("v2 15%"));
        assertThat(yaml(robot)).contains("weight: 85", "weight: 15");
    }

    @Test
    void presetsMoveTrafficUnlessTheSplitIsLocked(FxRobot robot) throws Exception {
        robot.clickOn("#preset-50");
        until(() -> canaryLabel(robot).equals("v2 50%"));

        robot.clickOn("#canary-lock");
        until(() -> robot.lookup("#canary-lock").queryAs(ToggleButton.class).isSelected());
        robot.interact(() -> robot.lookup("#preset-25").queryButton().fire());
        robot.interact(() -> model().step(5));

        assertThat(canaryLabel(robot)).isEqualTo("v2 50%");
        assertThat(robot.lookup("#canary-slider").query().isDisabled()).isTrue();
    }

    @Test
    void editingAWeightCellRebalancesTheOthers(FxRobot robot) throws Exception {
        TableCell<?, ?> cell = weightCell(robot, 0);

        robot.doubleClickOn(cell).write("60").type(KeyCode.ENTER);

        until(() -> canaryLabel(robot).equals("v2 40%"));
        assertThat(robot.lookup("#weights-total").queryAs(Label.class).getText()).isEqualTo("Total 100%");
        assertThat(yaml(robot)).contains("weight: 60", "weight: 40");
    }

    @Test
    void editedYamlTextMovesTheForm(FxRobot robot) throws Exception {
        String edited = yaml(robot).replace("weight: 90", "weight: 65").replace("weight: 10", "weight: 35");

        robot.interact(() -> area(robot).replaceText(edited));

        until(() -> canaryLabel(robot).equals("v2 35%"));
        assertThat(onFx(() -> slider(robot).getValue())).isEqualTo(35.0);
        assertThat(onFx(() -> weightCell(robot, 0).getText())).isEqualTo("65");
    }

    @Test
    void negativeWeightInTheYamlIsAFindingUnderlinedAtItsLine(FxRobot robot) throws Exception {
        String edited = yaml(robot).replace("weight: 10", "weight: -10");
        int line = edited.lines().toList().indexOf("      weight: -10") + 1;

        robot.interact(() -> area(robot).replaceText(edited));

        until(() -> findings(robot).getItems().stream().anyMatch(f -> f.code().equals("MD0202")));
        Finding negative = onFx(() -> findings(robot).getItems().stream()
                .filter(f -> f.code().equals("MD0202")).findFirst().orElseThrow());
        assertThat(negative.position().orElseThrow().line()).isEqualTo(line);
        int offset = onFx(() -> area(robot).getAbsolutePosition(line - 1, 8));
        assertThat(onFx(() -> area(robot).getStyleOfChar(offset))).contains("yaml-error");

        // the finding points at route 0's destinations: clicking it shows them on the Routing tab
        robot.clickOn(findingCell(robot, "MD0202"));
        until(() -> robot.lookup("#route-destinations").query().isFocused());
        assertThat(onFx(() -> robot.lookup("#editor-forms").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getId())).isEqualTo("routing-tab");
    }

    @Test
    void fieldsTheFormDoesNotShowSurviveAnEdit(FxRobot robot) throws Exception {
        robot.clickOn("#preset-25");
        until(() -> canaryLabel(robot).equals("v2 25%"));

        String yaml = yaml(robot);
        assertThat(yaml).contains("team: orders", "timeout: 5s", "perTryTimeout: 2s", "attempts: 3", "weight: 75")
                .doesNotContain("resourceVersion", "observedGeneration");
        assertThat(onFx(() -> model().draft().candidate().at("/metadata/resourceVersion").asText())).isEqualTo("4711");
    }

    @Test
    void diffShowsOnlyTheWeightsUnifiedOrSideBySide(FxRobot robot) throws Exception {
        robot.clickOn("#preset-50");
        until(() -> canaryLabel(robot).equals("v2 50%"));
        robot.interact(() -> robot.lookup("#candidate-tabs").queryAs(TabPane.class).getSelectionModel().select(1));

        String unified = onFx(() -> robot.lookup("#diff-unified").queryAs(CodeArea.class).getText());
        assertThat(unified.lines().filter(l -> l.startsWith("+") || l.startsWith("-")).toList()).containsExactly(
                "--- live", "+++ candidate", "-      weight: 90", "+      weight: 50", "-      weight: 10", "+      weight: 50");

        robot.clickOn("#diff-side-by-side-toggle");
        ListView<?> rows = robot.lookup("#diff-side-by-side").queryAs(ListView.class);
        assertThat(rows.isVisible()).isTrue();
        assertThat(onFx(() -> rows.getItems().stream().filter(r -> ((dev.meshdeck.core.editing.LineDiff.Row) r).changed()).count()))
                .isEqualTo(2L);
    }

    @Test
    void undoRedoShortcutsAndDirtyMarkersSurviveSwitchingFunctions(FxRobot robot) throws Exception {
        robot.clickOn("#preset-50");
        until(() -> canaryLabel(robot).equals("v2 50%"));
        assertThat(robot.lookup("#traffic-dirty").query().isVisible()).isTrue();
        assertThat(rowChanged(robot, "order-function")).isTrue();

        EditorLauncher.switchTo(robot, "image-resize");
        until(() -> robot.lookup("#traffic-placeholder").query().isVisible());
        EditorLauncher.switchTo(robot, "order-function");
        until(() -> canaryLabel(robot).equals("v2 50%"));
        assertThat(rowChanged(robot, "order-function")).isTrue();

        robot.interact(() -> slider(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        until(() -> canaryLabel(robot).equals("v2 10%"));
        assertThat(robot.lookup("#traffic-dirty").query().isVisible()).isFalse();
        assertThat(rowChanged(robot, "order-function")).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        until(() -> canaryLabel(robot).equals("v2 50%"));
    }

    @Test
    void exportWritesThePendingChangesForReview(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#preset-25");
        until(() -> canaryLabel(robot).equals("v2 25%"));

        List<Path> files = onFx(() -> window.editor().exportTo(dir));

        assertThat(files).containsExactly(dir.resolve("serverless/virtualservice-order-function.yaml"));
        assertThat(Files.readString(files.get(0))).contains("weight: 75", "weight: 25", "team: orders")
                .doesNotContain("resourceVersion", "status:");
        assertThat(robot.lookup("#editor-status").queryAs(Label.class).getText()).startsWith("Wrote 1 file");
    }

    /** Regenerates the editor screenshot: -Dmeshdeck.editor.screenshot=/path/editor.png. */
    @Test
    void screenshotOfTheTrafficEditor(FxRobot robot) throws Exception {
        robot.clickOn("#preset-25");
        until(() -> canaryLabel(robot).equals("v2 25%"));
        String edited = yaml(robot).replace("weight: 75", "weight: -75");
        robot.interact(() -> area(robot).replaceText(edited));
        until(() -> !findings(robot).getItems().isEmpty());
        robot.interact(() -> area(robot).moveTo(0));

        Path png = Path.of(System.getProperty("meshdeck.editor.screenshot", "target/editor-traffic.png"));
        window.snapshot(png);

        assertThat(Files.size(png)).isPositive();
    }

    private TrafficEditorModel model() {
        return window.editor().trafficModel().orElseThrow();
    }

    private static String canaryLabel(FxRobot robot) {
        return robot.lookup("#canary-label").queryAs(Label.class).getText();
    }

    private static Slider slider(FxRobot robot) {
        return robot.lookup("#canary-slider").queryAs(Slider.class);
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#candidate-yaml").queryAs(CodeArea.class);
    }

    private static String yaml(FxRobot robot) throws Exception {
        return onFx(() -> area(robot).getText());
    }

    @SuppressWarnings("unchecked")
    private static ListView<Finding> findings(FxRobot robot) {
        return robot.lookup("#findings-list").queryAs(ListView.class);
    }

    private static Node findingCell(FxRobot robot, String code) {
        return robot.lookup("#findings-list .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> c.getText() != null && c.getText().contains(code)).query();
    }

    private static TableCell<?, ?> weightCell(FxRobot robot, int row) {
        return robot.lookup("#weights-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getTableColumn() != null && "weight-column".equals(c.getTableColumn().getId())
                        && c.getIndex() == row)
                .query();
    }

    private static boolean rowChanged(FxRobot robot, String function) throws Exception {
        return onFx(() -> robot.lookup("#function-table .table-row-cell")
                .match((TableRow<?> r) -> r.getItem() instanceof dev.meshdeck.core.inventory.ServerlessFunction f
                        && f.name().equals(function))
                .queryAs(TableRow.class).getPseudoClassStates().contains(PseudoClass.getPseudoClass("changed")));
    }
}
