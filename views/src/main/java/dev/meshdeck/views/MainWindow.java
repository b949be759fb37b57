package dev.meshdeck.views;

import dev.meshdeck.core.editing.EditSession;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SharedReads;
import dev.meshdeck.views.editing.EditorPane;
import javafx.scene.Node;
import java.util.List;
import java.util.stream.Collectors;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.views.common.NextPulse;
import dev.meshdeck.views.details.DetailsPane;
import dev.meshdeck.views.inventory.EventCoalescer;
import dev.meshdeck.views.inventory.InventoryModel;
import dev.meshdeck.views.inventory.InventoryView;
import dev.meshdeck.views.shell.AppBar;
import dev.meshdeck.views.shell.AwsTargetMenu;
import dev.meshdeck.views.shell.SourceBanner;
import dev.meshdeck.views.shell.StatusBar;
import dev.meshdeck.views.topology.TopologyView;
import dev.meshdeck.core.telemetry.TelemetryHealth;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.topology.TelemetryPoller;
import java.time.Duration;
import java.time.ZoneId;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.views.changes.ChangeDesk;
import dev.meshdeck.views.failover.BulkFailoverDialog;
import dev.meshdeck.views.failover.IncidentControls;
import dev.meshdeck.views.common.Icons;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MeshDeck's main window: sources on the left, functions in the middle, the selected function on the
 * right, connection states at the bottom. It starts live discovery on the catalog when its scene is built;
 * the caller keeps ownership of the catalog and closes it.
 */
public final class MainWindow {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final FunctionCatalog catalog;
    /** The catalog's reads of a function's objects, shared by the panes and the graph when they ask at once. */
    private final SharedReads reads;
    private final WindowOptions options;
    private Scene scene;
    private InventoryModel inventoryModel;
    private InventoryView inventory;
    private EditorPane editor;
    private SplitPane panes;
    private Node detailsNode;
    private TopologyView topology;
    private TabPane centre;
    private TelemetrySource telemetry;
    private Duration telemetryInterval = TelemetryPoller.DEFAULT_INTERVAL;
    private TelemetryHealth metricsHealth;
    private ApplyTargets changeTargets;
    private ProductionArming arming;
    private ChangeDesk changes;
    private AwsTargetMenu awsTargets;
    private IncidentControls incidents;

    public MainWindow(FunctionCatalog catalog, WindowOptions options) {
        this.catalog = catalog;
        this.reads = new SharedReads(catalog::resourcesOf);
        this.options = options;
    }

    /**
     * Lets the window write: Apply in the editor, the History window with rollback and "undo last action",
     * recovery of interrupted applies at start, production read-only until armed. Call before the scene is built.
     */
    public MainWindow withChanges(ApplyTargets targets, ProductionArming production) {
        this.changeTargets = targets;
        this.arming = production;
        return this;
    }

    /** The window's change desk; empty when it was built without {@link #withChanges}. */
    public Optional<ChangeDesk> changes() {
        return Optional.ofNullable(changes);
    }

    /**
     * Builds the scene (1280x800) and starts discovery. Call once, on the FX thread.
     *
     * @throws IllegalStateException when called a second time: discovery runs once per window
     */
    public Scene createScene() {
        if (scene != null) {
            throw new IllegalStateException("MainWindow '" + options.title()
                    + "' already has its scene; build one window per scene");
        }
        InventoryModel model = new InventoryModel(catalog.sources());
        inventoryModel = model;
        inventory = new InventoryView(model);
        ExecutorService background = resourceLoader();
        DetailsPane details = new DetailsPane(reads, background);
        editor = new EditorPane(new EditSession(), reads, background);
        inventory.selectedProperty().addListener((obs, old, now) -> {
            details.show(now);
            if (editing() && now != null) {
                editor.show(now);
            }
        });
        details.setOnEdit((function, resources) -> openEditor(function, resources));
        details.watch(model);
        editor.watch(model);
        editor.setOnClose(this::closeEditor);
        EditSession session = editor.session();
        editor.setOnChange(() -> inventory.markChanged(session::dirty));
        inventory.markChanged(session::dirty);
        detailsNode = details.node();

        topology = new TopologyView(reads);
        // a Lambda function's mesh routes (its URL's VirtualService) reach the graph when it is shown: the graph
        // does not read every Lambda function's URLs
        details.setOnLoaded(topology.model()::applyResources);
        topology.selectedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                details.show(now);
                if (editing()) {
                    editor.show(now);
                }
            }
        });
        if (telemetry != null) {
            topology.setTelemetry(telemetry, telemetryInterval);
        }
        Tab functionsTab = new Tab("Functions", inventory.centreNode());
        Tab topologyTab = new Tab("Topology", topology.node());
        topologyTab.setId("topology-tab");
        centre = new TabPane(functionsTab, topologyTab);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setId("centre-tabs");

        // the banner warns over the table and the graph alike: both show what a silent source said last
        VBox.setVgrow(centre, Priority.ALWAYS);
        VBox centreWithBanner = new VBox(new SourceBanner(model, ZoneId.systemDefault()).node(), centre);
        panes = new SplitPane(inventory.treeNode(), centreWithBanner, details.node());
        panes.getStyleClass().add("main-panes");
        panes.setDividerPositions(0.17, 0.772);
        SplitPane.setResizableWithParent(inventory.treeNode(), false);
        SplitPane.setResizableWithParent(details.node(), false);

        BorderPane root = new BorderPane(panes);
        AppBar appBar = new AppBar(options, inventory.filterField());
        root.setTop(appBar.node());
        if (awsTargets != null) {
            appBar.showAwsTargets(awsTargets);
        }
        StatusBar statusBar = new StatusBar(model);
        if (metricsHealth != null) {
            statusBar.showMetrics(metricsHealth);
            metricsHealth.start();
        }
        root.setBottom(statusBar.node());
        root.getStyleClass().add("main-window");

        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().addAll(
                stylesheet("views.css"),
                stylesheet("inventory/inventory.css"),
                stylesheet("details/details.css"),
                stylesheet("shell/shell.css"),
                stylesheet("editing/editing.css"),
                stylesheet("topology/topology.css"),
                stylesheet("changes/changes.css"));
        if (changeTargets != null) {
            enableChanges(appBar, details, background, model);
            enableIncidentActions(appBar, details, background);
        }
        catalog.start(new EventCoalescer<InventoryEvent>(new NextPulse(), batch -> {
            inventory.apply(batch);
            topology.apply(batch);
        }), true);
        return scene;
    }

    private void enableChanges(AppBar appBar, DetailsPane details, ExecutorService background, InventoryModel model) {
        changes = new ChangeDesk(changeTargets, arming, background);
        changes.setSourceHealth(model);
        changes.setOwner(scene::getWindow);
        editor.setApplyHandler(changes);
        changes.setOnFinding(editor::reveal);
        // first: the reloads below must not join a read that started before the change
        changes.addAppliedListener(reads::invalidate);
        changes.addAppliedListener(() -> editor.reload(editor.session().clean()));
        changes.addAppliedListener(details::reload);
        Button history = new Button("History", Icons.of(MaterialDesignH.HISTORY));
        history.setId("history-button");
        history.setTooltip(new Tooltip("Every applied change set, with rollback (Ctrl+H)"));
        history.setOnAction(e -> changes.showHistory());
        Button undoLast = new Button("Undo last", Icons.of(MaterialDesignU.UNDO_VARIANT));
        undoLast.setId("undo-last-button");
        undoLast.setTooltip(new Tooltip("Roll back the last applied change set, after review (Ctrl+Shift+U)"));
        undoLast.setOnAction(e -> changes.undoLast());
        appBar.addActions(history, undoLast);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), changes::showHistory);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), changes::undoLast);
        Platform.runLater(changes::recoverInterrupted);
    }

    /** Failover, failback and rollout actions on the selected function; bulk failover of the listed ones. */
    private void enableIncidentActions(AppBar appBar, DetailsPane details, ExecutorService background) {
        incidents = new IncidentControls(changeTargets, changes, reads, background);
        incidents.setOwner(scene::getWindow);
        details.addActions(incidents.node());
        inventory.selectedProperty().addListener((obs, old, now) -> incidents.show(now));
        topology.selectedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                incidents.show(now);
            }
        });
        changes.addAppliedListener(incidents::refresh);
        Button bulk = new Button("Fail over listed…", Icons.of(MaterialDesignS.SWAP_HORIZONTAL));
        bulk.setId("bulk-failover-button");
        bulk.setTooltip(new Tooltip("Fail every listed function (tree scope and filter) over to its configured backup"));
        bulk.setOnAction(e -> {
            List<ServerlessFunction> listed = inventory.listed();
            if (!changes.refusedWhileSilent(listed.stream().map(f -> f.id().source()).collect(Collectors.toSet()))) {
                new BulkFailoverDialog(scene.getWindow(), scene.getStylesheets(), changeTargets, arming, reads, background,
                        listed).show();
            }
        });
        appBar.addActions(bulk);
    }

    /** True until every source has delivered its functions or reported a final state. FX thread. */
    public boolean discovering() {
        return inventoryModel == null || inventoryModel.discovering();
    }

    /** Selects the first listed function with this name, as a click would; false when none is listed yet. FX thread. */
    public boolean select(String functionName) {
        return inventory != null && inventory.select(functionName);
    }

    /**
     * Observed traffic for the topology graph, polled every {@code interval} off the FX thread. Call before the
     * scene is built; without it the graph shows configured routes only.
     */
    public void setTelemetry(TelemetrySource source, Duration interval) {
        this.telemetry = source;
        this.telemetryInterval = interval;
    }

    /**
     * The state of each telemetry source the graph polls, shown in the status bar; its probing starts with the
     * window. Call before the scene is built.
     */
    public void setTelemetryHealth(TelemetryHealth health) {
        this.metricsHealth = health;
    }

    /**
     * The AWS profile and region picker in the app bar; choosing calls the menu's callback, which switches the
     * catalog's Lambda sources. Call before the scene is built; without it the app bar has no picker.
     */
    public void setAwsTargets(AwsTargetMenu menu) {
        this.awsTargets = menu;
    }

    /** Shows the topology graph instead of the function table. FX thread, after the scene is built. */
    public void showTopology() {
        centre.getSelectionModel().select(1);
    }

    /** The topology graph; null before the scene is built. */
    public TopologyView topology() {
        return topology;
    }

    /** Whether the policy editor replaces the details pane now. */
    public boolean editing() {
        return panes != null && panes.getItems().contains(editor.node());
    }

    /** The policy editor (shown after "Edit"); null before the scene is built. */
    public EditorPane editor() {
        return editor;
    }

    /**
     * Opens the policy editor on the selected function, as the details pane's Edit button does; false when no
     * function is selected. FX thread.
     */
    public boolean edit() {
        ServerlessFunction selected = inventory == null ? null : inventory.selectedProperty().get();
        if (selected == null) {
            return false;
        }
        showEditor();
        editor.show(selected);
        return true;
    }

    private void openEditor(ServerlessFunction function, List<MeshResource> resources) {
        showEditor();
        editor.open(function, resources);
    }

    private void showEditor() {
        if (!editing()) {
            panes.getItems().set(2, editor.node());
            panes.setDividerPositions(0.12, 0.38);
        }
    }

    private void closeEditor() {
        if (editing()) {
            panes.getItems().set(2, detailsNode);
            panes.setDividerPositions(0.17, 0.772);
        }
    }

    /** Shows the window on the given stage at 1280x800. */
    public void show(Stage stage) {
        stage.setTitle(options.title());
        stage.setScene(createScene());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
    }

    /**
     * Renders the window as it is now to a PNG file (for the README screenshot). Safe to call from any
     * thread; waits for the FX thread to render.
     */
    public void snapshot(Path png) throws IOException {
        if (scene == null) {
            throw new IllegalStateException("Nothing to snapshot yet: call createScene() or show(stage) first");
        }
        FutureTask<WritableImage> render = new FutureTask<>(() -> scene.snapshot(null));
        if (Platform.isFxApplicationThread()) {
            render.run();
        } else {
            Platform.runLater(render);
        }
        WritableImage image;
        try {
            image = render.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while rendering the snapshot for " + png, e);
        } catch (ExecutionException e) {
            throw new IOException("Could not render the window for " + png + ": " + e.getCause(), e.getCause());
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile())) {
            throw new IOException("No PNG writer available to write " + png);
        }
    }

    private static ExecutorService resourceLoader() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "meshdeck-resources-" + count.incrementAndGet());
            // Loading YAML must never keep the application alive after its window closed.
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String stylesheet(String name) {
        URL url = Objects.requireNonNull(MainWindow.class.getResource(name),
                () -> "stylesheet dev/meshdeck/views/" + name + " is missing from the views jar; rebuild it");
        return url.toExternalForm();
    }
}
