package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.until;

import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Opens the policy editor as a user does: select the function's row, press Edit. */
final class EditorLauncher {

    private EditorLauncher() {
    }

    static void openFor(FxRobot robot, String function) throws Exception {
        until(() -> robot.lookup(function).tryQuery().isPresent());
        robot.clickOn(function);
        until(() -> robot.lookup("#edit-button").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#edit-button");
    }
}
