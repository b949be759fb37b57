package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.views.commands.ShortcutSheet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue #15: the command palette (Ctrl+K, Ctrl+Shift+P) and the shortcut sheet (F1), driven by keys. */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {

    private ShownWindow shown;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shown = ShownWindow.on(stage);
        window = shown.window;
    }

    @Stop
    void stop() {
        shown.close();
    }

    @BeforeEach
    void discoveryDone(FxRobot robot) throws Exception {
        shown.discovered(robot);
    }

    @Test
    void ctrlKJumpsToAFunctionTypedFuzzily(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        until(this::paletteShowing);

        typeInPalette(robot, "pay fn bkp");
        DocShots.save(window.palette().orElseThrow().window().getScene(), "command-palette.png");
        robot.type(KeyCode.ENTER);

        until(() -> !paletteShowing());
        until(() -> "payment-function-backup".equals(labelText(robot, "#details-name")));
        assertThat(onFx(() -> table(robot).getSelectionModel().getSelectedItem().name())).isEqualTo("payment-function-backup");
        assertThat(onFx(() -> window.selection().get().name())).isEqualTo("payment-function-backup");
    }

    @Test
    void ctrlShiftPRunsAnActionAndTheArrowsChooseTheLine(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        until(() -> centreTab(robot) == 1);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        until(this::paletteShowing);

        typeInPalette(robot, ">show");
        // "Show the topology" (the shorter name) first, then "Show the functions"
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);

        until(() -> centreTab(robot) == 0);
        assertThat(paletteShowing()).isFalse();
    }

    private static int centreTab(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#centre-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex());
    }

    @Test
    void escClosesThePaletteWithoutRunningAnything(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        until(this::paletteShowing);
        typeInPalette(robot, "history");

        robot.type(KeyCode.ESCAPE);

        until(() -> !paletteShowing());
        assertThat(window.changes().orElseThrow().historyWindow()).isEmpty();
    }

    @Test
    void f1ListsEveryShortcutOfTheWindowAndEscClosesIt(FxRobot robot) throws Exception {
        robot.type(KeyCode.F1);
        until(() -> window.shortcutSheet().map(s -> s.stage().isShowing()).orElse(false));

        ShortcutSheet sheet = window.shortcutSheet().orElseThrow();
        List<String> lines = onFx(sheet::lines);
        List<String> accelerators = onFx(() -> stage.getScene().getAccelerators().keySet().stream()
                .map(KeyCombination::getDisplayText).toList());
        assertThat(accelerators).contains("Ctrl+K", "Ctrl+Shift+P", "F1", "Ctrl+H", "Ctrl+Shift+U");
        assertThat(String.join("\n", lines)).contains(accelerators).contains("Ctrl+Z", "Ctrl+S", "Ctrl+↵", "PgUp PgDn");

        DocShots.save(sheet.stage().getScene(), "shortcut-sheet.png");
        robot.type(KeyCode.ESCAPE);
        until(() -> !sheet.stage().isShowing());
    }

    /** TestFX writes to the window it targets, not to the focused one. */
    private void typeInPalette(FxRobot robot, String text) {
        robot.targetWindow(window.palette().orElseThrow().window());
        robot.write(text);
    }

    private boolean paletteShowing() throws Exception {
        return onFx(() -> window.palette().map(p -> p.showing()).orElse(false));
    }

    @SuppressWarnings("unchecked")
    static TableView<ServerlessFunction> table(FxRobot robot) {
        return robot.lookup("#function-table").queryAs(TableView.class);
    }

    static String labelText(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
