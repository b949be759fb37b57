package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.until;

import dev.meshdeck.core.inventory.ServerlessFunction;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

/** Opens the policy editor as a user does: select the function's row, press Edit. */
final class EditorLauncher {

    private EditorLauncher() {
    }

    static void openFor(FxRobot robot, String function) throws Exception {
        clickRow(robot, function);
        until(() -> robot.lookup("#edit-button").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#edit-button");
    }

    /** With the editor open in its tab: back to the table, pick another function, back to the editor. */
    static void switchTo(FxRobot robot, String function) throws Exception {
        robot.clickOn("Functions");
        clickRow(robot, function);
        robot.clickOn("#editor-tab");
    }

    /** Scrolls the function's row into view, as a user would, and clicks it. */
    static void clickRow(FxRobot robot, String function) throws Exception {
        until(() -> {
            @SuppressWarnings("unchecked")
            TableView<ServerlessFunction> table = robot.lookup("#function-table").queryAs(TableView.class);
            table.getItems().stream().filter(f -> f.name().equals(function)).findFirst().ifPresent(table::scrollTo);
            return robot.lookup(function).tryQuery().map(Node::isVisible).orElse(false);
        });
        robot.clickOn(function);
    }
}
