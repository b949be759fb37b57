package dev.meshdeck.views.changes;

import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.views.editing.DiffView;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;

/** The objects of a change set on the left; the selected one's diff (before → after) on the right. */
final class ChangeSetView {

    private final ListView<ResourceChange> resources = new ListView<>();
    private final DiffView diff = new DiffView();
    private final SplitPane root = new SplitPane(resources, diff.node());
    private final String from;
    private final String to;

    /** @param from what the left side of each diff is ("live"), {@code to} the right ("candidate") */
    ChangeSetView(String idPrefix, String from, String to) {
        this.from = from;
        this.to = to;
        resources.setId(idPrefix + "-resources");
        resources.getStyleClass().add("change-resources");
        resources.setPlaceholder(new Label("No object changes"));
        resources.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ResourceChange change, boolean empty) {
                super.updateItem(change, empty);
                setText(empty || change == null ? null
                        : change.operation().name().toLowerCase(Locale.ROOT) + " " + change.target());
            }
        });
        resources.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                diff.show(now.diff(), this.from, this.to);
            }
        });
        diff.node().setId(idPrefix + "-diff");
        root.setDividerPositions(0.36);
        root.getStyleClass().add("change-set-view");
    }

    Node node() {
        return root;
    }

    /** Shows the change set, its first object selected. */
    void show(ChangeSet changes) {
        resources.getItems().setAll(changes.changes());
        if (!changes.isEmpty()) {
            resources.getSelectionModel().selectFirst();
        }
    }

    /** The unified diff shown now (for tests and screen readers). */
    String shownDiff() {
        return diff.unifiedText();
    }
}
