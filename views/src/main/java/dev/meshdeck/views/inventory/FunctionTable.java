package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryFormat;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.PolicyKind;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.views.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The function table: rows filtered and sorted incrementally on top of the model's list (a changed row
 * moves to its place; nothing is re-sorted wholesale), with the selection kept across live updates. The
 * function, traffic and health columns are never narrower than their widest text: when space is short the
 * other columns give it up (their full text is in a tooltip).
 */
public final class FunctionTable {

    private static final double PLATFORM_WIDTH = 34;
    /** Below this width the table drops its canary and mesh columns. */
    private static final double NARROW = 900;
    private static final String NO_TRAFFIC = "No traffic observed (or no telemetry configured)";
    private static final Comparator<MeshStatus> BY_MESH = Comparator
            .comparing(MeshStatus::sidecarInjected)
            .thenComparing(m -> Arrays.stream(PolicyKind.values()).mapToInt(k -> k.of(m).size()).sum());
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final InventoryModel model;
    private final TableView<ServerlessFunction> table = new TableView<>();
    private final FilteredList<ServerlessFunction> filtered;
    private final SortedList<ServerlessFunction> sorted;
    private final ReadOnlyObjectWrapper<ServerlessFunction> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    /** Bumped when observed figures change: a sort on them is redone. */
    private final LongProperty figures = new SimpleLongProperty();
    private final EssentialWidths essentialWidths;
    private boolean keepingSelection;
    private Predicate<FunctionId> changed = id -> false;

    public FunctionTable(InventoryModel model) {
        this.model = model;
        filtered = new FilteredList<>(model.functions());
        sorted = new SortedList<>(filtered);
        // Inventory.ORDER breaks ties and is the order before the user clicks a header.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getComparator() == null ? Inventory.ORDER : table.getComparator().thenComparing(Inventory.ORDER),
                table.comparatorProperty(), figures));
        // The SortedList above does the sorting; the table only has to accept the new order.
        table.setSortPolicy(t -> true);
        table.setItems(sorted);
        table.setId("function-table");
        table.getStyleClass().add("function-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ServerlessFunction, ServerlessFunction> function = functionColumn();
        TableColumn<ServerlessFunction, List<String>> traffic = trafficColumn();
        TableColumn<ServerlessFunction, ServerlessFunction> health = healthColumn();
        // the essential columns first: on a narrow table the others scroll out of view, never these
        TableColumn<ServerlessFunction, MeshStatus> mesh = meshColumn();
        TableColumn<ServerlessFunction, Optional<Canary>> canary = canaryColumn();
        table.getColumns().addAll(List.of(platformColumn(), function, traffic, health, requestsColumn(), errorsColumn(),
                alertsColumn(), canary, mesh));
        essentialWidths = new EssentialWidths(function, traffic, health);
        // on a narrow table the traffic column's split says what the canary column would, and the details pane
        // lists the policies: both give their room to the request and error figures
        canary.visibleProperty().bind(table.widthProperty().greaterThanOrEqualTo(NARROW));
        mesh.visibleProperty().bind(table.widthProperty().greaterThanOrEqualTo(NARROW));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ServerlessFunction item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CHANGED, !empty && item != null && changed.test(item.id()));
                pseudoClassStateChanged(STALE, !empty && item != null && model.staleSources().contains(item.source()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!keepingSelection) {
                selected.set(now);
            }
        });
    }

    public TableView<ServerlessFunction> node() {
        return table;
    }

    public ObjectProperty<Predicate<? super ServerlessFunction>> filterProperty() {
        return filtered.predicateProperty();
    }

    /** Rows left after filtering. */
    public ObservableList<ServerlessFunction> shown() {
        return sorted;
    }

    public ReadOnlyObjectProperty<ServerlessFunction> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects and shows the first listed function with this name; false when none is listed. */
    public boolean select(String name) {
        for (ServerlessFunction f : table.getItems()) {
            if (f.name().equals(name)) {
                table.getSelectionModel().select(f);
                table.scrollTo(f);
                return true;
            }
        }
        return false;
    }

    /**
     * Selects and shows the row of this function, or clears the row selection when it is not listed (filtered
     * out, or gone); false then. Selecting the selected row again changes nothing.
     */
    public boolean select(FunctionId id) {
        ServerlessFunction current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.id().equals(id)) {
            return true;
        }
        for (ServerlessFunction f : table.getItems()) {
            if (f.id().equals(id)) {
                table.getSelectionModel().select(f);
                table.scrollTo(f);
                return true;
            }
        }
        table.getSelectionModel().clearSelection();
        return false;
    }

    /** Marks the rows of functions with unexported edits (the {@code :changed} pseudo-class) and redraws. */
    public void markChanged(Predicate<FunctionId> changed) {
        this.changed = changed;
        table.refresh();
    }

    /**
     * Redraws every row after what is not in the rows changed (observed traffic, a stale source: the
     * {@code :stale} pseudo-class greys its rows) and sorts again on the new figures.
     */
    public void refreshFigures() {
        figures.set(figures.get() + 1);
        table.refresh();
    }

    /** Widens the function, traffic and health columns to their widest text among all functions. */
    public void fitEssentialColumns() {
        essentialWidths.fit(model.functions());
    }

    public void setPlaceholder(Node placeholder) {
        table.setPlaceholder(placeholder);
    }

    /**
     * Runs a model update and then selects the same function again: replacing or resetting rows clears the
     * table's selection, but the user is still looking at that function (now in its updated state).
     */
    public void keepingSelection(Runnable update) {
        ServerlessFunction before = selected.get();
        keepingSelection = true;
        try {
            update.run();
            if (before != null) {
                reselect(before.id());
            }
        } finally {
            keepingSelection = false;
        }
        selected.set(table.getSelectionModel().getSelectedItem());
    }

    private void reselect(FunctionId id) {
        ServerlessFunction current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.id().equals(id)) {
            return;
        }
        for (int row = 0; row < sorted.size(); row++) {
            if (sorted.get(row).id().equals(id)) {
                table.getSelectionModel().clearAndSelect(row);
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }

    private static TableColumn<ServerlessFunction, Platform> platformColumn() {
        TableColumn<ServerlessFunction, Platform> column = column("Platform", PLATFORM_WIDTH, ServerlessFunction::platform);
        // the icon says it; the name is in the tooltip and the platform chips
        column.setText("");
        column.setResizable(false);
        column.setMinWidth(PLATFORM_WIDTH);
        column.setMaxWidth(PLATFORM_WIDTH);
        column.setCellFactory(c -> new FunctionCell<>(p -> null, Icons::platform, p -> null, Platform::displayName));
        return column;
    }

    /** The name, and under it where it runs: "serverless · meshdeck-sandbox" (the context once, shortened). */
    private static TableColumn<ServerlessFunction, ServerlessFunction> functionColumn() {
        TableColumn<ServerlessFunction, ServerlessFunction> column = column("Function", 190, f -> f);
        column.setId("name-column");
        column.setComparator(Comparator.comparing(ServerlessFunction::name).thenComparing(ServerlessFunction::namespace));
        column.setCellFactory(c -> new FunctionCell<>(f -> null, FunctionTable::nameAndPlace, f -> null, FunctionText::place));
        return column;
    }

    private static Node nameAndPlace(ServerlessFunction function) {
        Label name = new Label(function.name());
        name.getStyleClass().add("function-name");
        Label place = new Label(FunctionText.shortPlace(function));
        place.getStyleClass().add("function-place");
        return new VBox(name, place);
    }

    private static TableColumn<ServerlessFunction, List<String>> trafficColumn() {
        TableColumn<ServerlessFunction, List<String>> column = column("Traffic", 190, f -> InventoryFormat.trafficParts(f.traffic()));
        column.setComparator(Comparator.comparing(FunctionTable::trafficLines));
        column.setCellFactory(c -> new FunctionCell<>(FunctionTable::trafficLines, t -> null, t -> null,
                FunctionTable::trafficLines));
        return column;
    }

    /** One line per version, named as the CLI names them. */
    static String trafficLines(List<String> parts) {
        return parts.isEmpty() ? FunctionText.NONE : String.join("\n", parts);
    }

    private static TableColumn<ServerlessFunction, Optional<Canary>> canaryColumn() {
        TableColumn<ServerlessFunction, Optional<Canary>> column = column("Canary", 92, Canary::of);
        column.setMinWidth(60);
        column.setComparator(Canary.BY_PROGRESS);
        column.setCellFactory(c -> new FunctionCell<>(
                canary -> canary.map(k -> FunctionText.percent(k.percent())).orElse(FunctionText.NONE),
                canary -> canary.map(FunctionTable::progressBar).orElse(null),
                canary -> "figure-cell",
                canary -> canary.map(FunctionText::canary).orElse("No canary: all traffic goes to one version")));
        return column;
    }

    private static Node progressBar(Canary canary) {
        ProgressBar bar = new ProgressBar(canary.progress());
        bar.getStyleClass().add("canary-progress");
        return bar;
    }

    private TableColumn<ServerlessFunction, Optional<TrafficStats>> requestsColumn() {
        TableColumn<ServerlessFunction, Optional<TrafficStats>> column = column("Req/s", 64, f -> model.trafficOf(f.id()));
        column.setId("requests-column");
        column.setMinWidth(48);
        column.setComparator(Comparator.comparingDouble(t -> t.map(TrafficStats::requestsPerSecond).orElse(-1.0)));
        column.setCellFactory(c -> new FunctionCell<>(
                t -> t.map(s -> FunctionText.requestsPerSecond(s.requestsPerSecond())).orElse(FunctionText.NONE),
                t -> null, t -> "figure-cell",
                t -> t.map(s -> "Requests per second observed (as on the topology graph)").orElse(NO_TRAFFIC)));
        return column;
    }

    private TableColumn<ServerlessFunction, Optional<TrafficStats>> errorsColumn() {
        TableColumn<ServerlessFunction, Optional<TrafficStats>> column = column("Errors", 64, f -> model.trafficOf(f.id()));
        column.setMinWidth(48);
        column.setComparator(Comparator.comparingDouble(t -> t.map(TrafficStats::errorRatio).orElse(-1.0)));
        Attention rule = model.attention();
        column.setCellFactory(c -> new FunctionCell<>(
                t -> t.map(s -> FunctionText.errorPercent(s.errorRatio())).orElse(FunctionText.NONE),
                t -> null,
                t -> t.filter(rule::failing).isPresent() ? "errors-high" : "figure-cell",
                t -> t.map(s -> "Share of failed requests; above " + rule.thresholdText() + " needs attention")
                        .orElse(NO_TRAFFIC)));
        return column;
    }

    private TableColumn<ServerlessFunction, FunctionAlerts> alertsColumn() {
        TableColumn<ServerlessFunction, FunctionAlerts> column = column("Alerts", 84, model::alertsOf);
        column.setMinWidth(56);
        column.setComparator(FunctionAlerts.MOST_URGENT_FIRST);
        column.setCellFactory(c -> new FunctionCell<>(FunctionText::alerts, a -> null,
                a -> a.firing() > 0 ? "errors-high" : "figure-cell",
                a -> a.isEmpty() ? "No alert firing or pending" : String.join("\n", FunctionText.alertLines(a))));
        return column;
    }

    private static TableColumn<ServerlessFunction, MeshStatus> meshColumn() {
        TableColumn<ServerlessFunction, MeshStatus> column = column("Mesh", 84, ServerlessFunction::mesh);
        column.setMinWidth(60);
        column.setComparator(BY_MESH);
        column.setCellFactory(c -> new FunctionCell<>(FunctionText::mesh, m -> null, m -> "mesh-cell",
                m -> String.join("\n", FunctionText.meshLines(m))));
        return column;
    }

    private TableColumn<ServerlessFunction, ServerlessFunction> healthColumn() {
        TableColumn<ServerlessFunction, ServerlessFunction> column = column("Health", 150, f -> f);
        column.setComparator(Comparator.comparing(ServerlessFunction::health, HealthOrder.WORST_FIRST));
        column.setCellFactory(c -> new FunctionCell<>(
                f -> FunctionText.health(f.platform(), f.health()),
                f -> Icons.health(f.health().level()),
                f -> Icons.styleClass(f.health().level()),
                f -> FunctionText.health(f.platform(), f.health()) + FunctionText.attention(model.attentionOf(f))));
        return column;
    }

    private static <T> TableColumn<ServerlessFunction, T> column(String title, double width,
                                                                 Function<ServerlessFunction, T> value) {
        TableColumn<ServerlessFunction, T> column = new TableColumn<>(title);
        column.setId(title.toLowerCase(Locale.ROOT) + "-column");
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return column;
    }
}
