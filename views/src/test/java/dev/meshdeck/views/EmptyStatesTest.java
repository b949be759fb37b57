package dev.meshdeck.views;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceStatus;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class EmptyStatesTest {

    private FakeCatalog catalog;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.silent(List.of(FakeCatalog.STAGING));
        new MainWindow(catalog, WindowOptions.of("MeshDeck")).show(stage);
    }

    @Test
    void tableSaysItIsDiscoveringUntilTheSourceAnswers(FxRobot robot) throws Exception {
        assertThat(message(robot)).isEqualTo("Discovering functions…");
        assertThat(robot.lookup(".source-status.connecting").queryAll()).hasSize(1);

        catalog.emit(new InventoryEvent.SourceChanged(SourceStatus.failed(FakeCatalog.STAGING, FakeCatalog.STAGING_FAILURE)));

        until(() -> message(robot).equals("No functions found in the connected sources"));
        assertThat(robot.lookup(".source-status.failed").queryAll()).hasSize(1);
    }

    @Test
    void noBannerOutsideTheSandbox(FxRobot robot) {
        assertThat(robot.lookup("#sandbox-banner").tryQuery()).isEmpty();
    }

    private static String message(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#empty-message").queryLabeled().getText());
    }
}
