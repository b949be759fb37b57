package dev.meshdeck.views;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

/** 10,000 functions reported one event at a time, as informers do on start-up. */
@ExtendWith(ApplicationExtension.class)
class LargeEstateTest {

    private static final int FUNCTIONS = 10_000;

    private FakeCatalog catalog;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.silent(List.of(FakeCatalog.SANDBOX));
        new MainWindow(catalog, WindowOptions.of("MeshDeck")).show(stage);
    }

    @Test
    void burstOfSingleEventsEndsWithEveryFunctionListedAndLiveUpdatesStillApply(FxRobot robot) throws Exception {
        List<InventoryEvent> burst = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS; i++) {
            burst.add(new InventoryEvent.FunctionChanged(function(i, "v1", 100)));
        }
        catalog.emitAll(burst);
        until(() -> count(robot).equals("10000 of 10000 functions"));

        catalog.emit(new InventoryEvent.FunctionChanged(function(4_321, "v2", 100)));

        robot.clickOn("#filter-field").write("fn-4321");

        until(() -> count(robot).equals("1 of 10000 functions"));
        until(() -> robot.lookup(".table-cell").match(LabeledMatchers.hasText("v2 100%")).queryAll().size() == 1);
        assertThat(count(robot)).isEqualTo("1 of 10000 functions");
    }

    private static ServerlessFunction function(int i, String version, double percent) {
        Platform platform = Platform.values()[i % 4];
        return new ServerlessFunction(new FunctionId(FakeCatalog.SANDBOX, platform, "ns-" + (i % 50), "fn-" + i),
                List.of(new TrafficShare(version, percent)), MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of());
    }

    private static String count(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#count-label").queryLabeled().getText());
    }
}
