package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.forms.LocalityTable;
import dev.meshdeck.core.editing.forms.LocalityTable.DistributeRow;
import dev.meshdeck.core.editing.forms.LocalityTable.FailoverRow;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;

/**
 * The locality load-balancing tables of a DestinationRule: distribute (from → to → percent, each {@code from}
 * totalling 100) and failover (from region → to region), edited cell by cell. While the tables are inconsistent
 * (a total off 100, a row half filled) the problems show and nothing is written; the first consistent state goes
 * to the draft.
 */
final class LocalityEditor {

    private final TableView<DistributeRow> distribute = new TableView<>();
    private final TableView<FailoverRow> failover = new TableView<>();
    private final Label problems = FormParts.problem("locality-problems");
    private final VBox root;
    private final Function<LocalityTable, Boolean> apply;
    private LocalityTable table = LocalityTable.empty();

    /** @param apply writes a consistent table to the draft; false when the form refused it */
    LocalityEditor(Function<LocalityTable, Boolean> apply) {
        this.apply = apply;
        distribute.setId("locality-distribute");
        distribute.setEditable(true);
        distribute.setPrefHeight(120);
        distribute.setPlaceholder(SecurityTab.wrapped("No distribute rows: traffic stays in its own locality first"));
        distribute.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DistributeRow, String> from = textColumn("From", DistributeRow::from,
                (r, v) -> new DistributeRow(v, r.to(), r.percent()), true);
        TableColumn<DistributeRow, String> to = textColumn("To", DistributeRow::to,
                (r, v) -> new DistributeRow(r.from(), v, r.percent()), true);
        TableColumn<DistributeRow, Integer> percent = new TableColumn<>("%");
        percent.setId("locality-percent");
        percent.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().percent()));
        percent.setCellFactory(TextFieldTableCell.forTableColumn(new PercentConverter()));
        percent.setMinWidth(56);
        percent.setMaxWidth(70);
        percent.setOnEditCommit(e -> {
            int row = e.getTablePosition().getRow();
            if (e.getNewValue() != null) {
                DistributeRow r = distribute.getItems().get(row);
                change(table.withDistribute(row, new DistributeRow(r.from(), r.to(), e.getNewValue())));
            } else {
                show();
            }
        });
        distribute.getColumns().addAll(List.of(from, to, percent));

        failover.setId("locality-failover");
        failover.setEditable(true);
        failover.setPrefHeight(90);
        failover.setPlaceholder(SecurityTab.wrapped("No failover rows: Istio fails over to the nearest healthy locality"));
        failover.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        failover.getColumns().addAll(List.of(
                textColumn("From region", FailoverRow::from, (r, v) -> new FailoverRow(v, r.to()), false),
                textColumn("To region", FailoverRow::to, (r, v) -> new FailoverRow(r.from(), v), false)));

        Button addDistribute = FormParts.button("Add distribute row", "add-distribute");
        Button removeDistribute = FormParts.button("Remove", "remove-distribute");
        addDistribute.setTooltip(new Tooltip("Send a share of the traffic from one locality (region/zone/subzone, * allowed) "
                + "to another; each 'from' totals 100%"));
        addDistribute.setOnAction(e -> change(table.addingDistribute(lastFrom(), "", 0)));
        removeDistribute.disableProperty().bind(distribute.getSelectionModel().selectedItemProperty().isNull());
        removeDistribute.setOnAction(e -> change(table.removingDistribute(distribute.getSelectionModel().getSelectedIndex())));
        Button addFailover = FormParts.button("Add failover row", "add-failover");
        Button removeFailover = FormParts.button("Remove", "remove-failover");
        addFailover.setTooltip(new Tooltip("When a region has no healthy endpoint, send its traffic to another region"));
        addFailover.setOnAction(e -> change(table.addingFailover("", "")));
        removeFailover.disableProperty().bind(failover.getSelectionModel().selectedItemProperty().isNull());
        removeFailover.setOnAction(e -> change(table.removingFailover(failover.getSelectionModel().getSelectedIndex())));

        Label distributeLabel = new Label("Distribute (from → to, %)");
        Label failoverLabel = new Label("Failover (from region → to region)");
        root = new VBox(6, distributeLabel, distribute, new FlowPane(6, 6, addDistribute, removeDistribute),
                failoverLabel, failover, new FlowPane(6, 6, addFailover, removeFailover), problems);
        root.setId("locality-editor");
        root.getStyleClass().add("field-group");
    }

    private <R> TableColumn<R, String> textColumn(String title, Function<R, String> get,
                                                   java.util.function.BiFunction<R, String, R> set, boolean distributeTable) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setId("locality-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + (distributeTable ? "" : "-failover"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(get.apply(c.getValue())));
        column.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        column.setOnEditCommit(e -> {
            int row = e.getTablePosition().getRow();
            String value = e.getNewValue() == null ? "" : e.getNewValue().trim();
            R updated = set.apply(e.getRowValue(), value);
            change(distributeTable ? table.withDistribute(row, (DistributeRow) updated)
                    : table.withFailover(row, (FailoverRow) updated));
        });
        return column;
    }

    private String lastFrom() {
        return table.distribute().isEmpty() ? "" : table.distribute().get(table.distribute().size() - 1).from();
    }

    Node node() {
        return root;
    }

    LocalityTable table() {
        return table;
    }

    /** Shows the draft's tables, replacing whatever was being typed. */
    void show(LocalityTable fromDraft) {
        table = fromDraft;
        show();
    }

    void setDisable(boolean disable) {
        root.setDisable(disable);
    }

    /** Edits the working table; a consistent one is written to the draft. */
    void change(LocalityTable next) {
        table = next;
        List<String> wrong = next.problems();
        if (wrong.isEmpty()) {
            problems.setVisible(false);
            if (!apply.apply(next)) {
                show();
            }
            return;
        }
        show();
        problems.setText(String.join("\n", wrong));
        problems.setVisible(true);
    }

    private void show() {
        distribute.getItems().setAll(table.distribute());
        failover.getItems().setAll(table.failover());
        if (table.problems().isEmpty()) {
            problems.setVisible(false);
        }
    }

    List<String> problems() {
        return problems.isVisible() ? List.of(problems.getText().split("\n")) : List.of();
    }
}
