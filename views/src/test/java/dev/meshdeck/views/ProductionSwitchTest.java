package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.OverriddenFinding;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.inventory.SourceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Production stays read-only in the window until armed: the sandbox context is named production by the pattern
 * here, so Apply is disabled with the reason, Arm (after a confirm) enables it with a countdown, and the arming
 * expires after 15 minutes.
 */
@ExtendWith(ApplicationExtension.class)
class ProductionSwitchTest {

    static final String NO_CLUSTER = "no cluster in this test";

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Nothing recorded; connecting says there is no cluster. */
    static final class NoCluster implements ApplyTargets, ChangeHistory {
        @Override
        public Connection connect(Set<SourceRef> sources, ProductionGuard guard) {
            throw new IllegalStateException(NO_CLUSTER);
        }

        @Override
        public Connection connect(HistoryEntry entry, ProductionGuard guard) {
            throw new IllegalStateException(NO_CLUSTER);
        }

        @Override
        public ChangeHistory history() {
            return this;
        }

        @Override
        public long begin(WriteTarget target, String identity, ApplyRequest request, ChangeSet changes,
                          List<OverriddenFinding> overridden) {
            throw new IllegalStateException(NO_CLUSTER);
        }

        @Override
        public void written(long id, int index, ObjectNode stored) {
            throw new IllegalStateException(NO_CLUSTER);
        }

        @Override
        public void finish(long id, Status status, String detail) {
            throw new IllegalStateException(NO_CLUSTER);
        }

        @Override
        public List<HistoryEntry> entries() {
            return List.of();
        }

        @Override
        public Optional<HistoryEntry> entry(long id) {
            return Optional.empty();
        }
    }

    private final ManualClock clock = new ManualClock();
    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"))
                .withChanges(new NoCluster(), new ProductionArming("(?i)sandbox", clock));
        window.show(stage);
    }

    @Stop
    void stop() {
        catalog.close();
    }

    @Test
    void applyIsDisabledWithTheReasonUntilArmedAndArmingExpires(FxRobot robot) throws Exception {
        EditorLauncher.openFor(robot, "order-function");
        until(() -> robot.lookup("#preset-50").tryQuery().isPresent() && window.editor().trafficModel().isPresent());
        robot.clickOn("#preset-50");
        until(() -> window.editor().session().dirty());

        assertThat(onFx(() -> apply(robot).isDisabled())).isTrue();
        assertThat(onFx(() -> window.editor().applyRefusal())).contains("meshdeck-sandbox is production", "read-only");
        assertThat(onFx(() -> armState(robot))).isEqualTo("meshdeck-sandbox is read-only");

        robot.clickOn("#arm-button");
        until(() -> robot.lookup("Arm for 15 minutes").tryQuery().isPresent());
        robot.clickOn("Arm for 15 minutes");
        until(() -> !apply(robot).isDisabled());
        assertThat(onFx(() -> armState(robot))).isEqualTo("Armed — 15:00 left");

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        until(() -> armState(robot).equals("Armed — 5:00 left"));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        until(() -> apply(robot).isDisabled());
        assertThat(onFx(() -> armState(robot))).isEqualTo("meshdeck-sandbox is read-only");

        robot.clickOn("#arm-button");
        until(() -> robot.lookup("Arm for 15 minutes").tryQuery().isPresent());
        robot.clickOn("Arm for 15 minutes");
        until(() -> !apply(robot).isDisabled());
        robot.clickOn("#apply-button");
        until(() -> robot.lookup("#review-outcome").tryQuery().map(n -> ((Label) n).getText()).orElse("")
                .equals("Could not start"));
        assertThat(onFx(() -> robot.lookup("#review-outcome-detail").queryTextInputControl().getText())).isEqualTo(NO_CLUSTER);
    }

    private static Button apply(FxRobot robot) {
        return robot.lookup("#apply-button").queryAs(Button.class);
    }

    private static String armState(FxRobot robot) {
        return robot.lookup("#arm-state").queryAs(Label.class).getText();
    }
}
