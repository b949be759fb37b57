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
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Pods tab: the selected function's pods (those not serving first, with why) over its events (warnings first),
 * as `kubectl get pods` and `kubectl get events` show them. Lays out and binds {@link WorkloadsModel}.
 */
public final class WorkloadsView {

    private final WorkloadsModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<FunctionPod> pods = new TableView<>();
    private final TableView<FunctionEvent> events = new TableView<>();

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

        SplitPane tables = new SplitPane(pods, events);
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.55);
        root.setTop(header);
        root.setCenter(tables);
        root.setId("workloads");
        root.getStyleClass().add("workloads");
    }

    public Node node() {
        return root;
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
