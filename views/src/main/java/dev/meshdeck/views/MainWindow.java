package dev.meshdeck.views;

import dev.meshdeck.core.editing.EditSession;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.gateways.GatewaySource;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.views.editing.GatewayEditor;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SharedReads;
import dev.meshdeck.views.editing.EditorPane;
import javafx.scene.Node;
import java.util.ArrayList;
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
import dev.meshdeck.views.logs.LogsModel;
import dev.meshdeck.views.logs.LogsView;
import dev.meshdeck.views.workloads.ConfigEditing;
import dev.meshdeck.views.workloads.ConfigModel;
import dev.meshdeck.views.workloads.ConfigView;
import dev.meshdeck.views.workloads.ScaleModel;
import dev.meshdeck.views.workloads.ScaleView;
import dev.meshdeck.views.workloads.WorkloadsModel;
import dev.meshdeck.views.workloads.WorkloadsView;
import dev.meshdeck.core.telemetry.TelemetryHealth;
import dev.meshdeck.core.logs.LogSource;
import dev.meshdeck.core.workloads.ConfigSource;
import dev.meshdeck.core.workloads.WorkloadSource;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.topology.TelemetryPoller;
import java.time.Duration;
import java.time.ZoneId;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.CanaryActions;
import dev.meshdeck.views.canary.CanaryPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.views.changes.ChangeDesk;
import dev.meshdeck.views.failover.BulkFailoverDialog;
import dev.meshdeck.views.failover.IncidentControls;
import dev.meshdeck.core.failover.Rollouts;
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
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import java.util.ArrayList;
import java.util.Arrays;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.views.commands.Command;
import dev.meshdeck.views.commands.CommandPalette;
import dev.meshdeck.views.commands.PaletteEntry;
import dev.meshdeck.views.commands.PaletteModel;
import dev.meshdeck.views.commands.ShortcutSheet;
import dev.meshdeck.views.common.SelectedFunction;
import dev.meshdeck.views.shell.Theme;
import dev.meshdeck.views.shell.WindowPreferences;
import org.fxmisc.richtext.GenericStyledArea;

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
    /** Lines the Logs tab keeps: a few minutes of a busy function, well within what a virtualised table scrolls. */
    private static final int LOG_LINES = 10_000;

    private final FunctionCatalog catalog;
    /** The catalog's reads of a function's objects, shared by the panes and the graph when they ask at once. */
    private final SharedReads reads;
    private final WindowOptions options;
    private Scene scene;
    private InventoryModel inventoryModel;
    private InventoryView inventory;
    /** Built when first opened: its code area and forms took half of the window's construction at start. */
    private EditorPane editor;
    private final EditSession session = new EditSession();
    private ExecutorService background;
    private SplitPane panes;
    private Node detailsNode;
    private Node centreNode;
    private TopologyView topology;
    private TabPane centre;
    private Tab editorTab;
    /** The user's last use of the sources toggle; null before any (the width decides). */
    private Boolean treeChoice;
    /** What {@link #arrangePanes} applied last: dividers are only set again when it changes. */
    private PaneLayout arranged;
    private TelemetrySource telemetry;
    private List<AlertSource> alertSources = List.of();
    private Duration telemetryInterval = TelemetryPoller.DEFAULT_INTERVAL;
    private TelemetryHealth metricsHealth;
    private ApplyTargets changeTargets;
    private ProductionArming arming;
    private ChangeDesk changes;
    private AwsTargetMenu awsTargets;
    private WorkloadSource workloadSource;
    private WorkloadsView workloads;
    private LogSource logSource;
    private LogsView logs;
    private Tab logsTab;
    private Tab workloadsTab;
    private ConfigSource configSource;
    private java.util.function.Function<dev.meshdeck.core.inventory.FunctionId,
            java.util.Optional<dev.meshdeck.core.workloads.LambdaConfig>> lambdaConfigs = id -> java.util.Optional.empty();
    private GatewaySource gatewaySource;
    private ConfigView config;
    private Tab configTab;
    private ScaleView scale;
    private Tab scaleTab;
    private IncidentControls incidents;
    private final SelectedFunction selection = new SelectedFunction();
    private WindowPreferences preferences = WindowPreferences.DEFAULT;
    private final List<Command> commands = new ArrayList<>();
    private CommandPalette palette;
    /** Listed in the shortcut sheet, not in the palette itself. */
    private Command paletteCommand;
    private ShortcutSheet shortcutSheet;
    private DetailsPane details;
    private CanaryRunStore canaryRuns;
    private CanaryActions canaryActions;

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

    /** Adds the Canary tab: the runs of {@code store}, each with its timeline and controls. Call before the scene is built. */
    public MainWindow withCanaryRuns(CanaryRunStore store) {
        return withCanaryRuns(store, null);
    }

    /**
     * The Canary tab, whose start offers each interrupted run for {@code actions} to resume here or roll back.
     * Call before the scene is built.
     */
    public MainWindow withCanaryRuns(CanaryRunStore store, CanaryActions actions) {
        this.canaryRuns = store;
        this.canaryActions = actions;
        return this;
    }

    /** The window's change desk; empty when it was built without {@link #withChanges}. */
    public Optional<ChangeDesk> changes() {
        return Optional.ofNullable(changes);
    }

    /**
     * Builds the scene (1280x800, or the saved size) and starts discovery. Call once, on the FX thread.
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
        background = resourceLoader();
        preferences.theme().apply();
        details = new DetailsPane(reads, background);
        details.setOnEdit((function, resources) -> openEditor(function, resources));
        details.watch(model);
        inventory.markChanged(session::dirty);
        detailsNode = details.node();

        topology = new TopologyView(reads);
        // a Lambda function's mesh routes (its URL's VirtualService) reach the graph when it is shown: the graph
        // does not read every Lambda function's URLs
        details.setOnLoaded(topology.model()::applyResources);
        if (gatewaySource != null) {
            topology.setGateways(gatewaySource);
        }
        followSelection();
        // the table's Req/s and Errors are the graph's figures: one poll, one mapping of telemetry names to functions
        topology.model().addListener(change -> {
            model.applyTraffic(topology.model().nodes());
            model.applyAlerts(topology.model().alerts());
            details.refreshAlerts();
        });
        details.setAlerts(model::alertsOf);
        if (telemetry != null) {
            topology.setTelemetry(telemetry, telemetryInterval);
        }
        if (!alertSources.isEmpty()) {
            topology.setAlerts(alertSources, telemetryInterval);
        }
        Tab functionsTab = new Tab("Functions", inventory.centreNode());
        Tab topologyTab = new Tab("Topology", topology.node());
        topologyTab.setId("topology-tab");
        centre = new TabPane(functionsTab, topologyTab);
        if (workloadSource != null) {
            workloads = new WorkloadsView(new WorkloadsModel(workloadSource, background, Platform::runLater));
            workloadsTab = new Tab("Pods", workloads.node());
            workloadsTab.setId("workloads-tab");
            centre.getTabs().add(workloadsTab);
            // read when looked at: every selection would otherwise cost two API calls
            workloadsTab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    workloads.model().show(selection.get());
                }
            });
        }
        if (logSource != null) {
            logs = new LogsView(new LogsModel(logSource, background, Platform::runLater, LOG_LINES), ZoneId.systemDefault());
            logsTab = new Tab("Logs", logs.node());
            logsTab.setId("logs-tab");
            centre.getTabs().add(logsTab);
            // read and followed while looked at only: a follow holds a connection per pod
            logsTab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    logs.model().show(selection.get());
                } else {
                    logs.model().hide();
                }
            });
        }
        if (configSource != null) {
            config = new ConfigView(new ConfigModel(configSource, background, Platform::runLater));
            configTab = new Tab("Config", config.node());
            configTab.setId("config-tab");
            centre.getTabs().add(configTab);
            // read when looked at; a value revealed there is masked again when the tab is left
            configTab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    config.model().show(selection.get());
                } else {
                    config.model().hide();
                }
            });
            scale = new ScaleView(new ScaleModel(configSource, background, Platform::runLater));
            scale.model().setLambdaConfigs(lambdaConfigs);
            scaleTab = new Tab("Scale", scale.node());
            scaleTab.setId("scale-tab");
            centre.getTabs().add(scaleTab);
            scaleTab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    scale.model().show(selection.get());
                }
            });
        }
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setId("centre-tabs");
        if (canaryRuns != null) {
            CanaryPane canary = new CanaryPane(canaryRuns, canaryActions, java.time.Clock.systemUTC());
            Tab canaryTab = new Tab("Canary", canary.node());
            canaryTab.setId("canary-tab");
            centre.getTabs().add(canaryTab);
            canary.start();
            if (canaryActions != null) {
                Platform.runLater(() -> canary.offerInterrupted(() -> scene.getWindow()));
            }
        }

        centre.getSelectionModel().selectedItemProperty().addListener(o -> arrangePanes());

        // the banner warns over the table and the graph alike: both show what a silent source said last
        VBox.setVgrow(centre, Priority.ALWAYS);
        VBox centreBox = new VBox(new SourceBanner(model, ZoneId.systemDefault()).node(), centre);
        // a table whose columns are wider than the window scrolls sideways rather than push the details pane out
        centreBox.setMinWidth(0);
        centreNode = centreBox;
        panes = new SplitPane(centreNode);
        panes.getStyleClass().add("main-panes");
        SplitPane.setResizableWithParent(inventory.treeNode(), false);
        SplitPane.setResizableWithParent(detailsNode, false);
        inventory.sourcesToggle().setOnAction(e -> {
            treeChoice = inventory.sourcesToggle().isSelected();
            arrangePanes();
        });

        BorderPane root = new BorderPane(panes);
        AppBar appBar = new AppBar(options, inventory.filterField());
        root.setTop(appBar.node());
        if (awsTargets != null) {
            appBar.showAwsTargets(awsTargets);
        }
        StatusBar statusBar = new StatusBar(model);
        if (metricsHealth != null) {
            statusBar.showMetrics(metricsHealth);
            inventory.showMetrics(metricsHealth);
            metricsHealth.start();
        }
        root.setBottom(statusBar.node());
        root.getStyleClass().add("main-window");

        // the saved size from the first layout on: side panes keep their width in pixels when the window is resized
        scene = new Scene(root, preferences.bounds().map(WindowPreferences.Bounds::width).orElse(WIDTH),
                preferences.bounds().map(WindowPreferences.Bounds::height).orElse(HEIGHT));
        scene.widthProperty().addListener(o -> arrangePanes());
        arrangePanes();
        scene.getStylesheets().addAll(
                stylesheet("views.css"),
                stylesheet("inventory/inventory.css"),
                stylesheet("details/details.css"),
                stylesheet("shell/shell.css"),
                stylesheet("editing/editing.css"),
                stylesheet("topology/topology.css"),
                stylesheet("changes/changes.css"),
                stylesheet("commands/commands.css"));
        if (changeTargets != null) {
            enableChanges(appBar, details, background, model);
            enableIncidentActions(appBar, details, background);
        }
        installCommands();
        catalog.start(new EventCoalescer<InventoryEvent>(new NextPulse(), batch -> {
            inventory.apply(batch);
            selection.apply(batch);
            topology.apply(batch);
        }), true);
        return scene;
    }

    /**
     * One selection for every pane: a click in the table or the graph selects there, and the table, the graph,
     * the details pane, the editor and the incident actions all show what is selected. A pane that loses its
     * row or node (filtered out, not drawn) does not clear the selection: the others keep showing it.
     */
    private void followSelection() {
        inventory.selectedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selection.select(now);
            }
        });
        topology.selectedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selection.select(now);
            }
        });
        selection.property().addListener((obs, old, now) -> {
            FunctionId id = now == null ? null : now.id();
            inventory.select(id);
            topology.selectFunction(id);
            details.show(now);
            if (workloadsTab != null && workloadsTab.isSelected()) {
                workloads.model().show(now);
            }
            if (logsTab != null && logsTab.isSelected()) {
                logs.model().show(now);
            }
            if (scaleTab != null && scaleTab.isSelected()) {
                scale.model().show(now);
            }
            if (configTab != null) {
                if (configTab.isSelected()) {
                    config.model().show(now);
                } else {
                    config.model().hide();
                }
            }
            if (editing() && now != null) {
                editor.show(now);
                nameEditorTab();
            }
            if (incidents != null) {
                incidents.show(now);
            }
        });
    }

    /** The window's commands: palette lines, and the window's shortcuts for those with keys. */
    private void installCommands() {
        paletteCommand = new Command("Command palette", "Jump to a function or run an action", List.of(
                new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                this::showPalette);
        commands.addAll(0, List.of(paletteCommand,
                new Command("Keyboard shortcuts", "Every shortcut of the console (also ?)",
                        List.of(new KeyCodeCombination(KeyCode.F1)), this::showShortcuts),
                new Command("Filter the functions", "Type a filter for the function table",
                        List.of(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)), this::focusFilter),
                new Command("Show the functions", "The function table",
                        List.of(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN)), this::showFunctions),
                new Command("Show the topology", "The live topology graph",
                        List.of(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN)), this::showTopology),
                new Command("Open the editor", "Edit the selected function's traffic and policies",
                        List.of(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN)), this::edit),
                new Command("Close the editor", "Back to the details of the selected function", List.of(), this::closeEditor),
                new Command("Switch the theme", "Light or dark, for every window",
                        List.of(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                        () -> Theme.current().get().other().apply())));
        for (Command command : commands) {
            command.keys().forEach(keys -> scene.getAccelerators().put(keys, command.run()));
        }
        // "?" is typed text in a field or the YAML editor; anywhere else it opens the sheet
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)
                    && !(e.getTarget() instanceof GenericStyledArea<?, ?, ?>)) {
                e.consume();
                showShortcuts();
            }
        });
    }

    /** Opens the command palette over the window. FX thread. */
    public void showPalette() {
        if (palette == null) {
            palette = new CommandPalette(scene.getWindow(), scene.getStylesheets(),
                    new PaletteModel(() -> commands.stream().filter(c -> c != paletteCommand).map(Command::entry).toList(),
                            this::functionEntries));
        }
        palette.show();
    }

    /** The palette, once opened (tests). */
    public Optional<CommandPalette> palette() {
        return Optional.ofNullable(palette);
    }

    private List<PaletteEntry> functionEntries() {
        return inventoryModel.functions().stream().map(f -> new PaletteEntry(PaletteEntry.Kind.FUNCTION, f.name(),
                f.platform().displayName() + (f.namespace().isEmpty() ? "" : " · " + f.namespace()) + " · "
                        + f.source().label(), "", () -> selection.select(f))).toList();
    }

    /** Opens the sheet of every shortcut. FX thread. */
    public void showShortcuts() {
        if (shortcutSheet == null) {
            shortcutSheet = new ShortcutSheet(scene.getWindow(), scene.getStylesheets());
        }
        List<ShortcutSheet.Shortcut> window = new ArrayList<>();
        for (Command command : commands) {
            if (!command.keys().isEmpty()) {
                window.add(new ShortcutSheet.Shortcut(command.keysText(), command.title()));
            }
        }
        window.add(new ShortcutSheet.Shortcut("?", "Keyboard shortcuts, outside a text field"));
        window.add(new ShortcutSheet.Shortcut("Esc", "Closes the palette, this sheet, a dialog or the History window"));
        shortcutSheet.show(List.of(
                new ShortcutSheet.Section("Window", window),
                new ShortcutSheet.Section("Command palette", List.of(
                        new ShortcutSheet.Shortcut("↑ ↓  PgUp PgDn", "Move through the lines"),
                        new ShortcutSheet.Shortcut("Enter or click", "Jump to the function, or run the action"),
                        new ShortcutSheet.Shortcut(PaletteModel.ACTIONS_ONLY + " query", "Actions only"),
                        new ShortcutSheet.Shortcut(PaletteModel.FUNCTIONS_ONLY + " query", "Functions only"))),
                new ShortcutSheet.Section("Policy editor", EditorPane.shortcuts()),
                new ShortcutSheet.Section("Topology graph", TopologyView.shortcuts())));
    }

    /** The shortcut sheet, once opened (tests). */
    public Optional<ShortcutSheet> shortcutSheet() {
        return Optional.ofNullable(shortcutSheet);
    }

    private void focusFilter() {
        inventory.filterField().requestFocus();
    }

    /** The selected function, which every pane follows. FX thread. */
    public SelectedFunction selection() {
        return selection;
    }

    private void enableChanges(AppBar appBar, DetailsPane details, ExecutorService background, InventoryModel model) {
        changes = new ChangeDesk(changeTargets, arming, background);
        changes.setSourceHealth(model);
        changes.setOwner(scene::getWindow);
        changes.setOnFinding(finding -> editor().reveal(finding));
        // first: the reloads below must not join a read that started before the change
        changes.addAppliedListener(reads::invalidate);
        changes.addAppliedListener(() -> {
            if (editor != null) {
                editor.reload(session.clean());
            }
        });
        changes.addAppliedListener(details::reload);
        if (gatewaySource != null) {
            topology.setOnEditGateway(this::editGateway);
        }
        Button history = new Button("History", Icons.of(MaterialDesignH.HISTORY));
        history.setId("history-button");
        history.setTooltip(new Tooltip("Every applied change set, with rollback (Ctrl+H)"));
        history.setOnAction(e -> changes.showHistory());
        Button undoLast = new Button("Undo last", Icons.of(MaterialDesignU.UNDO_VARIANT));
        undoLast.setId("undo-last-button");
        undoLast.setTooltip(new Tooltip("Roll back the last applied change set, after review (Ctrl+Shift+U)"));
        undoLast.setOnAction(e -> changes.undoLast());
        appBar.addActions(history, undoLast);
        commands.add(new Command("History", "Every applied change set, with rollback",
                List.of(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN)), changes::showHistory));
        commands.add(new Command("Undo last change set", "Roll back the last applied change set, after review",
                List.of(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                changes::undoLast));
        Platform.runLater(changes::recoverInterrupted);
    }

    /** Failover, failback and rollout actions on the selected function; bulk failover of the listed ones. */
    private void enableIncidentActions(AppBar appBar, DetailsPane details, ExecutorService background) {
        incidents = new IncidentControls(changeTargets, changes, reads, background);
        incidents.setOwner(scene::getWindow);
        if (inventoryModel != null) {
            incidents.setInventory(() -> List.copyOf(inventoryModel.functions()));
        }
        details.addActions(incidents.node());
        incidents.show(selection.get());
        if (workloads != null) {
            workloads.model().setRollBack(row -> incidents.review((live, p) -> Rollouts.rollBack(live, row.deployment(),
                    workloadSource.revisionsOf(live.function().id()), row.revision().number(), null)));
            workloads.model().setDeletePod(pod -> incidents.review((live, p) ->
                    Rollouts.deletePod(live, workloadSource, pod.name(), null)));
            changes.addAppliedListener(workloads.model()::refresh);
        }
        changes.addAppliedListener(incidents::refresh);
        if (config != null) {
            ConfigEditing editing = new ConfigEditing(incidents);
            config.model().setEditor(editing);
            scale.model().setEditor(editing);
            changes.addAppliedListener(config.model()::refresh);
            changes.addAppliedListener(scale.model()::refresh);
        }
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
        commands.add(new Command("Fail over…", "Send the selected function's traffic to a backup, after review",
                List.of(), incidents::failOver));
        commands.add(new Command("Fail back", "Return the selected function's traffic from its backup, after review",
                List.of(), incidents::failBack));
        commands.add(new Command("Fail over listed…", "Fail every listed function over to its configured backup",
                List.of(), bulk::fire));
    }

    /** True until every source has delivered its functions or reported a final state. FX thread. */
    public boolean discovering() {
        return inventoryModel == null || inventoryModel.discovering();
    }

    /** Whether the inventory has a row yet (possibly before every list is in). FX thread. */
    public boolean hasRows() {
        return inventoryModel != null && !inventoryModel.functions().isEmpty();
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
     * The alert sources polled with telemetry (same interval): badges on the graph of the functions alerting. Call
     * before the scene is built.
     */
    public void setAlerts(List<AlertSource> sources) {
        this.alertSources = List.copyOf(sources);
    }

    /**
     * The state of each telemetry source the graph polls, shown in the status bar and the source tree; its probing starts with the
     * window. Call before the scene is built.
     */
    public void setTelemetryHealth(TelemetryHealth health) {
        this.metricsHealth = health;
    }

    /**
     * Where the Pods tab reads the selected function's pods and events. Call before the scene is built; without it
     * the window has no Pods tab.
     */
    public void setWorkloads(WorkloadSource source) {
        this.workloadSource = source;
    }

    /** The Pods tab's view, or null when the window has none. */
    public WorkloadsView workloads() {
        return workloads;
    }

    /** Shows the Pods tab (when the window has one). FX thread, after the scene is built. */
    public void showWorkloads() {
        if (workloadsTab != null) {
            centre.getSelectionModel().select(workloadsTab);
        }
    }

    /** Where the Logs tab reads the selected function's logs. Call before the scene is built; without it, no Logs tab. */
    public void setLogs(LogSource source) {
        this.logSource = source;
    }

    /** The Logs tab's view, or null when the window has none. */
    public LogsView logs() {
        return logs;
    }

    /** Shows the Logs tab (when the window has one). FX thread, after the scene is built. */
    public void showLogs() {
        if (logsTab != null) {
            centre.getSelectionModel().select(logsTab);
        }
    }

    /**
     * Where the Config and Scale tabs read the selected function's configuration (and the one masked value a person
     * asks to see). Call before the scene is built; without it the window has neither tab.
     */
    public void setConfig(ConfigSource source) {
        this.configSource = source;
    }

    /** Where the Scale tab reads a Lambda function's provisioned concurrency (may block). Before the scene is built. */
    public void setLambdaConfigs(java.util.function.Function<dev.meshdeck.core.inventory.FunctionId,
            java.util.Optional<dev.meshdeck.core.workloads.LambdaConfig>> lambdaConfigs) {
        this.lambdaConfigs = lambdaConfigs;
    }

    /**
     * Where the graph reads each context's Istio Gateways (ingress nodes, their details under the graph). Call before
     * the scene is built; without it the graph knows a Gateway only by the VirtualServices bound to it.
     */
    public void setGateways(GatewaySource source) {
        this.gatewaySource = source;
    }

    /** The Config tab's view, or null when the window has none. */
    public ConfigView config() {
        return config;
    }

    /** The Scale tab's view, or null when the window has none (it comes with the Config tab). */
    public ScaleView scale() {
        return scale;
    }

    /** Shows the Scale tab (when the window has one). FX thread, after the scene is built. */
    public void showScale() {
        if (scaleTab != null) {
            centre.getSelectionModel().select(scaleTab);
        }
    }

    /** Shows the Config tab (when the window has one). FX thread, after the scene is built. */
    public void showConfig() {
        if (configTab != null) {
            centre.getSelectionModel().select(configTab);
        }
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

    /** Shows the function table instead of the topology graph. FX thread, after the scene is built. */
    public void showFunctions() {
        centre.getSelectionModel().select(0);
    }

    /** The topology graph; null before the scene is built. */
    public TopologyView topology() {
        return topology;
    }

    /** Whether the policy editor is open (in its own tab, which may be in the background). */
    public boolean editing() {
        return centre != null && editorTab != null && centre.getTabs().contains(editorTab);
    }

    /** The policy editor (shown after "Edit"), built at its first use. FX thread, after the scene is built. */
    public EditorPane editor() {
        if (editor == null) {
            editor = new EditorPane(session, reads, background);
            editor.watch(inventoryModel);
            editor.setOnClose(this::closeEditor);
            editor.setOnChange(() -> inventory.markChanged(session::dirty));
            if (changes != null) {
                editor.setApplyHandler(changes);
            }
            editorTab = new Tab("Editor", editor.node());
            editorTab.setId("editor-tab");
        }
        return editor;
    }

    /**
     * Opens the policy editor on the selected function, as the details pane's Edit button does; false when no
     * function is selected. FX thread.
     */
    public boolean edit() {
        ServerlessFunction selected = selection.get();
        if (selected == null) {
            return false;
        }
        showEditor();
        editor().show(selected);
        nameEditorTab();
        return true;
    }

    private void openEditor(ServerlessFunction function, List<MeshResource> resources) {
        showEditor();
        editor().open(function, resources);
        nameEditorTab();
    }

    /** The editor's tab names the function it edits: the table may be showing another one. */
    private void nameEditorTab() {
        ServerlessFunction function = editor.function();
        editorTab.setText(function == null ? "Editor" : "Edit " + function.name());
    }

    /** Opens the editor's tab, or brings it to the front; it takes the whole width. */
    private void showEditor() {
        editor();
        if (!editing()) {
            centre.getTabs().add(editorTab);
        }
        centre.getSelectionModel().select(editorTab);
    }

    private void closeEditor() {
        if (editing()) {
            centre.getSelectionModel().select(0);
            centre.getTabs().remove(editorTab);
        }
    }

    /**
     * Opens the window as it was last closed: theme, size and place (when that place is still on a screen),
     * maximised or not, the centre tab and the panes' dividers. Call before the scene is built.
     */
    public MainWindow withPreferences(WindowPreferences saved) {
        this.preferences = saved;
        // the panes saved are the panes shown: two dividers had the source tree open, one had it folded away
        if (!saved.dividers().isEmpty()) {
            treeChoice = saved.dividers().size() == 2;
        }
        return this;
    }

    /** The window as it is now, to save for the next start. FX thread, after it was shown. */
    public WindowPreferences preferences() {
        Window window = scene.getWindow();
        boolean maximized = window instanceof Stage stage && stage.isMaximized();
        Optional<WindowPreferences.Bounds> bounds = maximized ? preferences.bounds()
                : Optional.of(new WindowPreferences.Bounds(window.getX(), window.getY(), window.getWidth(), window.getHeight()));
        // with the editor open the dividers are the editor's: the next start opens without it
        List<Double> dividers = editing() ? preferences.dividers()
                : Arrays.stream(panes.getDividerPositions()).boxed().toList();
        return new WindowPreferences(Theme.current().get(), bounds, maximized,
                centre.getSelectionModel().getSelectedIndex() == 1 ? WindowPreferences.CentreView.TOPOLOGY
                        : WindowPreferences.CentreView.FUNCTIONS, dividers);
    }

    /** Shows the side panes the width, the editor and the user's toggle call for (see {@link PaneLayout}). */
    private void arrangePanes() {
        // a window being shown reports a width of 0 first: no layout to compute from that
        if (scene == null || scene.getWidth() <= 0) {
            return;
        }
        double width = scene.getWidth();
        PaneLayout layout = PaneLayout.of(width, editing() && centre.getSelectionModel().getSelectedItem() == editorTab, treeChoice);
        List<Node> items = new ArrayList<>();
        if (layout.tree()) {
            items.add(inventory.treeNode());
        }
        items.add(centreNode);
        if (layout.details()) {
            items.add(detailsNode);
        }
        inventory.sourcesToggle().setSelected(layout.tree());
        if (layout.equals(arranged)) {
            return;
        }
        arranged = layout;
        if (!items.equals(panes.getItems())) {
            panes.getItems().setAll(items);
        }
        // the side panes keep their width; the centre takes what is left
        double[] dividers = new double[items.size() - 1];
        int next = 0;
        if (layout.tree()) {
            dividers[next++] = Math.min(0.5, PaneLayout.TREE_WIDTH / width);
        }
        if (layout.details()) {
            dividers[next] = Math.max(0.5, 1 - layout.detailsWidth() / width);
        }
        panes.setDividerPositions(dividers);
    }

    /** Shows the window on the given stage at 1280x800, or as the preferences say. */
    public void show(Stage stage) {
        stage.setTitle(options.title());
        stage.setScene(createScene());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        preferences.bounds().filter(b -> !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty())
                .ifPresentOrElse(b -> {
                    stage.setX(b.x());
                    stage.setY(b.y());
                    stage.setWidth(b.width());
                    stage.setHeight(b.height());
                }, stage::sizeToScene); // a stage shown before keeps its size otherwise, not the window's own
        stage.setMaximized(preferences.maximized());
        if (preferences.view() == WindowPreferences.CentreView.TOPOLOGY) {
            showTopology();
        }
        if (preferences.dividers().size() == panes.getDividers().size()) {
            panes.setDividerPositions(preferences.dividers().stream().mapToDouble(Double::doubleValue).toArray());
        }
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

    /**
     * Opens the Gateway editor on a Gateway selected in the graph; its change is reviewed by the change desk (diff,
     * gate, history) and, once written, the graph reads the context's Gateways again.
     */
    private void editGateway(IngressGateway gateway) {
        Stage stage = new Stage();
        GatewayEditor editor;
        try {
            editor = new GatewayEditor(gateway, CompletableFuture.supplyAsync(
                    () -> gatewaySource.tlsSecretsIn(gateway.source(), gateway.credentialNamespace()), background),
                    change -> changes.review(ChangeSet.of(change), ApplyRequest.apply(""), Set.of(gateway.source()), () -> {
                        stage.close();
                        topology.refreshGateways(gateway.source());
                    }));
        } catch (YamlProblem | RuntimeException e) {
            new Alert(Alert.AlertType.ERROR, "Gateway " + gateway.qualifiedName() + " cannot be edited: " + e.getMessage())
                    .showAndWait();
            return;
        }
        stage.initOwner(scene.getWindow());
        stage.setTitle("Edit Gateway " + gateway.qualifiedName());
        Scene editing = new Scene((Parent) editor.node(), 760, 620);
        editing.getStylesheets().setAll(scene.getStylesheets());
        stage.setScene(editing);
        stage.show();
    }

    private static String stylesheet(String name) {
        URL url = Objects.requireNonNull(MainWindow.class.getResource(name),
                () -> "stylesheet dev/meshdeck/views/" + name + " is missing from the views jar; rebuild it");
        return url.toExternalForm();
    }
}
