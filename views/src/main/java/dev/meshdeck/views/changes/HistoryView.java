package dev.meshdeck.views.changes;

import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every recorded change set, newest first: when, where, who, what, why and how it ended; below, the selected
 * one's objects with their diffs (before → after). "Roll back" undoes the selected change set and "Undo last
 * action" the newest one still standing, each through the review dialog.
 */
final class HistoryView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final TableView<HistoryEntry> table = new TableView<>();
    private final Label detail = new Label();
    private final ChangeSetView changes = new ChangeSetView("history", "before", "after");
    private final Button rollback = new Button("Roll back…");
    private final Button undoLast = new Button("Undo last action");
    private final Button refresh = new Button("Refresh");
    private final Button close = new Button("Close");
    private final Label message = new Label();
    private final BorderPane root = new BorderPane();

    HistoryView(Consumer<HistoryEntry> onRollback, Runnable onUndoLast, Runnable onRefresh, Runnable onClose) {
        table.setId("history-table");
        table.setPlaceholder(new Label("No change set applied yet: Apply in the editor records one here"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("#", 40, e -> Long.toString(e.id())),
                column("Time", 150, e -> TIME.format(e.started())),
                column("Where", 190, e -> e.target().label()),
                column("Who", 160, HistoryEntry::identity),
                column("Action", 70, e -> words(e.action().name())),
                column("Outcome", 170, this::outcome),
                column("Reason", 150, HistoryEntry::reason),
                column("Resources", 300, e -> e.changes().summary())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> select(now));

        rollback.setId("history-rollback");
        rollback.setDisable(true);
        rollback.setOnAction(e -> {
            HistoryEntry selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                onRollback.accept(selected);
            }
        });
        undoLast.setId("history-undo-last");
        undoLast.setOnAction(e -> onUndoLast.run());
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> onRefresh.run());
        close.setId("history-close");
        // Esc closes the window, as it does a dialog
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        message.setId("history-message");
        message.getStyleClass().add("history-message");
        detail.setId("history-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("history-detail");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label title = new Label("History");
        title.getStyleClass().add("history-title");
        HBox bar = new HBox(8, title, message, gap, refresh, undoLast, rollback, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("history-bar");
        for (Button b : List.of(refresh, undoLast, rollback, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        SplitPane body = new SplitPane(table, new VBox(6, detail, changes.node()));
        VBox.setVgrow(changes.node(), Priority.ALWAYS);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.45);
        root.setTop(bar);
        root.setCenter(body);
        root.setId("history-view");
        root.getStyleClass().add("history-view");
    }

    Node node() {
        return root;
    }

    /** Shows the entries (newest first), keeping the selection when the entry is still there. FX thread. */
    void show(List<HistoryEntry> entries) {
        HistoryEntry selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(entries);
        if (selected != null) {
            entries.stream().filter(e -> e.id() == selected.id()).findFirst().ifPresent(e -> table.getSelectionModel().select(e));
        }
        if (table.getSelectionModel().getSelectedItem() == null && !entries.isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
        undoLast.setDisable(Rollbacks.lastUndoable(entries).isEmpty());
        message.setText(entries.size() == 1 ? "1 change set" : entries.size() + " change sets");
    }

    /** Says why the history could not be read. FX thread. */
    void failed(String why) {
        message.setText(why);
    }

    List<HistoryEntry> entries() {
        return List.copyOf(table.getItems());
    }

    void select(long id) {
        table.getItems().stream().filter(e -> e.id() == id).findFirst().ifPresent(e -> table.getSelectionModel().select(e));
    }

    private void select(HistoryEntry entry) {
        rollback.setDisable(entry == null || entry.status() != Status.APPLIED);
        if (entry == null) {
            detail.setText("");
            changes.show(new dev.meshdeck.core.changes.ChangeSet(List.of()));
            return;
        }
        detail.setText("Change set " + entry.id() + " — " + words(entry.action().name()) + " on " + entry.target().label()
                + " by " + entry.identity() + (entry.reason().isEmpty() ? "" : " — “" + entry.reason() + "”")
                + (entry.relatesTo() == null ? "" : " (of change set " + entry.relatesTo() + ")")
                + (entry.detail().isEmpty() ? "" : "\n" + firstLine(entry.detail())));
        changes.show(entry.changes());
    }

    private String outcome(HistoryEntry entry) {
        String status = words(entry.status().name());
        return Rollbacks.rolledBackBy(entry, table.getItems()).map(r -> status + ", rolled back by " + r.id()).orElse(status);
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static TableColumn<HistoryEntry, String> column(String title, double width, Function<HistoryEntry, String> value) {
        TableColumn<HistoryEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
