package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.LineDiff;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/** The candidate against the live object (or any before → after), unified ({@code diff -u}) or side by side. */
public final class DiffView {

    static final int CONTEXT = 3;

    private final CodeArea unified = new CodeArea();
    private final ListView<LineDiff.Row> sideBySide = new ListView<>();
    private final ToggleButton unifiedButton = new ToggleButton("Unified");
    private final ToggleButton sideBySideButton = new ToggleButton("Side by side");
    private final Label summary = new Label();
    private final BorderPane root = new BorderPane();
    private final VirtualizedScrollPane<CodeArea> unifiedPane = new VirtualizedScrollPane<>(unified);
    private LineDiff diff;

    public DiffView() {
        unified.setId("diff-unified");
        unified.setEditable(false);
        unified.getStyleClass().addAll("yaml-area", "diff-area");
        sideBySide.setId("diff-side-by-side");
        sideBySide.getStyleClass().add("diff-rows");
        sideBySide.setCellFactory(l -> new RowCell());
        sideBySide.setPlaceholder(new Label("No changes against the live object"));

        ToggleGroup mode = new ToggleGroup();
        unifiedButton.setToggleGroup(mode);
        sideBySideButton.setToggleGroup(mode);
        unifiedButton.setId("diff-unified-toggle");
        sideBySideButton.setId("diff-side-by-side-toggle");
        unifiedButton.setSelected(true);
        mode.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always shown
            } else {
                root.setCenter(now == unifiedButton ? unifiedPane : sideBySide);
            }
        });
        summary.setId("diff-summary");
        summary.getStyleClass().add("diff-summary");
        HBox bar = new HBox(6, unifiedButton, sideBySideButton, summary);
        bar.getStyleClass().add("diff-bar");
        HBox.setHgrow(summary, Priority.ALWAYS);
        root.setTop(bar);
        root.setCenter(unifiedPane);
        root.getStyleClass().add("diff-view");
    }

    public Node node() {
        return root;
    }

    void setSideBySide(boolean on) {
        (on ? sideBySideButton : unifiedButton).setSelected(true);
    }

    boolean sideBySide() {
        return sideBySideButton.isSelected();
    }

    public String unifiedText() {
        return unified.getText();
    }

    List<LineDiff.Row> rows() {
        return sideBySide.getItems();
    }

    void show(LineDiff diff) {
        show(diff, "live", "candidate");
    }

    /** Shows {@code diff}, its sides named {@code from} and {@code to} ("live", "candidate"). */
    public void show(LineDiff diff, String from, String to) {
        this.diff = diff;
        String text = diff.unified(from, to, CONTEXT);
        summary.setText(diff.changed() ? diff.changeCount() + " lines changed" : "Same as " + from);
        unified.replaceText(text.isEmpty() ? "# no changes against " + from + "\n" : text);
        for (int p = 0; p < unified.getParagraphs().size(); p++) {
            String line = unified.getParagraph(p).getText();
            String style = line.startsWith("+++") || line.startsWith("---") ? "diff-header"
                    : line.startsWith("@@") ? "diff-hunk"
                    : line.startsWith("+") ? "diff-added"
                    : line.startsWith("-") ? "diff-removed"
                    : line.startsWith("#") ? "yaml-comment" : null;
            if (style != null && !line.isEmpty()) {
                unified.setStyle(p, 0, line.length(), List.of(style));
                unified.setParagraphStyle(p, List.of(style + "-line"));
            }
        }
        sideBySide.getItems().setAll(diff.sideBySide());
    }

    /** Two columns: live on the left, candidate on the right; changed rows coloured. */
    private static final class RowCell extends ListCell<LineDiff.Row> {
        private final Label left = new Label();
        private final Label right = new Label();
        private final HBox box = new HBox(left, right);

        RowCell() {
            left.getStyleClass().add("diff-cell");
            right.getStyleClass().add("diff-cell");
            left.setMaxWidth(Double.MAX_VALUE);
            right.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(left, Priority.ALWAYS);
            HBox.setHgrow(right, Priority.ALWAYS);
            left.prefWidthProperty().bind(box.widthProperty().divide(2));
            right.prefWidthProperty().bind(box.widthProperty().divide(2));
        }

        @Override
        protected void updateItem(LineDiff.Row row, boolean empty) {
            super.updateItem(row, empty);
            left.getStyleClass().removeAll("diff-removed-cell", "diff-empty-cell");
            right.getStyleClass().removeAll("diff-added-cell", "diff-empty-cell");
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            left.setText(row.left() == null ? "" : String.format("%3d  %s", row.leftLine(), row.left()));
            right.setText(row.right() == null ? "" : String.format("%3d  %s", row.rightLine(), row.right()));
            if (row.changed()) {
                left.getStyleClass().add(row.left() == null ? "diff-empty-cell" : "diff-removed-cell");
                right.getStyleClass().add(row.right() == null ? "diff-empty-cell" : "diff-added-cell");
            }
            setGraphic(box);
        }
    }
}
