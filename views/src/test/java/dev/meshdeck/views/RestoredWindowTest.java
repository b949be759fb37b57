package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.meshdeck.views.shell.Theme;
import dev.meshdeck.views.shell.WindowPreferences;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue #15: the window opens as it was closed, and says how it is now, for the next start. */
@ExtendWith(ApplicationExtension.class)
class RestoredWindowTest {

    private static final WindowPreferences SAVED = new WindowPreferences(Theme.DARK,
            Optional.of(new WindowPreferences.Bounds(20, 30, 1100, 700)), false, WindowPreferences.CentreView.TOPOLOGY,
            List.of(0.2, 0.7));

    private ShownWindow shown;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shown = ShownWindow.on(stage, SAVED);
    }

    @Stop
    void stop() {
        shown.close();
        Theme.LIGHT.apply();
    }

    @Test
    void theWindowOpensWithTheSavedThemePlaceTabAndDividers(FxRobot robot) throws Exception {
        assertThat(onFx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .containsExactly(20.0, 30.0, 1100.0, 700.0);
        assertThat(Theme.current().get()).isEqualTo(Theme.DARK);
        assertThat(onFx(() -> robot.lookup("#centre-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex()))
                .isEqualTo(1);
        double[] dividers = onFx(() -> robot.lookup(".main-panes").queryAs(SplitPane.class).getDividerPositions());
        assertThat(dividers[0]).isCloseTo(0.2, within(0.01));
        assertThat(dividers[1]).isCloseTo(0.7, within(0.01));
    }

    @Test
    void whatTheWindowSaysOfItselfIsWhatTheNextStartOpens(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Theme.LIGHT.apply();
            shown.window.showFunctions();
            stage.setX(44);
            stage.setWidth(1200);
        });

        WindowPreferences now = onFx(shown.window::preferences);

        assertThat(now.theme()).isEqualTo(Theme.LIGHT);
        assertThat(now.view()).isEqualTo(WindowPreferences.CentreView.FUNCTIONS);
        assertThat(now.bounds()).contains(new WindowPreferences.Bounds(44, 30, 1200, 700));
        assertThat(now.dividers()).hasSize(2);
        assertThat(now.maximized()).isFalse();
    }
}
