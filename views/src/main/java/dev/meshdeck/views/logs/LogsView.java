package dev.meshdeck.views.logs;

import dev.meshdeck.core.logs.LogLine;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Logs tab: the selected function's lines merged by time with their version and pod, in a virtualised table
 * (only the visible rows are drawn, whatever the buffer holds), over pickers for version, pod and container, a
 * follow switch and a text or regex filter. Lays out and binds {@link LogsModel}.
 */
public final class LogsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** The container picker's choices; the empty choice is the function's own container. */
    private static final List<String> CONTAINERS = List.of("", "istio-proxy");

    private final LogsModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<LogLine> table = new TableView<>();

    public LogsView(LogsModel model, ZoneId zone) {
        this.model = model;
        ComboBox<String> version = picker("log-version", model.versions(), "All versions", 120);
        version.valueProperty().bindBidirectional(model.versionProperty());
        ComboBox<String> pod = picker("log-pod", model.pods(), "All pods", 210);
        pod.valueProperty().bindBidirectional(model.podProperty());
        ComboBox<String> container = picker("log-container", FXCollections.observableArrayList(CONTAINERS),
                "Function's container", 170);
        container.valueProperty().bindBidirectional(model.containerProperty());
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        follow.setMinWidth(Region.USE_PREF_SIZE);
        TextField filter = new TextField();
        filter.setId("log-filter");
        filter.setPromptText("Filter lines");
        filter.setPrefColumnCount(14);
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        CheckBox regex = new CheckBox("Regex");
        regex.setId("log-regex");
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        regex.setMinWidth(Region.USE_PREF_SIZE);
        Label filterError = new Label();
        filterError.getStyleClass().add("filter-error");
        filterError.textProperty().bind(model.filterErrorProperty());
        HBox pickers = new HBox(8, version, pod, container, follow, filter, regex, filterError);
        pickers.setAlignment(Pos.CENTER_LEFT);
        pickers.getStyleClass().add("logs-header");
        Label summary = new Label();
        summary.setId("logs-summary");
        summary.textProperty().bind(model.summaryProperty());
        HBox summaryRow = new HBox(summary);
        summaryRow.getStyleClass().add("logs-header");

        table.setId("logs-table");
        table.setItems(model.lines());
        table.setPlaceholder(new Label("No lines"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LogLine, String> text = column("Line", 700, LogLine::text);
        text.setCellFactory(c -> {
            TableCell<LogLine, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.getStyleClass().add("log-text");
            return cell;
        });
        table.getColumns().addAll(List.of(
                column("Time", 112, l -> TIME.format(l.time().atZone(zone))),
                column("Version", 80, l -> l.version().isEmpty() ? "-" : l.version()),
                column("Pod", 250, LogLine::source),
                text));
        // a follower sees the newest line, unless they scrolled up to read
        model.lines().addListener((ListChangeListener<LogLine>) change -> {
            if (model.followProperty().get() && !model.lines().isEmpty()) {
                table.scrollTo(model.lines().size() - 1);
            }
        });

        root.setTop(new VBox(pickers, summaryRow));
        root.setCenter(table);
        root.setId("logs");
        root.getStyleClass().add("logs");
    }

    public Node node() {
        return root;
    }

    public LogsModel model() {
        return model;
    }

    private static ComboBox<String> picker(String id, ObservableList<String> items, String all, double width) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? all : value;
            }

            @Override
            public String fromString(String text) {
                return all.equals(text) ? "" : text;
            }
        });
        // a non-editable box draws its items with toString: the converter names the empty choice
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : box.getConverter().toString(item));
            }
        });
        // a change of its items clears the value (null, meaning all, too): the button still names it
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(box.getConverter().toString(item));
            }
        });
        box.setPrefWidth(width);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static TableColumn<LogLine, String> column(String title, double width, Function<LogLine, String> value) {
        TableColumn<LogLine, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }
}
