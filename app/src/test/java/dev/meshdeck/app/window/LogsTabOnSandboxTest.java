package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Logs tab on the sandbox: both versions' lines, followed, narrowed by the filter typed. */
@ExtendWith(ApplicationExtension.class)
class LogsTabOnSandboxTest {

    private static Sources sources;
    private MainWindow window;

    /** Started before the FX setup, whose own timeout a loaded machine would exceed. */
    @BeforeAll
    static void startSandbox() {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sources.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck"));
        window.setLogs(sources.kube());
        window.show(stage);
    }

    @SuppressWarnings("unchecked")
    @Test
    void theLogsTabFollowsBothVersionsAndNarrowsToTheTypedText(FxRobot robot) throws Exception {
        TableView<ServerlessFunction> functions = robot.lookup("#function-table").queryAs(TableView.class);
        until(() -> functions.getItems().stream().anyMatch(f -> f.name().equals("order-function")));
        robot.interact(() -> functions.getSelectionModel().select(functions.getItems().stream()
                .filter(f -> f.name().equals("order-function")).findFirst().orElseThrow()));
        Instant opened = Instant.now();
        robot.interact(window::showLogs);
        TableView<LogLine> lines = robot.lookup("#logs-table").queryAs(TableView.class);

        // history of both versions, then lines written after the tab opened (followed)
        until(() -> versions(lines).containsAll(List.of("v1", "v2")));
        until(() -> WaitForAsyncUtils.asyncFx(() -> lines.getItems().get(lines.getItems().size() - 1).time()).get()
                .isAfter(opened.plusSeconds(1)));

        robot.clickOn("#log-filter").write("status=200");
        until(() -> WaitForAsyncUtils.asyncFx(() -> !lines.getItems().isEmpty()
                && lines.getItems().stream().allMatch(l -> l.text().contains("status=200"))).get());
        assertThat(robot.lookup("#logs-summary").queryLabeled().getText()).startsWith("order-function: ").contains("following");
    }

    private static List<String> versions(TableView<LogLine> lines) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> lines.getItems().stream().map(LogLine::version).distinct().toList()).get();
    }
}
