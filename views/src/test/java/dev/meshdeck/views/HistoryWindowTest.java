package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.changes.ProductionArming;
import java.time.Clock;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue #15: the History window closes with its Close button and with Esc, as a dialog does. */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {

    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"))
                .withChanges(new ProductionSwitchTest.NoCluster(), new ProductionArming("(?i)none", Clock.systemUTC()));
        window.show(stage);
    }

    @Stop
    void stop() {
        catalog.close();
    }

    @Test
    void escAndCloseHideTheHistoryWindow(FxRobot robot) throws Exception {
        robot.clickOn("#history-button");
        until(() -> historyShowing());

        robot.type(KeyCode.ESCAPE);
        until(() -> !historyShowing());

        robot.clickOn("#history-button");
        until(() -> historyShowing());
        robot.clickOn("#history-close");
        until(() -> !historyShowing());
        assertThat(window.changes().orElseThrow().historyWindow()).isPresent();
    }

    private boolean historyShowing() {
        return window.changes().orElseThrow().historyWindow().map(Stage::isShowing).orElse(false);
    }
}
