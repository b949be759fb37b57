package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.views.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The function table: rows filtered and sorted incrementally on top of the model's list (a changed row
 * moves to its place; nothing is re-sorted wholesale), with the selection kept across live updates.
 */
public final class FunctionTable {

    private static final Comparator<Health> BY_HEALTH = Comparator
            .comparing((Health h) -> h.level().ordinal())
            .thenComparing(h -> h.desired() == 0 ? 1.0 : (double) h.ready() / h.desired());
    private static final Comparator<MeshStatus> BY_MESH = Comparator
            .comparing(MeshStatus::sidecarInjected)
            .thenComparing(m -> Arrays.stream(FunctionText.PolicyKind.values()).mapToInt(k -> k.of(m).size()).sum());

    private final TableView<ServerlessFunction> table = new TableView<>();
    private final FilteredList<ServerlessFunction> filtered;
    private final SortedList<ServerlessFunction> sorted;
    private final ReadOnlyObjectWrapper<ServerlessFunction> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private boolean keepingSelection;
    private static final javafx.css.PseudoClass CHANGED = javafx.css.PseudoClass.getPseudoClass("changed");
    private Predicate<FunctionId> changed = id -> false;
    private static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");
    private Predicate<SourceRef> stale = source -> false;

    public FunctionTable(ObservableList<ServerlessFunction> functions) {
        filtered = new FilteredList<>(functions);
        sorted = new SortedList<>(filtered);
        // Inventory.ORDER breaks ties and is the order before the user clicks a header.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getComparator() == null ? Inventory.ORDER : table.getComparator().thenComparing(Inventory.ORDER),
                table.comparatorProperty()));
        // The SortedList above does the sorting; the table only has to accept the new order.
        table.setSortPolicy(t -> true);
        table.setItems(sorted);
        table.setId("function-table");
        table.getStyleClass().add("function-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                platformColumn(),
                textColumn("Source", 86, f -> f.source().label()),
                textColumn("Namespace", 90, ServerlessFunction::namespace),
                nameColumn(),
                textColumn("Traffic", 124, FunctionText::traffic),
                meshColumn(),
                healthColumn()));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ServerlessFunction item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CHANGED, !empty && item != null && changed.test(item.id()));
                pseudoClassStateChanged(STALE, !empty && item != null && stale.test(item.source()));
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

    /** Greys the rows of sources that stopped answering (the {@code :stale} pseudo-class) and redraws. */
    public void markStale(Predicate<SourceRef> stale) {
        this.stale = stale;
        table.refresh();
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
        TableColumn<ServerlessFunction, Platform> column = column("Platform", 108, ServerlessFunction::platform);
        column.setCellFactory(c -> new FunctionCell<>(FunctionText::shortName, Icons::platform, p -> null, Platform::displayName));
        return column;
    }

    private static TableColumn<ServerlessFunction, String> nameColumn() {
        TableColumn<ServerlessFunction, String> column = textColumn("Name", 146, ServerlessFunction::name);
        column.setCellFactory(c -> new FunctionCell<>(s -> s, s -> null, s -> "function-name", s -> s));
        return column;
    }

    private static TableColumn<ServerlessFunction, MeshStatus> meshColumn() {
        TableColumn<ServerlessFunction, MeshStatus> column = column("Mesh", 84, ServerlessFunction::mesh);
        column.setComparator(BY_MESH);
        column.setCellFactory(c -> new FunctionCell<>(FunctionText::mesh, m -> null, m -> "mesh-cell",
                m -> String.join("\n", FunctionText.meshLines(m))));
        return column;
    }

    private static TableColumn<ServerlessFunction, ServerlessFunction> healthColumn() {
        TableColumn<ServerlessFunction, ServerlessFunction> column = column("Health", 142, f -> f);
        column.setComparator(Comparator.comparing(ServerlessFunction::health, BY_HEALTH));
        column.setCellFactory(c -> new FunctionCell<>(
                f -> FunctionText.health(f.platform(), f.health()),
                f -> Icons.health(f.health().level()),
                f -> Icons.styleClass(f.health().level()),
                f -> FunctionText.health(f.platform(), f.health())));
        return column;
    }

    private static TableColumn<ServerlessFunction, String> textColumn(String title, double width,
                                                                      Function<ServerlessFunction, String> value) {
        TableColumn<ServerlessFunction, String> column = column(title, width, value);
        // The full text as tooltip: at 1280 px these columns may be cut.
        column.setCellFactory(c -> new FunctionCell<>(s -> s, s -> null, s -> null, s -> s));
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
