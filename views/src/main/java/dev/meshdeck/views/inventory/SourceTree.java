package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.telemetry.MetricsStatus;
import dev.meshdeck.views.common.Icons;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources on the left: every kube context and AWS region with its status, and under each the platforms
 * found there with their counts. Selecting a node narrows the table to that {@link Scope}. Below them, under
 * "Telemetry", each metrics source the graph polls (a Prometheus, CloudWatch) with its state: they hold no
 * functions, so selecting one narrows nothing.
 */
public final class SourceTree {

    /**
     * What one tree node stands for; {@code status} is null below a source; {@code metrics} is set on a telemetry
     * source's row; {@code heading} names a row that only groups others.
     */
    public record Entry(Scope scope, SourceStatus status, int count, MetricsStatus metrics, String heading) {
        Entry(Scope scope, SourceStatus status, int count) {
            this(scope, status, count, null, null);
        }
    }

    // A hidden root, so that "All sources" and the sources sit side by side without an indentation level.
    private final TreeItem<Entry> root = new TreeItem<>();
    private final TreeItem<Entry> all = new TreeItem<>(new Entry(Scope.ALL, null, 0));
    private final TreeView<Entry> tree = new TreeView<>(root);
    // Items are kept and updated in place so that a live update keeps the user's selection and expansion.
    private final Map<Scope, TreeItem<Entry>> items = new HashMap<>();
    private final ReadOnlyObjectWrapper<Scope> scope = new ReadOnlyObjectWrapper<>(this, "scope", Scope.ALL);
    private final TreeItem<Entry> telemetry = new TreeItem<>(new Entry(Scope.ALL, null, 0, null, "Telemetry"));
    private final Map<String, TreeItem<Entry>> metricsItems = new HashMap<>();
    private List<TreeItem<Entry>> sourceItems = List.of();

    public SourceTree() {
        tree.setId("source-tree");
        tree.getStyleClass().add("source-tree");
        tree.setShowRoot(false);
        root.setExpanded(true);
        tree.setCellFactory(t -> new EntryCell());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                scope.set(now == null ? Scope.ALL : now.getValue().scope()));
    }

    public TreeView<Entry> node() {
        return tree;
    }

    public ReadOnlyObjectProperty<Scope> scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public void update(List<SourceSummary> summaries) {
        // TreeView's selection follows indexes when children are replaced: remember the scope, not the row.
        Scope selected = scope.get();
        all.setValue(new Entry(Scope.ALL, null, summaries.stream().mapToInt(SourceSummary::total).sum()));
        List<TreeItem<Entry>> sourceItems = new ArrayList<>(List.of(all));
        for (SourceSummary summary : summaries) {
            TreeItem<Entry> sourceItem = item(new Entry(Scope.of(summary.source()), summary.status(), summary.total()));
            List<TreeItem<Entry>> platformItems = new ArrayList<>();
            summary.perPlatform().forEach((platform, count) ->
                    platformItems.add(item(new Entry(new Scope(summary.source(), platform), null, count))));
            replaceIfChanged(sourceItem, platformItems);
            sourceItems.add(sourceItem);
        }
        this.sourceItems = sourceItems;
        replaceIfChanged(root, rootChildren());
        TreeItem<Entry> keep = items.get(selected);
        tree.getSelectionModel().select(keep != null && isShown(keep) ? keep : all);
    }

    /** The telemetry sources' states, under "Telemetry" after the function sources. FX thread. */
    public void showMetrics(List<MetricsStatus> statuses) {
        List<TreeItem<Entry>> rows = new ArrayList<>();
        for (MetricsStatus status : statuses) {
            TreeItem<Entry> row = metricsItems.computeIfAbsent(status.source(), name -> new TreeItem<>());
            row.setValue(new Entry(Scope.ALL, null, 0, status, null));
            rows.add(row);
        }
        telemetry.setExpanded(true);
        replaceIfChanged(telemetry, rows);
        replaceIfChanged(root, rootChildren());
    }

    private List<TreeItem<Entry>> rootChildren() {
        List<TreeItem<Entry>> children = new ArrayList<>(sourceItems);
        if (!telemetry.getChildren().isEmpty()) {
            children.add(telemetry);
        }
        return children;
    }

    private boolean isShown(TreeItem<Entry> item) {
        TreeItem<Entry> parent = item.getParent();
        return parent == root || (parent != null && parent.getParent() == root);
    }

    private TreeItem<Entry> item(Entry entry) {
        TreeItem<Entry> item = items.computeIfAbsent(entry.scope(), s -> {
            TreeItem<Entry> created = new TreeItem<>(entry);
            created.setExpanded(true);
            return created;
        });
        item.setValue(entry);
        return item;
    }

    private static void replaceIfChanged(TreeItem<Entry> parent, List<TreeItem<Entry>> children) {
        if (!parent.getChildren().equals(children)) {
            parent.getChildren().setAll(children);
        }
    }

    private static final class EntryCell extends TreeCell<Entry> {
        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            setTooltip(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Scope scope = entry.scope();
            HBox row = new HBox(5);
            row.getStyleClass().add("source-tree-row");
            if (entry.heading() != null) {
                row.getChildren().addAll(Icons.of(MaterialDesignC.CHART_LINE, "source-icon"), new Label(entry.heading()));
            } else if (entry.metrics() != null) {
                MetricsStatus metrics = entry.metrics();
                Label name = new Label(metrics.source());
                name.getStyleClass().add("source-name");
                // the state first: a long endpoint name is cut at the tree's edge, the state must not be
                row.getChildren().addAll(Icons.state(metrics.state()), name);
                setTooltip(new Tooltip(metrics.line(ZoneId.systemDefault())));
            } else if (scope.source() == null) {
                row.getChildren().addAll(Icons.of(MaterialDesignL.LAYERS_OUTLINE, "source-icon"),
                        new Label("All sources"), badge(entry.count()));
            } else if (scope.platform() == null) {
                row.getChildren().addAll(Icons.source(scope.source()), sourceName(scope.source()),
                        badge(entry.count()), Icons.state(entry.status().state()));
                setTooltip(new Tooltip(scope.source().label() + " — " + entry.status().state() + "\n"
                        + entry.status().message()));
            } else {
                Platform platform = scope.platform();
                row.getChildren().addAll(Icons.platform(platform),
                        new Label(platform.displayName() + " (" + entry.count() + ")"));
            }
            setGraphic(row);
        }

        /** A kube context by name; an AWS region with its account underneath, to tell accounts apart. */
        private static Node sourceName(SourceRef source) {
            if (source instanceof SourceRef.AwsRegion aws) {
                Label region = new Label(aws.region());
                region.getStyleClass().add("source-name");
                Label account = new Label("AWS " + aws.account());
                account.getStyleClass().add("source-detail");
                return new VBox(region, account);
            }
            Label name = new Label(source.label());
            name.getStyleClass().add("source-name");
            return name;
        }

        private static Label badge(int count) {
            Label badge = new Label(Integer.toString(count));
            badge.getStyleClass().add("count-badge");
            return badge;
        }
    }
}
