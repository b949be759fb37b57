package dev.meshdeck.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.views.canary.CanaryPane;
import dev.meshdeck.views.canary.CanaryRunFixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The Canary tab lists the stored runs, counts down to the running one's decision and sends its Pause to the store. */
@ExtendWith(ApplicationExtension.class)
class CanaryTabTest {

    private final CanaryRunFixtures.Store store = new CanaryRunFixtures.Store();
    private CanaryPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        java.util.List<CanaryRun> older = new java.util.ArrayList<>(CanaryRunFixtures.sandboxRuns());
        java.util.Collections.reverse(older);
        older.forEach(store::save);
        store.save(CanaryRunFixtures.running());
        pane = new CanaryPane(store, Clock.fixed(CanaryRunFixtures.NOW, ZoneOffset.UTC));
        scene = new Scene((javafx.scene.Parent) pane.node(), 1100, 560);
        stage.setScene(scene);
        stage.show();
        pane.start();
    }

    @Stop
    void stop() {
        pane.stop();
    }

    @Test
    void runsAreListedAndPauseReachesTheProcessDrivingTheRun(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#canary-runs").queryAs(ListView.class).getItems().size() == 3);
        FxWait.until(() -> robot.lookup("#canary-countdown").queryAs(Label.class).getText().equals("next decision in 7s"));

        robot.clickOn("#canary-pause");

        assertThat(store.requests).containsEntry("order-function-2", Control.PAUSE);
        @SuppressWarnings("unchecked")
        ListView<CanaryRun> list = robot.lookup("#canary-runs").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(1));
        FxWait.until(() -> robot.lookup("#canary-abort").queryAs(Button.class).isDisabled());
        DocShots.save(scene, "canary.png");
    }
}
