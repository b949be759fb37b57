package dev.meshdeck.views.workloads;

import static dev.meshdeck.views.workloads.WorkloadsView.column;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Severity;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * The Config tab: the selected function's env (with where each value comes from), envFrom, mounts, requests and
 * limits over the problems found in them. A masked value has a Show button; it is read then, shown in its own cell
 * only, and masked again by Hide or any other selection. A row's context menu edits a literal env variable or a
 * ConfigMap key, through the review of the change. Lays out and binds {@link ConfigModel}.
 */
public final class ConfigView {

    private final ConfigModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<ConfigRow> rows = new TableView<>();
    private final TableView<Finding> findings = new TableView<>();

    public ConfigView(ConfigModel model) {
        this.model = model;
        HBox header = WorkloadsView.header("config", model.summaryProperty(), model::refresh);

        rows.setId("config-table");
        rows.setItems(model.rows());
        rows.setPlaceholder(new Label("No configuration"));
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ConfigRow, ConfigRow> value = new TableColumn<>("Value");
        value.setPrefWidth(220);
        value.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        value.setCellFactory(c -> new ValueCell());
        rows.getColumns().addAll(List.of(
                column("Workload · container", 280, ConfigRow::owner),
                column("Kind", 85, ConfigRow::section),
                column("Name", 170, ConfigRow::name),
                value,
                column("From", 260, ConfigRow::origin)));
        // the revealed value lives in one cell: redraw when it appears or goes
        model.revealedProperty().addListener(o -> rows.refresh());
        rows.setRowFactory(t -> editableRow());

        findings.setId("config-findings");
        findings.setItems(model.findings());
        findings.setPlaceholder(new Label("No problems found"));
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Finding, String> severity = column("Severity", 75, f -> f.severity().label());
        severity.setCellFactory(c -> new WorkloadsView.FlaggedCell<>(f -> f.severity() == Severity.ERROR));
        findings.getColumns().addAll(List.of(severity,
                column("Code", 70, Finding::code),
                column("Object", 250, f -> f.resource().toString()),
                column("Field", 260, Finding::path),
                column("Problem", 400, Finding::message)));

        SplitPane tables = new SplitPane(rows, findings);
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.7);
        root.setTop(header);
        root.setCenter(tables);
        root.setId("config");
        root.getStyleClass().add("workloads");
    }

    public Node node() {
        return root;
    }

    public ConfigModel model() {
        return model;
    }

    /**
     * A row whose context menu edits it when the window can write: a literal env variable (edit, remove, add one
     * beside it) or a ConfigMap key (edit, then the offer to restart the Deployments that read it).
     */
    private TableRow<ConfigRow> editableRow() {
        TableRow<ConfigRow> row = new TableRow<>();
        MenuItem edit = new MenuItem("Edit value…");
        MenuItem remove = new MenuItem("Remove variable");
        MenuItem add = new MenuItem("Add variable to this container…");
        edit.setOnAction(e -> askValue(row.getItem()));
        remove.setOnAction(e -> model.remove(row.getItem()));
        add.setOnAction(e -> askNewVariable(row.getItem()));
        ContextMenu menu = new ContextMenu(edit, remove, add);
        row.itemProperty().addListener((o, was, item) -> {
            boolean env = item != null && item.edit().filter(ConfigEdit.Env.class::isInstance).isPresent();
            remove.setVisible(env);
            add.setVisible(env);
            row.setContextMenu(model.editable() && item != null && item.edit().isPresent() ? menu : null);
        });
        return row;
    }

    private void askValue(ConfigRow row) {
        TextInputDialog ask = new TextInputDialog(row.masked().isPresent() ? "" : row.value());
        ask.setTitle("Edit " + row.name());
        ask.setHeaderText(row.name() + " (" + row.origin() + ")");
        ask.setContentText("Value");
        ask.getDialogPane().setId("config-value-dialog");
        ask.initOwner(root.getScene().getWindow());
        ask.showAndWait().ifPresent(value -> {
            boolean configMap = row.edit().filter(ConfigEdit.ConfigMapData.class::isInstance).isPresent();
            model.set(row, value, configMap && restartReaders(row));
        });
    }

    /** Pods read env from a ConfigMap when they start: the offer to restart those that read it, with the change. */
    private boolean restartReaders(ConfigRow row) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Pods read env from a ConfigMap when they start. Restart the "
                + "Deployments that read it, in the same change set?", ButtonType.YES, ButtonType.NO);
        ask.setHeaderText("Restart the readers of " + row.origin() + "?");
        ask.getDialogPane().setId("config-restart-dialog");
        ask.initOwner(root.getScene().getWindow());
        return ask.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    private void askNewVariable(ConfigRow beside) {
        Dialog<ButtonType> ask = new Dialog<>();
        ask.setTitle("Add variable");
        ask.setHeaderText("A literal env variable beside " + beside.name());
        TextField name = new TextField();
        name.setId("config-new-name");
        TextField value = new TextField();
        value.setId("config-new-value");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Value"), value);
        ask.getDialogPane().setContent(form);
        ask.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ask.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        ask.getDialogPane().setId("config-add-dialog");
        ask.initOwner(root.getScene().getWindow());
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.add(beside, name.getText().trim(), value.getText()));
    }

    /** The value, or the mask with a Show button; the one revealed value with a Hide button. */
    private final class ValueCell extends TableCell<ConfigRow, ConfigRow> {
        private final Button toggle = new Button();

        ValueCell() {
            toggle.getStyleClass().addAll("small", "reveal");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(ConfigRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("not-serving");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(model.valueShown(row));
            if (row.missing()) {
                getStyleClass().add("not-serving");
            }
            if (row.masked().isEmpty()) {
                setGraphic(null);
                return;
            }
            boolean open = model.revealedProperty().get() != null && model.revealedProperty().get().row().equals(row);
            toggle.setText(open ? "Hide" : "Show");
            toggle.setOnAction(e -> {
                if (open) {
                    model.hide();
                } else {
                    model.reveal(row);
                }
            });
            setGraphic(toggle);
        }
    }
}
