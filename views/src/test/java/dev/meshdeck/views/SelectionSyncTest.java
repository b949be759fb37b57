package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static dev.meshdeck.views.KeyboardTest.labelText;
import static dev.meshdeck.views.KeyboardTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.topology.TopologyModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue #15: one selection, followed by the table, the graph, the details pane and the editor. */
@ExtendWith(ApplicationExtension.class)
class SelectionSyncTest {

    private ShownWindow shown;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        shown = ShownWindow.on(stage);
        window = shown.window;
    }

    @Stop
    void stop() {
        shown.close();
    }

    @BeforeEach
    void discoveryDone(FxRobot robot) throws Exception {
        shown.discovered(robot);
        until(() -> window.topology().model().node(nodeOf("fraud-check")) != null);
    }

    @Test
    void aRowClickedInTheTableIsSelectedInTheGraph(FxRobot robot) throws Exception {
        robot.clickOn("order-function");

        until(() -> "order-function".equals(labelText(robot, "#details-name")));
        assertThat(onFx(() -> window.topology().selectedNode())).isEqualTo(nodeOf("order-function"));
    }

    @Test
    void aNodeClickedInTheGraphIsHighlightedInTheTableAndShownInTheDetails(FxRobot robot) throws Exception {
        robot.clickOn("order-function");
        until(() -> "order-function".equals(labelText(robot, "#details-name")));

        robot.interact(() -> window.topology().select(nodeOf("fraud-check")));

        until(() -> "fraud-check".equals(labelText(robot, "#details-name")));
        assertThat(onFx(() -> table(robot).getSelectionModel().getSelectedItem().name())).isEqualTo("fraud-check");
        DocShots.save(window.topology().canvas().getScene(), "selection-from-graph.png");
    }

    @Test
    void theOpenEditorFollowsASelectionMadeInTheGraph(FxRobot robot) throws Exception {
        robot.clickOn("order-function");
        robot.interact(window::edit);
        until(() -> window.editor().function() != null && window.editor().function().name().equals("order-function"));

        robot.interact(() -> window.topology().select(nodeOf("fraud-check")));

        until(() -> window.editor().function().name().equals("fraud-check"));
        assertThat(onFx(() -> table(robot).getSelectionModel().getSelectedItem().name())).isEqualTo("fraud-check");
    }

    @Test
    void aFilterThatHidesTheSelectedRowHighlightsNoOtherFunction(FxRobot robot) throws Exception {
        robot.clickOn("order-function");
        until(() -> "order-function".equals(labelText(robot, "#details-name")));

        robot.clickOn("#filter-field").write("ns:payments");

        until(() -> table(robot).getItems().size() == 3);
        ServerlessFunction highlighted = onFx(() -> table(robot).getSelectionModel().getSelectedItem());
        assertThat(highlighted == null || highlighted.name().equals("order-function")).as("highlighted %s", highlighted).isTrue();
        assertThat(labelText(robot, "#details-name")).isEqualTo("order-function");
        assertThat(onFx(() -> window.selection().get().name())).isEqualTo("order-function");
    }

    @Test
    void aRemovedFunctionLeavesNoPaneShowingIt(FxRobot robot) throws Exception {
        robot.clickOn("order-function");
        until(() -> "order-function".equals(labelText(robot, "#details-name")));

        shown.catalog.emit(new InventoryEvent.FunctionRemoved(window.selection().get().id()));

        until(() -> onFx(() -> window.selection().get() == null && table(robot).getSelectionModel().getSelectedItem() == null
                && window.topology().selectedNode() == null));
        assertThat(onFx(() -> robot.lookup("#details-pane .details-content").query().isVisible())).isFalse();
    }

    private String nodeOf(String name) {
        return FakeCatalog.sandboxFunctions().stream().filter(f -> f.name().equals(name)).findFirst()
                .map(f -> TopologyModel.nodeId(f.id())).orElseThrow();
    }
}
