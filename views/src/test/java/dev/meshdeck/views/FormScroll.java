package dev.meshdeck.views;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;

/** Scrolls the form that holds a control so the control shows, as a user would before clicking it. */
final class FormScroll {

    private FormScroll() {
    }

    static void scrollTo(FxRobot robot, Node node) {
        robot.interact(() -> {
            Node n = node;
            while (n != null && !(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof ScrollPane scroll) {
                Node content = scroll.getContent();
                double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / range)));
            }
        });
    }

    static FxRobotInterface clickVisible(FxRobot robot, String query) {
        scrollTo(robot, robot.lookup(query).query());
        return robot.clickOn(query);
    }
}
