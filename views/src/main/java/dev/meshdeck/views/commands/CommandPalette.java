package dev.meshdeck.views.commands;

import dev.meshdeck.views.common.Escape;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The command palette (Ctrl+K): a query field over the {@link PaletteModel}'s lines; Enter runs the highlighted
 * line, the arrows move, Esc or a click elsewhere closes it. A window of its own above the main window, so it
 * covers nothing the user was looking at when closed.
 */
public final class CommandPalette {

    static final double WIDTH = 620;

    private final PaletteModel model;
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final TextField query = new TextField();
    private final ListView<PaletteModel.Line> lines = new ListView<>();

    public CommandPalette(Window owner, List<String> stylesheets, PaletteModel model) {
        this.model = model;
        query.setId("palette-query");
        query.setPromptText("Jump to a function or run an action  ( > actions only,  @ functions only )");
        query.textProperty().addListener((o, was, now) -> refresh());
        lines.setId("palette-lines");
        lines.setCellFactory(l -> new LineCell());
        lines.setPrefHeight(360);
        lines.setPlaceholder(new Label("Nothing matches"));
        lines.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) {
                runSelected();
            }
        });
        // the arrows move the highlight while the caret stays in the query
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case DOWN -> move(1);
                case UP -> move(-1);
                case PAGE_DOWN -> move(10);
                case PAGE_UP -> move(-10);
                case ENTER -> runSelected();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        VBox root = new VBox(6, query, lines);
        root.setId("command-palette");
        root.getStyleClass().add("command-palette");
        root.setPrefWidth(WIDTH);
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setTitle("Command palette");
        Escape.closes(stage);
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                stage.hide();
            }
        });
    }

    /** Shows the palette with an empty query over the owner's top centre. FX thread. */
    public void show() {
        query.clear();
        refresh();
        Window owner = stage.getOwner();
        stage.show();
        stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
        stage.setY(owner.getY() + Math.min(96, owner.getHeight() / 8));
        stage.toFront();
        stage.requestFocus();
        query.requestFocus();
    }

    public boolean showing() {
        return stage.isShowing();
    }

    /** The palette's window (tests type into it). */
    public Window window() {
        return stage;
    }

    public void hide() {
        stage.hide();
    }

    private void refresh() {
        lines.getItems().setAll(model.lines(query.getText()));
        if (!lines.getItems().isEmpty()) {
            lines.getSelectionModel().select(0);
            lines.scrollTo(0);
        }
    }

    private void move(int by) {
        int size = lines.getItems().size();
        if (size == 0) {
            return;
        }
        int next = Math.max(0, Math.min(size - 1, lines.getSelectionModel().getSelectedIndex() + by));
        lines.getSelectionModel().select(next);
        lines.scrollTo(Math.max(0, next - 4));
    }

    /** Closes first: the action may open a dialog of its own, which must not fight the palette for the focus. */
    private void runSelected() {
        PaletteModel.Line line = lines.getSelectionModel().getSelectedItem();
        if (line != null) {
            stage.hide();
            line.entry().run().run();
        }
    }

    /** The title with the matched letters in bold, the detail muted, the shortcut on the right. */
    private static final class LineCell extends ListCell<PaletteModel.Line> {
        @Override
        protected void updateItem(PaletteModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            PaletteEntry entry = line.entry();
            TextFlow title = new TextFlow();
            String text = entry.title();
            int from = 0;
            for (int at : line.titlePositions()) {
                if (at > from) {
                    title.getChildren().add(part(text.substring(from, at), "palette-title"));
                }
                title.getChildren().add(part(text.substring(at, at + 1), "palette-title", "palette-matched"));
                from = at + 1;
            }
            if (from < text.length()) {
                title.getChildren().add(part(text.substring(from), "palette-title"));
            }
            Label kind = new Label(entry.kind() == PaletteEntry.Kind.FUNCTION ? "function" : "action");
            kind.getStyleClass().addAll("palette-kind", entry.kind() == PaletteEntry.Kind.FUNCTION ? "function" : "action");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            Label detail = new Label(entry.detail());
            detail.getStyleClass().add("palette-detail");
            detail.setMinWidth(0);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label keys = new Label(entry.keys());
            keys.getStyleClass().add("palette-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            title.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, kind, title, detail, gap, keys);
            row.setAlignment(Pos.CENTER_LEFT);
            // a stretched TextFlow draws its text at the top: keep it at its own height, centred like the labels
            row.setFillHeight(false);
            setGraphic(row);
        }

        private static Text part(String text, String... styleClasses) {
            Text part = new Text(text);
            part.getStyleClass().addAll(styleClasses);
            return part;
        }
    }
}
