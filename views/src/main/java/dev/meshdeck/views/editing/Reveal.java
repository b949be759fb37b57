package dev.meshdeck.views.editing;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Brings a control of a scrolling form into view and gives it the focus, as clicking a finding does. */
final class Reveal {

    private Reveal() {
    }

    static void show(ScrollPane scroll, Node target) {
        Node content = scroll.getContent();
        content.applyCss();
        if (content instanceof javafx.scene.Parent parent) {
            parent.layout();
        }
        double y = content.sceneToLocal(target.localToScene(0, 0)).getY();
        double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / range)));
        target.requestFocus();
    }
}
