package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.views.shell.Theme;
import dev.meshdeck.views.shell.WindowPreferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue #15: in the dark theme nothing stays white: the graph, the YAML views, the editor's and History's diffs. */
@ExtendWith(ApplicationExtension.class)
class DarkThemeTest {

    /** Mean luminance (0 black, 1 white) above which a pane reads as a white patch in the dark window. */
    private static final double DARK_ENOUGH = 0.3;

    private ShownWindow shown;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        shown = ShownWindow.on(stage, WindowPreferences.DEFAULT.withTheme(Theme.DARK));
        window = shown.window;
    }

    @Stop
    void stop() {
        shown.close();
        Theme.LIGHT.apply();
    }

    @BeforeEach
    void discoveryDone(FxRobot robot) throws Exception {
        shown.discovered(robot);
    }

    @Test
    void theYamlTheEditorAndItsDiffFollowTheDarkTheme(FxRobot robot) throws Exception {
        robot.clickOn("order-function");
        until(() -> robot.lookup("#resource-tabs").queryAs(TabPane.class).getTabs().size() == 3);
        assertThat(luminance(robot.lookup("#resource-tabs .yaml-area").query())).as("details YAML").isLessThan(DARK_ENOUGH);

        robot.interact(window::edit);
        until(() -> window.editor().trafficModel().isPresent());
        assertThat(luminance(robot.lookup("#candidate-yaml").query())).as("candidate YAML").isLessThan(DARK_ENOUGH);
        // a change, so the diff has added and removed lines to colour
        robot.interact(() -> window.editor().trafficModel().orElseThrow().setCandidatePercent(25));
        robot.interact(() -> robot.lookup("#candidate-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        until(() -> robot.lookup("#editor-pane .diff-view").query().isVisible());
        assertThat(luminance(robot.lookup("#editor-pane .diff-view").query())).as("editor diff").isLessThan(DARK_ENOUGH);
        DocShots.save(robot.lookup("#editor-pane").query().getScene(), "dark-editor-diff.png");
    }

    @Test
    void theTopologyCanvasFollowsTheThemeBothWays(FxRobot robot) throws Exception {
        robot.interact(window::showTopology);
        until(() -> window.topology().layout().width() > 0);
        robot.interact(() -> window.topology().drawNow());
        assertThat(luminance(window.topology().canvas())).isLessThan(DARK_ENOUGH);
        DocShots.save(window.topology().canvas().getScene(), "dark-topology.png");

        robot.interact(() -> Theme.LIGHT.apply());
        robot.interact(() -> window.topology().drawNow());
        assertThat(luminance(window.topology().canvas())).isGreaterThan(0.8);
    }

    @Test
    void theHistoryWindowIsDarkToo(FxRobot robot) throws Exception {
        robot.clickOn("#history-button");
        until(() -> window.changes().orElseThrow().historyWindow().map(Stage::isShowing).orElse(false));
        Parent history = onFx(() -> window.changes().orElseThrow().historyWindow().orElseThrow().getScene().getRoot());

        assertThat(luminance(history)).as("history window").isLessThan(DARK_ENOUGH);
        assertThat(luminance(robot.from(history).lookup(".diff-view").query())).as("history diff").isLessThan(DARK_ENOUGH);
        DocShots.save(history.getScene(), "dark-history.png");
    }

    /** The node as drawn now: mean luminance of every fourth pixel. */
    private static double luminance(Node node) throws Exception {
        return onFx(() -> {
            WritableImage image = node.snapshot(null, null);
            PixelReader pixels = image.getPixelReader();
            double sum = 0;
            int count = 0;
            for (int y = 0; y < (int) image.getHeight(); y += 4) {
                for (int x = 0; x < (int) image.getWidth(); x += 4) {
                    Color c = pixels.getColor(x, y);
                    sum += 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
                    count++;
                }
            }
            return count == 0 ? 1 : sum / count;
        });
    }
}
