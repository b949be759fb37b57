package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.TelemetryHealth;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The source tree and the filterable function table, kept in step with an {@link InventoryModel}: after each
 * batch the tree counts are redrawn, and the table's empty state says whether it is still discovering,
 * has no sources, or the filter hides everything.
 */
public final class InventoryView {

    private final InventoryModel model;
    private final SourceTree tree = new SourceTree();
    private final FilterBar filterBar = new FilterBar();
    private final FunctionTable table;
    private final ProgressIndicator discovering = new ProgressIndicator();
    private final Label emptyMessage = new Label();
    private final VBox centre;

    public InventoryView(InventoryModel model) {
        this.model = model;
        table = new FunctionTable(model);
        table.filterProperty().bind(filterBar.filter(tree.scopeProperty(), model::needsAttention));

        discovering.getStyleClass().add("discovering-indicator");
        emptyMessage.setId("empty-message");
        emptyMessage.getStyleClass().add("empty-message");
        VBox placeholder = new VBox(12, discovering, emptyMessage);
        placeholder.getStyleClass().add("table-placeholder");
        table.setPlaceholder(placeholder);

        VBox.setVgrow(table.node(), Priority.ALWAYS);
        centre = new VBox(filterBar.node(), table.node());
        centre.getStyleClass().add("inventory-centre");

        InvalidationListener refreshCounts = o -> refreshCounts();
        table.shown().addListener(refreshCounts);
        model.functions().addListener(refreshCounts);
        model.revisionProperty().addListener(o -> {
            tree.update(model.sourceSummaries());
            table.fitEssentialColumns();
            refreshCounts();
        });
        // a redraw of every row: only when figures change or a source goes stale or comes back
        model.attentionRevisionProperty().addListener(o -> {
            table.refreshFigures();
            filterBar.attentionChanged();
            refreshCounts();
        });
        tree.update(model.sourceSummaries());
        table.fitEssentialColumns();
        refreshCounts();
    }

    /** Applies one batch of events without losing the user's selection. */
    public void apply(List<InventoryEvent> batch) {
        table.keepingSelection(() -> model.apply(batch));
    }

    private void refreshCounts() {
        int total = model.functions().size();
        int shown = table.shown().size();
        filterBar.countLabel().setText(shown + " of " + total + (total == 1 ? " function" : " functions"));
        filterBar.showAttention(model.functions().stream().filter(model::needsAttention).count(), model.attention());
        EmptyState state = EmptyState.of(model.sourceCount(), model.discovering(), total, shown);
        emptyMessage.setText(state.message());
        discovering.setVisible(state == EmptyState.DISCOVERING);
        discovering.setManaged(state == EmptyState.DISCOVERING);
    }

    /** The filter field; the window places it in the app bar. */
    public Node filterField() {
        return filterBar.field();
    }

    /** Each telemetry source's state under "Telemetry" in the source tree, as the health says them. FX thread. */
    public void showMetrics(TelemetryHealth health) {
        Runnable refresh = () -> tree.showMetrics(health.statuses());
        health.addListener(status -> Platform.runLater(refresh));
        refresh.run();
    }

    public Node treeNode() {
        return tree.node();
    }

    /** The button above the table that shows or hides the source tree; the window decides what it does. */
    public ToggleButton sourcesToggle() {
        return filterBar.sourcesToggle();
    }

    public Node centreNode() {
        return centre;
    }

    public ReadOnlyObjectProperty<ServerlessFunction> selectedProperty() {
        return table.selectedProperty();
    }

    /** The functions listed now, under the tree's scope and the filter (for actions on all of them). */
    public List<ServerlessFunction> listed() {
        return List.copyOf(table.shown());
    }

    /** Marks the rows of functions with unexported edits; call again after edits to redraw. */
    public void markChanged(java.util.function.Predicate<dev.meshdeck.core.inventory.FunctionId> changed) {
        table.markChanged(changed);
    }

    /** Highlights this function's row, or none when it is not listed; false then. */
    public boolean select(FunctionId id) {
        return table.select(id);
    }

    /** Selects the first listed function with this name; false when none is listed (yet). */
    public boolean select(String name) {
        return table.select(name);
    }
}
