package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.forms.NewPolicy;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A form tab's content: the form when the function has the object it edits, else why there is nothing to edit
 * and, where MeshDeck may create it, a "Create ..." button. Ids: {@code <prefix>-placeholder},
 * {@code create-<Kind>}.
 */
final class EmptyState {

    private final Node form;
    private final Label message;
    private final FlowPane actions = new FlowPane(6, 6);
    private final VBox empty;
    private final StackPane root;
    private final Consumer<NewPolicy> create;

    EmptyState(String idPrefix, Node form, Consumer<NewPolicy> create) {
        this.form = form;
        this.create = create;
        message = FormParts.placeholder(idPrefix + "-placeholder");
        empty = new VBox(10, message, actions);
        empty.getStyleClass().add("empty-state");
        root = new StackPane(empty, form);
    }

    Node node() {
        return root;
    }

    /** One "Create <Kind>" button per offer. */
    static List<Node> createButtons(List<NewPolicy> offers, Consumer<NewPolicy> create) {
        return offers.stream().map(p -> {
            Button b = FormParts.button("Create " + p.kind(), "create-" + p.kind());
            b.setTooltip(new Tooltip("Start a new " + p.kind() + " for this function from good defaults; nothing "
                    + "reaches the cluster until it is applied"));
            b.setOnAction(e -> create.accept(p));
            return (Node) b;
        }).toList();
    }

    void showForm() {
        empty.setVisible(false);
        form.setVisible(true);
    }

    /** @param offers what the SRE may create here (none: explanation only) */
    void showEmpty(String text, List<NewPolicy> offers) {
        message.setText(text);
        actions.getChildren().setAll(createButtons(offers, create));
        form.setVisible(false);
        empty.setVisible(true);
    }
}
