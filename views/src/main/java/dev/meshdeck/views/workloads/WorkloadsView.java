package dev.meshdeck.views.workloads;

import dev.meshdeck.core.workloads.Age;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Pods tab: the selected function's pods (those not serving first, with why) over its events (warnings first)
 * over its Deployments' revisions, as `kubectl get pods`, `kubectl get events` and `kubectl rollout history` show
 * them, with "Roll back to this revision". Lays out and binds {@link WorkloadsModel}.
 */
public final class WorkloadsView {

    private final WorkloadsModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<FunctionPod> pods = new TableView<>();
    private final TableView<FunctionEvent> events = new TableView<>();
    private final TableView<WorkloadsModel.RevisionRow> revisions = new TableView<>();

    public WorkloadsView(WorkloadsModel model) {
        this.model = model;
        HBox header = header("workloads", model.summaryProperty(), model::refresh);

        pods.setId("pods-table");
        pods.setItems(model.pods());
        pods.setPlaceholder(new Label("No pods"));
        pods.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pods.getColumns().addAll(List.of(
                column("Name", 255, FunctionPod::name),
                column("Version", 70, p -> p.version().isEmpty() ? "-" : p.version()),
                column("Ready", 62, p -> p.readyContainers() + "/" + p.containers()),
                statusColumn(),
                column("Restarts", 75, p -> String.valueOf(p.restarts())),
                column("Age", 50, p -> age(p.started())),
                column("Node", 115, p -> p.node().isEmpty() ? "-" : p.node()),
                column("IP", 95, p -> p.ip().isEmpty() ? "-" : p.ip()),
                column("Sidecar", 72, p -> p.sidecarVersion().orElse("-"))));
        pods.setRowFactory(t -> podRow());
        pods.getSelectionModel().selectedItemProperty().addListener((o, was, pod) -> model.select(pod));
        Label endpoints = new Label();
        endpoints.setId("pods-endpoints");
        endpoints.setWrapText(true);
        endpoints.textProperty().bind(model.endpointsProperty());
        TextArea details = new TextArea();
        details.setId("pod-details");
        details.setEditable(false);
        details.setPrefRowCount(5);
        details.setPromptText("Select a pod to see its labels, conditions and containers");
        details.textProperty().bind(model.detailsProperty());
        VBox.setVgrow(pods, Priority.ALWAYS);
        VBox podsPane = new VBox(4, pods, endpoints, details);

        events.setId("events-table");
        events.setItems(model.events());
        events.setPlaceholder(new Label("No events"));
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<FunctionEvent, String> type = column("Type", 70, e -> e.warning() ? "Warning" : "Normal");
        type.setCellFactory(c -> new FlaggedCell<>(FunctionEvent::warning));
        events.getColumns().addAll(List.of(type,
                column("Reason", 100, FunctionEvent::reason),
                column("Object", 300, FunctionEvent::object),
                column("Count", 55, e -> String.valueOf(e.count())),
                column("Last seen", 80, e -> age(e.lastSeen())),
                column("Message", 300, FunctionEvent::message)));

        SplitPane tables = new SplitPane(podsPane, events, revisionsPane());
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.55, 0.78);
        root.setTop(header);
        root.setCenter(tables);
        root.setId("workloads");
        root.getStyleClass().add("workloads");
    }

    public Node node() {
        return root;
    }

    /** A pod's row, whose context menu restarts it: deleted after a confirmation, its controller starts a new one. */
    private TableRow<FunctionPod> podRow() {
        TableRow<FunctionPod> row = new TableRow<>();
        MenuItem delete = new MenuItem("Delete pod (restart)");
        delete.setId("pod-delete");
        delete.setOnAction(e -> {
            FunctionPod pod = row.getItem();
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Delete pod " + pod.name() + "? Its controller starts a new"
                    + " pod in its place; the change is reviewed and recorded like any other.", ButtonType.YES, ButtonType.NO);
            ask.setHeaderText("Restart " + pod.name());
            ask.getDialogPane().setId("pod-delete-dialog");
            ask.initOwner(root.getScene().getWindow());
            ask.showAndWait().filter(ButtonType.YES::equals).ifPresent(b -> model.deletePod(pod));
        });
        ContextMenu menu = new ContextMenu(delete);
        row.itemProperty().addListener((o, was, item) -> row.setContextMenu(item == null ? null : menu));
        return row;
    }

    /** The line over a tab's tables: what is shown (or why nothing is) and a Refresh button; ids {@code <id>-summary}, {@code <id>-refresh}. */
    static HBox header(String id, ReadOnlyStringProperty text, Runnable refresh) {
        Label summary = new Label();
        summary.setId(id + "-summary");
        summary.textProperty().bind(text);
        summary.setWrapText(true);
        Button again = new Button("Refresh");
        again.setId(id + "-refresh");
        again.getStyleClass().add("small");
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.setOnAction(e -> refresh.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, summary, spacer, again);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("workloads-header");
        return header;
    }

    /** The Deployments' revisions (`rollout history`), newest first, with the roll back of the selected one. */
    private Node revisionsPane() {
        revisions.setId("revisions-table");
        revisions.setItems(model.revisions());
        revisions.setPlaceholder(new Label("No ReplicaSet revisions"));
        revisions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        revisions.getColumns().addAll(List.of(
                column("Deployment", 180, WorkloadsModel.RevisionRow::deployment),
                column("Revision", 70, r -> r.revision().number() + (r.revision().current() ? " (current)" : "")),
                column("ReplicaSet", 220, r -> r.revision().replicaSet()),
                column("Pods", 50, r -> String.valueOf(r.revision().replicas())),
                column("Age", 50, r -> age(r.revision().created())),
                column("Images", 260, r -> String.join(", ", r.revision().images())),
                column("Change cause", 200, r -> r.revision().changeCause().orElse("-"))));
        Button rollBack = new Button("Roll back to this revision");
        rollBack.setId("rollback-revision");
        rollBack.getStyleClass().add("small");
        rollBack.setMinWidth(Region.USE_PREF_SIZE);
        Label why = new Label();
        why.getStyleClass().add("text-muted");
        revisions.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            Optional<String> refusal = row == null ? Optional.of("") : WorkloadsModel.rollBackRefusal(row);
            rollBack.setDisable(refusal.isPresent());
            why.setText(refusal.orElse(""));
        });
        rollBack.setDisable(true);
        rollBack.setOnAction(e -> model.rollBack(revisions.getSelectionModel().getSelectedItem()));
        Label title = new Label("Revisions");
        title.getStyleClass().add("title-4");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, why, spacer, rollBack);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("workloads-header");
        VBox pane = new VBox(header, revisions);
        VBox.setVgrow(revisions, Priority.ALWAYS);
        return pane;
    }

    public WorkloadsModel model() {
        return model;
    }

    private static String age(Optional<Instant> since) {
        return since.map(s -> Age.of(Duration.between(s, Instant.now()))).orElse("-");
    }

    /** The pod's reason when it has one (CrashLoopBackOff, OOMKilled), else its phase; red when it does not serve. */
    private static TableColumn<FunctionPod, String> statusColumn() {
        TableColumn<FunctionPod, String> status = column("Status", 150, p -> p.reason().isEmpty() ? p.phase() : p.reason());
        status.setCellFactory(c -> new FlaggedCell<>(pod -> !pod.ready()));
        return status;
    }

    /** A text column; the Config tab's tables are made of the same. */
    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // short figures keep their width; the long texts (names, objects, messages) give way
        if (width <= 150) {
            column.setMinWidth(width);
        }
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(text.apply(row.getValue())));
        return column;
    }

    /** A cell styled {@code not-serving} when its row's item is flagged. */
    static final class FlaggedCell<T> extends TableCell<T, String> {
        private final Predicate<T> flagged;

        FlaggedCell(Predicate<T> flagged) {
            this.flagged = flagged;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            T item = empty || getTableRow() == null ? null : getTableRow().getItem();
            getStyleClass().remove("not-serving");
            if (item != null && flagged.test(item)) {
                getStyleClass().add("not-serving");
            }
        }
    }
}
