package dev.meshdeck.views.commands;

import dev.meshdeck.views.common.Escape;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Every shortcut of the console on one sheet (F1 or ?), by where it works; Esc closes it. */
public final class ShortcutSheet {

    /** One shortcut: the keys as pressed, and what they do. */
    public record Shortcut(String keys, String what) {
    }

    /** The shortcuts of one part of the window. */
    public record Section(String title, List<Shortcut> shortcuts) {
        public Section {
            shortcuts = List.copyOf(shortcuts);
        }
    }

    private static final double KEYS_WIDTH = 190;

    private final Stage stage = new Stage();
    private final VBox sections = new VBox(14);

    public ShortcutSheet(Window owner, List<String> stylesheets) {
        sections.setId("shortcut-sheet");
        sections.getStyleClass().add("shortcut-sheet");
        Label hint = new Label("Esc closes this sheet, dialogs and the History window.");
        hint.getStyleClass().add("text-muted");
        VBox root = new VBox(10, sections, hint);
        root.getStyleClass().add("shortcut-sheet-root");
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 560, 640);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle("MeshDeck — Keyboard shortcuts");
        stage.initOwner(owner);
        Escape.closes(stage);
    }

    /** Shows the sheet with these sections, or brings it forward. FX thread. */
    public void show(List<Section> content) {
        sections.getChildren().clear();
        for (Section section : content) {
            Label title = new Label(section.title());
            title.getStyleClass().add("shortcut-section");
            GridPane grid = new GridPane();
            grid.setHgap(16);
            grid.setVgap(4);
            // one keys column width across the sections, so they line up; a longer key text widens it, never cut
            ColumnConstraints keysColumn = new ColumnConstraints();
            keysColumn.setMinWidth(KEYS_WIDTH);
            grid.getColumnConstraints().add(keysColumn);
            int row = 0;
            for (Shortcut shortcut : section.shortcuts()) {
                Label keys = new Label(shortcut.keys());
                keys.getStyleClass().add("shortcut-keys");
                keys.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(shortcut.what());
                what.setWrapText(true);
                grid.addRow(row++, keys, what);
            }
            sections.getChildren().add(new VBox(6, title, grid));
        }
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The texts shown now, keys and descriptions in turn (tests). */
    public List<String> lines() {
        return sections.getChildren().stream().map(VBox.class::cast)
                .flatMap(section -> ((GridPane) section.getChildren().get(1)).getChildren().stream())
                .map(node -> ((Label) node).getText()).toList();
    }
}
