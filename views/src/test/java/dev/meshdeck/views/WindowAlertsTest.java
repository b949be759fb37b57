package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;

import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The window polls its alert sources: the table's Alerts column and the details pane show a firing alert. */
@ExtendWith(ApplicationExtension.class)
class WindowAlertsTest {

    private FakeCatalog catalog;
    private MainWindow window;

    /** A Prometheus on which order-function's latency SLO fires. */
    private static final AlertSource FIRING = new AlertSource() {
        @Override
        public String name() {
            return "prometheus test";
        }

        @Override
        public List<ActiveAlert> read() {
            return List.of(new ActiveAlert("prometheus test", Optional.of("serverless/order-function"), "FunctionLatencySloBreached",
                    "critical", ActiveAlert.State.FIRING, Instant.parse("2026-12-08T04:07:29Z"), 1900,
                    Map.of("alertname", "FunctionLatencySloBreached", "function", "order-function"),
                    Optional.of("p95 latency of serverless/order-function is 1.9kms, above its SLO of 1s")));
        }
    };

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"));
        window.setAlerts(List.of(FIRING));
        window.show(stage);
    }

    @Stop
    void stop() {
        window.topology().close();
        catalog.close();
    }

    @Test
    void aFiringAlertShowsInTheTableAndTheDetails(FxRobot robot) throws Exception {
        until(() -> alertsCell(robot, "order-function").equals("1 firing"));

        onFx(() -> window.select("order-function"));

        until(() -> robot.lookup("#details-alerts").tryQuery().isPresent()
                && robot.lookup("#details-alerts").queryAs(VBox.class).getChildren().stream()
                        .anyMatch(n -> n instanceof Label l && l.getText().startsWith("firing · critical · FunctionLatencySloBreached")));
    }

    private static String alertsCell(FxRobot robot, String function) {
        return robot.lookup("#function-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && "alerts-column".equals(c.getTableColumn().getId()) && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof dev.meshdeck.core.inventory.ServerlessFunction f
                        && f.name().equals(function))
                .map(n -> ((TableCell<?, ?>) n).getText()).findFirst().orElse("");
    }
}
