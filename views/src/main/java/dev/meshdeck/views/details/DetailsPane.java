package dev.meshdeck.views.details;

import atlantafx.base.theme.Styles;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import dev.meshdeck.views.common.Icons;
import dev.meshdeck.views.common.SourceNotice;
import dev.meshdeck.views.inventory.SourceHealth;
import dev.meshdeck.views.inventory.FunctionText;
import dev.meshdeck.core.inventory.InheritedPolicy;
import dev.meshdeck.core.inventory.PolicyKind;
import javafx.concurrent.Task;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The selected function: what it is, how traffic is split, how the mesh governs it, its health, and the
 * YAML of its own object and the policies that apply. The YAML is fetched off the FX thread.
 */
public final class DetailsPane {

    private static final Logger LOG = LoggerFactory.getLogger(DetailsPane.class);

    private final Function<FunctionId, List<MeshResource>> resourcesOf;
    private final Executor background;

    private final Label name = new Label();
    private final Label platform = new Label();
    private final Label location = new Label();
    private final VBox traffic = new VBox(6);
    private final VBox mesh = new VBox(5);
    private final Label health = new Label();
    private final VBox alerts = new VBox(4);
    private Function<ServerlessFunction, FunctionAlerts> alertsOf = f -> FunctionAlerts.none(f.namespace() + "/" + f.name());
    private final SourceNotice notice = new SourceNotice("details-source-notice", ZoneId.systemDefault());
    private final ProgressIndicator loading = new ProgressIndicator();
    private final Label resourcesMessage = new Label();
    private final TabPane resources = new TabPane();
    private final VBox content;
    private final StackPane root;
    private final javafx.scene.control.Button edit = new javafx.scene.control.Button("Edit");
    private ServerlessFunction shown;
    private Task<List<MeshResource>> pending;
    private List<MeshResource> loadedResources = List.of();
    private java.util.function.BiConsumer<ServerlessFunction, List<MeshResource>> onEdit;
    private java.util.function.BiConsumer<FunctionId, List<MeshResource>> onLoaded = (id, loaded) -> { };

    /**
     * @param resourcesOf may block on the network; it only ever runs on {@code background}
     * @param background  where resource loading runs
     */
    public DetailsPane(Function<FunctionId, List<MeshResource>> resourcesOf, Executor background) {
        this.resourcesOf = resourcesOf;
        this.background = background;

        name.setId("details-name");
        name.getStyleClass().addAll(Styles.TITLE_3, "details-name");
        platform.getStyleClass().add("details-platform");
        location.getStyleClass().addAll(Styles.TEXT_MUTED, "details-location");
        VBox header = new VBox(3, notice.node(), name, platform, location);
        header.getStyleClass().add("details-header");

        health.setId("details-health");
        alerts.setId("details-alerts");
        VBox facts = new VBox(section("Traffic", traffic), section("Mesh", mesh), section("Health", health),
                section("Alerts", alerts));
        facts.getStyleClass().add("details-facts");

        loading.getStyleClass().add("resources-loading");
        loading.setVisible(false);
        resourcesMessage.getStyleClass().addAll(Styles.TEXT_MUTED, "resources-message");
        edit.setId("edit-button");
        edit.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, "edit-button");
        edit.setTooltip(new Tooltip("Edit this function's traffic and policies, with live YAML, findings and diff"));
        edit.setVisible(false);
        edit.managedProperty().bind(edit.visibleProperty());
        edit.setOnAction(e -> {
            if (onEdit != null && shown != null) {
                onEdit.accept(shown, loadedResources);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox resourcesHeader = new HBox(8, caption("Resources"), loading, resourcesMessage, gap, edit);
        resourcesHeader.getStyleClass().add("resources-header");
        resources.setId("resource-tabs");
        resources.getStyleClass().add("resource-tabs");
        resources.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(resources, Priority.ALWAYS);

        content = new VBox(header, facts, resourcesHeader, resources);
        content.getStyleClass().add("details-content");
        content.setVisible(false);

        Label hint = new Label("Select a function to see its traffic, mesh policies and YAML",
                Icons.of(MaterialDesignG.GESTURE_TAP, "details-hint-icon"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, "details-hint");
        hint.setWrapText(true);
        hint.visibleProperty().bind(content.visibleProperty().not());
        root = new StackPane(hint, content);
        root.setId("details-pane");
        root.getStyleClass().add("details-pane");
    }

    public Node node() {
        return root;
    }

    /** Says over the function when its source does not answer, following {@code health}. FX thread. */
    public void watch(SourceHealth health) {
        notice.watch(health);
    }

    /** What the line over the function says now; empty while its source answers. */
    public Optional<String> sourceNotice() {
        return notice.text();
    }

    /** Places a row of actions (failover, restart, ...) under the function's name. FX thread. */
    public void addActions(Node actions) {
        content.getChildren().add(1, actions);
    }

    /**
     * Shows an "Edit" button once a function's objects are loaded; pressing it hands over the function and its
     * objects. FX thread.
     */
    public void setOnEdit(java.util.function.BiConsumer<ServerlessFunction, List<MeshResource>> onEdit) {
        this.onEdit = onEdit;
    }

    /** Where the Alerts section reads the alerts active on the shown function (the window's alert poll). FX thread. */
    public void setAlerts(Function<ServerlessFunction, FunctionAlerts> alertsOf) {
        this.alertsOf = alertsOf;
        refreshAlerts();
    }

    /** Shows the shown function's alerts again, after a poll. FX thread. */
    public void refreshAlerts() {
        if (shown != null) {
            alerts.getChildren().setAll(alertRows(alertsOf.apply(shown)));
        }
    }

    /** One line per alert, most urgent first, its labels in the tooltip. */
    private static List<Node> alertRows(FunctionAlerts active) {
        if (active.isEmpty()) {
            return List.of(muted("No alert firing or pending"));
        }
        List<String> lines = FunctionText.alertLines(active);
        List<Node> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ActiveAlert a = active.alerts().get(i);
            Label row = new Label(lines.get(i));
            row.setWrapText(true);
            row.getStyleClass().addAll("details-alert", a.state() == ActiveAlert.State.FIRING ? "alert-firing" : "alert-pending");
            StringBuilder labels = new StringBuilder("From " + a.source());
            a.labels().forEach((k, v) -> labels.append('\n').append(k).append('=').append(v));
            row.setTooltip(new Tooltip(labels.toString()));
            rows.add(row);
        }
        return rows;
    }

    /** Hands over each function's objects as they are loaded, e.g. to the graph. FX thread. */
    public void setOnLoaded(java.util.function.BiConsumer<FunctionId, List<MeshResource>> onLoaded) {
        this.onLoaded = onLoaded;
    }

    /** Loads the shown function's objects again, e.g. after a change was applied to them. FX thread. */
    public void reload() {
        if (shown != null) {
            load(shown.id());
        }
    }

    /**
     * Shows a function, or the hint when null. The same function in a newer state refreshes the facts
     * and keeps the YAML already loaded.
     */
    public void show(ServerlessFunction function) {
        boolean sameFunction = function != null && shown != null && shown.id().equals(function.id());
        shown = function;
        notice.show(function == null ? null : function.source());
        content.setVisible(function != null);
        if (function == null) {
            cancelPending();
            return;
        }
        if (!sameFunction) {
            load(function.id());
        }
        showFacts(function);
    }

    private void showFacts(ServerlessFunction f) {
        name.setText(f.name());
        platform.setText(f.platform().displayName());
        platform.setGraphic(Icons.platform(f.platform()));
        location.setText(f.namespace().isEmpty() ? f.source().label() : f.source().label() + " · " + f.namespace());
        location.setTooltip(new Tooltip(location.getText()));
        traffic.getChildren().setAll(trafficRows(f));
        mesh.getChildren().setAll(meshRows(f, loadedResources));
        Health h = f.health();
        health.setText(FunctionText.health(f.platform(), h));
        health.setGraphic(Icons.health(h.level()));
        health.getStyleClass().removeIf(c -> c.startsWith("health-"));
        health.getStyleClass().add(Icons.styleClass(h.level()));
        alerts.getChildren().setAll(alertRows(alertsOf.apply(f)));
    }

    private static List<Node> trafficRows(ServerlessFunction f) {
        List<TrafficShare> shares = f.traffic();
        if (shares.isEmpty()) {
            return List.of(muted("No traffic information"));
        }
        if (shares.size() > 1 && shares.stream().allMatch(s -> s.percent() == 0)) {
            return List.of(muted(FunctionText.traffic(f) + ": no VirtualService splits traffic"));
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("traffic-grid");
        // Versions and percentages keep their text; the bars take what width is left.
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), bars, new ColumnConstraints());
        for (int i = 0; i < shares.size(); i++) {
            TrafficShare share = shares.get(i);
            Label version = new Label(FunctionText.shortVersion(f, share));
            version.getStyleClass().add("traffic-version");
            version.setTooltip(new Tooltip(share.version()));
            version.setMinWidth(Region.USE_PREF_SIZE);
            if (!share.tag().isEmpty()) {
                Label tag = new Label(share.tag());
                tag.getStyleClass().add("traffic-tag");
                version.setGraphic(tag);
                version.setContentDisplay(ContentDisplay.RIGHT);
            }
            ProgressBar bar = new ProgressBar(share.percent() / 100);
            bar.getStyleClass().addAll("traffic-bar", Styles.SMALL);
            bar.setMaxWidth(Double.MAX_VALUE);
            Label percent = new Label(FunctionText.percent(share.percent()));
            percent.getStyleClass().add("traffic-percent");
            // a long version name ("payment-function") takes the bar's room, never the figure's
            percent.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(i, version, bar, percent);
            GridPane.setHalignment(percent, HPos.RIGHT);
        }
        return List.of(grid);
    }

    private static List<Node> meshRows(ServerlessFunction f, List<MeshResource> loaded) {
        return f.platform() == Platform.LAMBDA ? lambdaMeshRows(loaded) : meshRows(f.mesh());
    }

    /** A Lambda function is outside the mesh; the mesh calls it through the ServiceEntry of its URL, if any. */
    private static List<Node> lambdaMeshRows(List<MeshResource> loaded) {
        List<MeshResource> entries = loaded.stream().filter(r -> r.source() != null).toList();
        if (entries.isEmpty()) {
            return List.of(muted("Not in the mesh (AWS Lambda)"));
        }
        List<Node> rows = new ArrayList<>(List.of(muted("Called from the mesh in " + entries.get(0).source().label()
                + " through its function URL")));
        for (MeshResource entry : entries) {
            String abbreviation = entry.kind().replaceAll("[^A-Z]", "");
            rows.add(policyRow(abbreviation, entry.kind(), entry.namespace() + "/" + entry.name()));
        }
        return rows;
    }

    private static List<Node> meshRows(MeshStatus status) {
        Label sidecar = new Label(status.sidecarInjected() ? "Sidecar injected" : "No sidecar",
                status.sidecarInjected()
                        ? Icons.of(MaterialDesignS.SHIELD_CHECK, "sidecar-icon", "injected")
                        : Icons.of(MaterialDesignS.SHIELD_OFF_OUTLINE, "sidecar-icon", "missing"));
        sidecar.getStyleClass().add("mesh-sidecar");
        List<Node> rows = new ArrayList<>(List.of(sidecar));
        for (PolicyKind kind : PolicyKind.values()) {
            for (String policy : status.allOf(kind)) {
                HBox row = policyRow(kind.abbreviation(), kind.kind(), policy);
                status.inheritance(kind, policy).ifPresent(inherited -> markInherited(row, inherited));
                rows.add(row);
            }
        }
        if (!status.hasPolicies()) {
            rows.add(muted("No Istio policy applies"));
        }
        return rows;
    }

    private void load(FunctionId id) {
        cancelPending();
        resources.getTabs().clear();
        loadedResources = List.of();
        edit.setVisible(false);
        resourcesMessage.setTooltip(null);
        resourcesMessage.setText("loading…");
        Task<List<MeshResource>> task = new Task<>() {
            @Override
            protected List<MeshResource> call() {
                return resourcesOf.apply(id);
            }
        };
        task.setOnSucceeded(e -> {
            showResources(task.getValue());
            onLoaded.accept(id, task.getValue());
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            LOG.warn("Could not load the resources of {} from {}", id.qualifiedName(), id.source().label(), error);
            resourcesMessage.setText("could not load from " + id.source().label() + ": " + error.getMessage());
            resourcesMessage.setTooltip(new Tooltip(resourcesMessage.getText()));
        });
        loading.visibleProperty().bind(task.runningProperty());
        pending = task;
        background.execute(task);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void showResources(List<MeshResource> loaded) {
        loadedResources = List.copyOf(loaded);
        mesh.getChildren().setAll(meshRows(shown, loadedResources));
        edit.setVisible(onEdit != null);
        resourcesMessage.setText(loaded.isEmpty() ? "none found" : loaded.size() == 1 ? "1 object" : loaded.size() + " objects");
        Map<String, Long> perKind = loaded.stream().collect(Collectors.groupingBy(MeshResource::kind, Collectors.counting()));
        for (MeshResource resource : loaded) {
            // The kind alone is enough until two objects share it (two Deployments of two versions).
            String title = perKind.get(resource.kind()) > 1 ? resource.kind() + " " + resource.name() : resource.kind();
            Tab tab = new Tab(title, YamlView.of(resource.yaml()));
            tab.setTooltip(new Tooltip(resource.title()));
            tab.setUserData(resource);
            resources.getTabs().add(tab);
        }
    }

    private static HBox policyRow(String abbreviation, String kind, String name) {
        Label badge = new Label(abbreviation);
        badge.getStyleClass().add("policy-badge");
        badge.setTooltip(new Tooltip(kind));
        Label policyName = new Label(name);
        policyName.getStyleClass().add("mesh-policy");
        policyName.setTooltip(new Tooltip(kind + " " + name));
        return new HBox(8, badge, policyName);
    }

    /** An inherited policy says from how wide it comes and, when a narrower one wins, is struck through. */
    private static void markInherited(HBox row, InheritedPolicy inherited) {
        Label scope = new Label(FunctionText.inheritance(inherited));
        scope.getStyleClass().addAll("policy-inherited", Styles.TEXT_MUTED);
        scope.setWrapText(true);
        // under the name, not beside it: beside, the wrapped scope took the narrow pane's width and cut the name to "…"
        scope.setMinHeight(Region.USE_PREF_SIZE);
        Node name = row.getChildren().remove(1);
        VBox named = new VBox(name, scope);
        HBox.setHgrow(named, Priority.ALWAYS);
        row.getChildren().add(named);
        if (!inherited.effective()) {
            row.getStyleClass().add("policy-overridden");
        }
    }

    private static VBox section(String title, Node body) {
        VBox section = new VBox(6, caption(title), body);
        section.getStyleClass().add("details-section");
        return section;
    }

    private static Label caption(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("details-caption");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }
}
