package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.until;

import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.views.shell.WindowPreferences;
import java.time.Clock;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The main window on the fake estate, with changes enabled against no cluster (History, Undo last, Apply show
 * and refuse nothing until pressed), as the keyboard, selection and theme tests open it.
 */
final class ShownWindow implements AutoCloseable {

    final FakeCatalog catalog = FakeCatalog.estate();
    final MainWindow window;

    private ShownWindow(Stage stage, WindowPreferences preferences) {
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"))
                .withChanges(new ProductionSwitchTest.NoCluster(), new ProductionArming("(?i)none", Clock.systemUTC()))
                .withPreferences(preferences);
        window.show(stage);
    }

    static ShownWindow on(Stage stage) {
        return new ShownWindow(stage, WindowPreferences.DEFAULT);
    }

    static ShownWindow on(Stage stage, WindowPreferences preferences) {
        return new ShownWindow(stage, preferences);
    }

    /** Waits until every fake function is listed. */
    void discovered(FxRobot robot) throws Exception {
        until(() -> KeyboardTest.table(robot).getItems().size() == FakeCatalog.FUNCTION_COUNT);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
