package dev.meshdeck.views.editing;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** The small pieces every form tab is built from, so the tabs look alike. */
final class FormParts {

    private FormParts() {
    }

    /** A section heading in capitals. */
    static Label caption(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("editor-caption");
        return label;
    }

    /** A wrapped, red message that takes no room while hidden. */
    static Label problem(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("traffic-problem");
        label.setWrapText(true);
        label.setVisible(false);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Button button(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("small");
        button.setMinWidth(Button.USE_PREF_SIZE);
        return button;
    }

    /** A wrapped explanation shown where a form has nothing to edit yet. */
    static Label placeholder(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("editor-placeholder");
        label.setWrapText(true);
        return label;
    }
}
