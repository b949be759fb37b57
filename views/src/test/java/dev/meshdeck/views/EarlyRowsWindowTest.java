package dev.meshdeck.views;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large cluster's first rows, listed before its slowest lists answer (#22): the table lists them while the source
 * is still connecting, and the function column, measured in the background at that size, fits the longest name.
 */
@ExtendWith(ApplicationExtension.class)
class EarlyRowsWindowTest {

    private static final int EARLY = 3_000;
    private static final String LONGEST = "payment-reconciliation-nightly-batch-worker";

    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.silent(List.of(FakeCatalog.SANDBOX));
        window = new MainWindow(catalog, WindowOptions.of("MeshDeck"));
        window.show(stage);
    }

    @Test
    void theFirstRowsAreListedBeforeTheLastListAnswersAndTheirColumnFitsTheLongestName(FxRobot robot) throws Exception {
        List<ServerlessFunction> early = functions(EARLY);
        catalog.emitAll(List.of(
                new InventoryEvent.SourceChanged(SourceStatus.connecting(FakeCatalog.SANDBOX)),
                new InventoryEvent.SourceLoaded(FakeCatalog.SANDBOX, early),
                new InventoryEvent.SourceChanged(new SourceStatus(FakeCatalog.SANDBOX, SourceStatus.State.CONNECTING,
                        EARLY + " functions so far; listed 9 of 11 kinds"))));

        until(() -> count(robot).equals(EARLY + " of " + EARLY + " functions"));
        assertThat(onFx(window::discovering)).as("the pods and policies are still on their way").isTrue();
        double longest = onFx(() -> {
            Text text = new Text(LONGEST);
            text.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12));
            return text.getLayoutBounds().getWidth();
        });
        until(() -> nameColumn(robot).getWidth() > longest);

        List<ServerlessFunction> whole = new ArrayList<>(early);
        whole.add(function(EARLY, "late-function"));
        catalog.emitAll(List.of(new InventoryEvent.SourceLoaded(FakeCatalog.SANDBOX, whole),
                new InventoryEvent.SourceChanged(SourceStatus.connected(FakeCatalog.SANDBOX, whole.size() + " functions"))));
        until(() -> count(robot).equals(whole.size() + " of " + whole.size() + " functions"));
        until(() -> !window.discovering());
        assertThat(onFx(() -> nameColumn(robot).getWidth())).isGreaterThan(longest);
    }

    private static List<ServerlessFunction> functions(int count) {
        List<ServerlessFunction> functions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            functions.add(function(i, i == count / 2 ? LONGEST : "fn-" + i));
        }
        return functions;
    }

    private static ServerlessFunction function(int i, String name) {
        return new ServerlessFunction(new FunctionId(FakeCatalog.SANDBOX, Platform.values()[i % 4], "ns-" + (i % 50), name),
                List.of(new TrafficShare("v1", 100)), MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of());
    }

    private static TableColumn<?, ?> nameColumn(FxRobot robot) {
        return robot.lookup("#function-table").queryTableView().getColumns().stream()
                .filter(c -> "name-column".equals(c.getId())).findFirst().orElseThrow();
    }

    private static String count(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#count-label").queryLabeled().getText());
    }
}
