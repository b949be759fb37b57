package dev.meshdeck.views.topology;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.monitoring.AlertPoller;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.gateways.GatewaySource;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.topology.PolicyLoader;
import dev.meshdeck.core.topology.TelemetryIndex;
import dev.meshdeck.core.topology.TelemetryPoller;
import dev.meshdeck.core.topology.TopologyChange;
import dev.meshdeck.core.topology.TopologyFilter;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.layout.Box;
import dev.meshdeck.core.topology.layout.Point;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import dev.meshdeck.views.commands.ShortcutSheet;
import dev.meshdeck.views.shell.Theme;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The live topology graph: one canvas drawn by {@link GraphPainter} (no scene-graph node per graph element),
 * with pan (drag), zoom (wheel, around the cursor), fit, search, n-hop focus, filters, collapsible boxes
 * (click a box header), a hover card, a choice of what edges say, a foldable legend and PNG/SVG export of the
 * whole graph. The state lives in {@link TopologyViewModel}; this class lays out the controls, binds them and runs
 * full layouts, policy reads and telemetry polls in the background.
 */
public final class TopologyView {

    /** What Export offers: the whole graph at these zooms. */
    private static final double[] EXPORT_SCALES = {1, 2};
    /** JavaFX canvases and images stop here, per side. */
    private static final int MAX_EXPORT_SIDE = 8192;

    private final TopologyModel model = new TopologyModel();
    private final TopologyViewModel viewModel = new TopologyViewModel(model, java.time.ZoneId.systemDefault());
    private final TopologyLayout layout = viewModel.layout();
    private final PolicyLoader policies;
    private final ExecutorService layoutWorker = worker("meshdeck-topology-layout");
    /** Matches each poll's edges to nodes ({@link TelemetryIndex#resolve}), in the order the polls came. */
    private final ExecutorService telemetryWorker = worker("meshdeck-topology-telemetry");
    private final java.util.function.Consumer<TopologyChange> onModelChange = this::modelChanged;
    /** After {@link #close()} nothing more is scheduled: the workers are stopped. */
    private boolean closed;
    private PollTimes lastPoll = new PollTimes(0, 0, 0);
    /** Reads the Gateways of a source after its discovery; one read queued per source at a time. */
    private final ExecutorService gatewayReads = worker("meshdeck-topology-gateways");
    private final Set<SourceRef> gatewaysPending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final GatewayDetails gatewayDetails = new GatewayDetails();
    private GatewaySource gateways;
    private final ReadOnlyObjectWrapper<ServerlessFunction> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final Canvas canvas = new Canvas();
    private final Label hoverCard = new Label();
    private final Pane canvasPane = new Pane(canvas, hoverCard);
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final Label matches = new Label();
    private final Label stale = new Label();
    private final Spinner<Integer> hops = new Spinner<>(1, 6, 1);

    private String staleMessage;
    private TelemetryPoller poller;
    private AlertPoller alertPoller;
    private static final Logger LOG = LoggerFactory.getLogger(TopologyView.class);
    private CanvasSurface surface;
    private boolean layoutRunning;
    /** Another full layout was asked for while one ran (a filter changed): it runs when that one is in. */
    private boolean layoutAgain;
    private boolean fitPending = true;
    /** The view shows the whole graph and the user has not moved it since: a resize fits it again. */
    private boolean fitted;
    private boolean redrawQueued;
    private final OverviewImage overview = new OverviewImage(this::redraw);
    private GraphPalette palette = GraphPalette.of(Theme.current().get());
    /** Held here: the theme outlives the view, and listens to it only weakly. */
    private final ChangeListener<Theme> followTheme = (o, was, now) -> {
        palette = GraphPalette.of(now);
        viewModel.changed();
        redraw();
    };
    private double pressX;
    private double pressY;
    private Viewport pressViewport;

    /** @param resourcesOf the catalog's; may block on the network, it only runs on background threads */
    public TopologyView(Function<FunctionId, List<MeshResource>> resourcesOf) {
        policies = new PolicyLoader(resourcesOf, 2, (id, facts) -> javafx.application.Platform.runLater(() -> {
            if (!closed) {
                model.applyPolicies(id, facts);
            }
        }));
        model.addListener(onModelChange);
        Theme.current().addListener(new WeakChangeListener<>(followTheme));
        root.setTop(toolbar());
        root.setCenter(canvasPane);
        root.getStyleClass().add("topology");
        root.setId("topology");
        canvas.setId("topology-canvas");
        hoverCard.setId("topology-hover");
        hoverCard.getStyleClass().add("topology-hover");
        hoverCard.setVisible(false);
        hoverCard.setMouseTransparent(true);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hoverCard.setVisible(false));
        canvasPane.setMinSize(0, 0);
        canvasPane.widthProperty().addListener((o, a, w) -> resized());
        canvasPane.heightProperty().addListener((o, a, h) -> resized());
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressViewport = viewModel.viewport();
        });
        canvas.setOnMouseDragged(e -> {
            viewModel.setViewport(pressViewport.panned(e.getX() - pressX, e.getY() - pressY));
            fitted = false;
            hoverCard.setVisible(false);
            redraw();
        });
        canvas.setOnMouseReleased(e -> {
            if (e.getButton() == MouseButton.PRIMARY && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
                click(e.getX(), e.getY());
            }
        });
        canvas.setOnScroll(e -> {
            viewModel.setViewport(viewModel.viewport().zoomed(Math.exp(e.getDeltaY() / 400), e.getX(), e.getY()));
            fitted = false;
            redraw();
        });
    }

    public Node node() {
        return root;
    }

    /** The function of the clicked node (a version's function); null for none, a gateway or a host. */
    public ReadOnlyObjectProperty<ServerlessFunction> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public TopologyModel model() {
        return model;
    }

    public TopologyLayout layout() {
        return layout;
    }

    /** The graph's state: viewport, filters, focus, search, selection, labels, marks of silent sources. */
    public TopologyViewModel viewModel() {
        return viewModel;
    }

    /** Inventory events, FX thread. Functions that appear or change get their policies read again. */
    public void apply(List<InventoryEvent> batch) {
        if (closed) {
            return;
        }
        model.apply(batch);
        if (viewModel.apply(batch)) {
            redraw();
        }
        for (InventoryEvent e : batch) {
            if (e instanceof InventoryEvent.SourceLoaded loaded) {
                loaded.functions().forEach(policies::request);
                refreshGateways(loaded.source());
            } else if (e instanceof InventoryEvent.FunctionChanged changed) {
                policies.request(changed.function());
                // a VirtualService bound to a Gateway or unbound from it changes a function
                refreshGateways(changed.function().source());
            } else if (e instanceof InventoryEvent.FunctionRemoved removed) {
                refreshGateways(removed.id().source());
            }
        }
    }

    /**
     * Where the graph reads each kube context's Gateways (drawn as ingress nodes, detailed when selected), after
     * every discovery of it. FX thread, before discovery starts.
     */
    public void setGateways(GatewaySource source) {
        gateways = source;
    }

    /** Reads a kube context's Gateways again in the background (after its discovery, or an edit of a Gateway). */
    public void refreshGateways(SourceRef source) {
        if (closed || gateways == null || !(source instanceof SourceRef.KubeContext) || !gatewaysPending.add(source)) {
            return;
        }
        GatewaySource from = gateways;
        gatewayReads.execute(() -> {
            gatewaysPending.remove(source);
            try {
                List<IngressGateway> read = from.gatewaysOf(source);
                javafx.application.Platform.runLater(() -> {
                    if (!closed) {
                        model.applyGateways(source, read);
                    }
                });
            } catch (RuntimeException e) {
                // the source's status says why it cannot be read; the graph keeps the Gateways it knew
                LOG.debug("topology: Gateways of {} not read: {}", source.label(), e.getMessage());
            }
        });
    }

    /** "Edit servers…" under a selected Gateway hands it here (the policy editor); without it the button is off. */
    public void setOnEditGateway(java.util.function.Consumer<IngressGateway> action) {
        gatewayDetails.setOnEdit(action);
    }

    /** The selected node's Gateway, shown under the graph; null when no Gateway is selected. */
    public IngressGateway selectedGateway() {
        return root.getBottom() == null ? null : gatewayDetails.shown();
    }

    private void selectionChanged() {
        selected.set(viewModel.selectedFunction());
        java.util.Optional<IngressGateway> gateway = viewModel.selectedGateway();
        gateway.ifPresent(gatewayDetails::show);
        root.setBottom(gateway.isPresent() ? gatewayDetails.node() : null);
    }

    /** Starts polling observed traffic every {@code interval} (15 s by default); replaces an earlier source. FX thread. */
    public void setTelemetry(TelemetrySource source, Duration interval) {
        if (poller != null) {
            poller.close();
        }
        poller = new TelemetryPoller(source, interval,
                snapshot -> javafx.application.Platform.runLater(() -> {
                    if (!closed) {
                        staleBanner(null);
                        stale.setText("");
                        applyTelemetry(snapshot);
                    }
                }),
                message -> javafx.application.Platform.runLater(() -> {
                    if (closed) {
                        return;
                    }
                    staleBanner(message + " (since " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + ")");
                    stale.setText("Telemetry stale");
                    stale.setTooltip(new Tooltip(staleMessage));
                    redraw();
                }));
        poller.start();
    }

    /**
     * Starts reading the alert sources every {@code interval} (the telemetry's): the badges of alerting functions.
     * Replaces earlier sources. FX thread.
     */
    public void setAlerts(List<AlertSource> sources, Duration interval) {
        if (alertPoller != null) {
            alertPoller.close();
        }
        alertPoller = new AlertPoller(sources, interval,
                byFunction -> javafx.application.Platform.runLater(() -> model.applyAlerts(byFunction)),
                message -> LOG.warn("alerts not read: {}", message));
        alertPoller.start();
    }

    /** Shows (or, with null, takes away) the banner over the top of the graph; a fitted graph moves below it. */
    private void staleBanner(String message) {
        boolean was = staleMessage != null;
        staleMessage = message;
        viewModel.setTopInset(message == null ? 0 : GraphPainter.BANNER_HEIGHT);
        if (was != (message != null) && fitted) {
            fit();
        }
    }

    /**
     * A telemetry snapshot, FX thread: matched to the graph's nodes in the background, then installed here (only the
     * edges and nodes whose figures changed), so a poll of thousands of edges does not hold the FX thread.
     */
    public void applyTelemetry(TelemetrySnapshot snapshot) {
        long start = System.nanoTime();
        TelemetryIndex index = model.telemetryIndex();
        long indexed = System.nanoTime() - start;
        telemetryWorker.execute(() -> {
            long t = System.nanoTime();
            TelemetryIndex.Resolved resolved = index.resolve(snapshot);
            long resolving = System.nanoTime() - t;
            javafx.application.Platform.runLater(() -> {
                if (closed) {
                    return;
                }
                long s = System.nanoTime();
                model.applyTelemetry(resolved);
                lastPoll = new PollTimes(lastPoll.applied() + 1, indexed + System.nanoTime() - s, resolving);
            });
        });
    }

    /**
     * How many polls were installed, and the last one's times: on the FX thread (index copy + install + listeners)
     * and matching on the telemetry worker. For the benchmark.
     */
    public record PollTimes(long applied, long fxNanos, long resolveNanos) {
    }

    public PollTimes lastPoll() {
        return lastPoll;
    }

    /** Stops polling and background work, and stops following the model: a closed view schedules nothing. FX thread. */
    public void close() {
        closed = true;
        model.removeListener(onModelChange);
        if (poller != null) {
            poller.close();
        }
        if (alertPoller != null) {
            alertPoller.close();
        }
        policies.close();
        gatewayReads.shutdownNow();
        layoutWorker.shutdownNow();
        telemetryWorker.shutdownNow();
        overview.close();
    }

    private static ExecutorService worker(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    // ---- model and layout ---------------------------------------------------------------------------------

    private void modelChanged(TopologyChange change) {
        if (viewModel.modelChanged(change)) {
            scheduleFullLayout();
        }
        selectionChanged();
        redraw();
    }

    /**
     * Lays out what is shown from scratch, off the FX thread; Fit follows when it was pending, or when the view was
     * fitted to the quick placement a large graph shows first and has not been moved since.
     */
    private void scheduleFullLayout() {
        if (layoutRunning) {
            layoutAgain = true;
            return;
        }
        layoutRunning = true;
        TopologyLayout.Job job = layout.prepare();
        boolean sketchFirst = viewModel.sketchFirst(job.size());
        layoutWorker.execute(() -> {
            if (sketchFirst) {
                TopologyLayout.Job quick = job.sketch();
                javafx.application.Platform.runLater(() -> {
                    if (!closed) {
                        installed(quick);
                    }
                });
            }
            job.run();
            javafx.application.Platform.runLater(() -> {
                layoutRunning = false;
                if (closed) {
                    return;
                }
                installed(job);
                if (layoutAgain) {
                    layoutAgain = false;
                    scheduleFullLayout();
                }
            });
        });
    }

    private void installed(TopologyLayout.Job job) {
        layout.install(job);
        viewModel.laidOut();
        if (fitPending || fitted) {
            fit();
        }
        redraw();
    }

    /** Whether a full layout is under way (after a quick placement, the graph is drawn meanwhile). */
    public boolean isLayingOut() {
        return layoutRunning;
    }

    // ---- user actions -------------------------------------------------------------------------------------

    /** Shows the whole graph, as large as the canvas allows. */
    public void fit() {
        fitPending = !viewModel.fit();
        fitted = !fitPending;
        redraw();
    }

    /** Highlights the nodes matching {@code text} and brings the first into view; returns how many match. */
    public int search(String text) {
        Set<String> found = viewModel.search(text);
        matches.setText(found.isEmpty() ? (text == null || text.isBlank() ? "" : "no match") : found.size() + " found");
        redraw();
        return found.size();
    }

    public Set<String> highlighted() {
        return viewModel.highlighted();
    }

    /** Selects a node as a click does; null clears. */
    public void select(String nodeId) {
        viewModel.select(nodeId);
        selectionChanged();
        redraw();
    }

    /**
     * Selects the node of this function (null clears), unless a node of it is selected already (one of its
     * versions); a function not in the graph yet is selected when it arrives.
     */
    public void selectFunction(FunctionId id) {
        ServerlessFunction current = selected.get();
        if (id == null ? viewModel.selected() == null : current != null && current.id().equals(id)) {
            return;
        }
        if (id == null) {
            select(null);
        } else {
            viewModel.selectFunction(id);
            selectionChanged();
            redraw();
        }
    }

    /** What the mouse does on the graph, for the shortcut sheet. */
    public static List<ShortcutSheet.Shortcut> shortcuts() {
        return List.of(new ShortcutSheet.Shortcut("Click", "Select a function; a box header folds or unfolds the box"),
                new ShortcutSheet.Shortcut("Drag", "Pan"),
                new ShortcutSheet.Shortcut("Wheel", "Zoom around the pointer"));
    }

    public String selectedNode() {
        return viewModel.selected();
    }

    /** Shows only the selected node and what is within {@code n} hops of it, laid out alone; false when nothing is selected. */
    public boolean focus(int n) {
        hops.getValueFactory().setValue(n);
        if (!viewModel.focus(n)) {
            return false;
        }
        relayoutShown();
        return true;
    }

    public void clearFocus() {
        if (viewModel.clearFocus()) {
            relayoutShown();
        }
    }

    public void setFilter(TopologyFilter value) {
        if (viewModel.setFilter(value)) {
            relayoutShown();
        }
    }

    /** What is shown changed: it is laid out alone (empty boxes go), then fitted. */
    private void relayoutShown() {
        fitPending = true;
        scheduleFullLayout();
        redraw();
    }

    public TopologyFilter filter() {
        return viewModel.filter();
    }

    /** The nodes drawn now (filters and focus applied). */
    public Set<String> visibleNodes() {
        Set<String> visible = viewModel.visible();
        return visible == null ? Set.copyOf(model.groups().values().stream().flatMap(Set::stream).toList()) : visible;
    }

    /** Where a node's centre is on the canvas now (for tests and tooltips); null when it is not laid out. */
    public javafx.geometry.Point2D screenPosition(String nodeId) {
        Point p = layout.anchor(nodeId);
        Viewport viewport = viewModel.viewport();
        return p == null ? null : new javafx.geometry.Point2D(viewport.screenX(p.x()), viewport.screenY(p.y()));
    }

    public Canvas canvas() {
        return canvas;
    }

    private void click(double x, double y) {
        String node = viewModel.nodeAt(x, y);
        if (node != null) {
            select(node);
            return;
        }
        Box header = viewModel.headerAt(x, y);
        if (header != null) {
            layout.setCollapsed(header.key(), !header.collapsed());
            viewModel.changed();
            redraw();
        } else {
            select(null);
        }
    }

    /** Shows the hover card of what is under the pointer, beside it, or hides it over nothing. */
    private void hover(double x, double y) {
        java.util.Optional<HoverCard> card = viewModel.hover(x, y);
        hoverCard.setVisible(card.isPresent());
        card.ifPresent(c -> {
            hoverCard.setText(c.text());
            hoverCard.autosize();
            double left = x + 14 + hoverCard.getWidth() > canvas.getWidth() ? x - 14 - hoverCard.getWidth() : x + 14;
            double top = y + 14 + hoverCard.getHeight() > canvas.getHeight() ? y - 14 - hoverCard.getHeight() : y + 14;
            hoverCard.relocate(Math.max(0, left), Math.max(0, top));
        });
    }

    /** The hover card as shown now; empty when hidden (for tests). */
    public String hoverText() {
        return hoverCard.isVisible() ? hoverCard.getText() : "";
    }

    /** Moves the pointer over a screen point of the canvas, as the mouse would. */
    public void hoverAt(double x, double y) {
        hover(x, y);
    }

    // ---- drawing and export -------------------------------------------------------------------------------

    private void resized() {
        canvas.setWidth(canvasPane.getWidth());
        canvas.setHeight(canvasPane.getHeight());
        viewModel.resize(canvas.getWidth(), canvas.getHeight());
        if ((fitPending || fitted) && viewModel.isLaidOut()) {
            fit();
        }
        redraw();
    }

    /** Draws on the next pulse; many changes in one frame draw once. */
    private void redraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            javafx.application.Platform.runLater(this::drawNow);
        }
    }

    /**
     * Draws now, on the FX thread; returns the time it took in nanoseconds (for the benchmark). Zoomed out, the
     * frame is the overview image scaled and shifted, once it is ready for what is drawn now.
     */
    public long drawNow() {
        redrawQueued = false;
        long start = System.nanoTime();
        if (surface == null) {
            surface = new CanvasSurface(canvas.getGraphicsContext2D());
        }
        GraphPainter.Picture picture = picture();
        Viewport viewport = viewModel.viewport();
        if (!overview.draw(canvas.getGraphicsContext2D(), viewport, viewModel.content(), picture)) {
            GraphPainter.paintGraph(surface, viewport, picture);
        }
        GraphPainter.paintOverlay(surface, viewport, picture);
        return System.nanoTime() - start;
    }

    /** How long the last overview image took to make (FX-thread copy + background painting), for the benchmark. */
    public long overviewRenderNanos() {
        return overview.lastRenderNanos();
    }

    /** How long the FX thread spent copying what the last overview image draws, for the benchmark. */
    public long overviewCopyNanos() {
        return overview.lastCopyNanos();
    }

    /** Zooms around the canvas centre by {@code factor} and pans by a screen offset, as the mouse would. */
    public void zoomAndPan(double factor, double dx, double dy) {
        viewModel.setViewport(viewModel.viewport().zoomed(factor, canvas.getWidth() / 2, canvas.getHeight() / 2).panned(dx, dy));
    }

    /** The zoom: 1 draws the graph at its own size. */
    public double scale() {
        return viewModel.viewport().scale();
    }

    private GraphPainter.Picture picture() {
        return new GraphPainter.Picture(viewModel, staleMessage, palette);
    }

    /** The whole graph at {@code scale}, with a margin; the scale shrinks when the image would be too large. */
    private Viewport exportViewport(double scale) {
        double margin = 16;
        double s = Math.min(scale, (MAX_EXPORT_SIDE - 2 * margin) / Math.max(1, Math.max(layout.width(), layout.height())));
        return new Viewport(-margin / s, -margin / s, s, Math.ceil(layout.width() * s + 2 * margin),
                Math.ceil(layout.height() * s + 2 * margin));
    }

    /** Writes the whole graph as PNG at {@code scale} (1: as drawn at zoom 1), whatever the view shows. FX thread. */
    public void exportPng(Path file, double scale) throws IOException {
        Viewport whole = exportViewport(scale);
        Canvas image = new Canvas(whole.width(), whole.height());
        GraphPainter.paint(new CanvasSurface(image.getGraphicsContext2D()), whole, picture());
        WritableImage pixels = image.snapshot(null, null);
        createParent(file);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(pixels, null), "png", file.toFile())) {
            throw new IOException("No PNG writer available to write " + file);
        }
    }

    /** Writes the whole graph as SVG, drawn by the same painter at zoom 1. FX thread. */
    public void exportSvg(Path file) throws IOException {
        Viewport whole = exportViewport(1);
        SvgSurface svg = new SvgSurface(whole.width(), whole.height());
        GraphPainter.paint(svg, whole, picture());
        createParent(file);
        Files.writeString(file, svg.document(), StandardCharsets.UTF_8);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    // ---- toolbar ------------------------------------------------------------------------------------------

    private Node toolbar() {
        search.setPromptText("Search functions");
        search.setId("topology-search");
        search.textProperty().addListener((o, a, text) -> search(text));
        matches.getStyleClass().add("topology-matches");

        MenuButton platforms = new MenuButton("Platforms");
        for (Platform p : Platform.values()) {
            CheckMenuItem item = new CheckMenuItem(p.displayName());
            item.selectedProperty().addListener((o, a, on) -> {
                Set<Platform> now = filter().platforms().isEmpty() ? EnumSet.noneOf(Platform.class) : EnumSet.copyOf(filter().platforms());
                if (on) {
                    now.add(p);
                } else {
                    now.remove(p);
                }
                setFilter(filter().withPlatforms(now));
            });
            platforms.getItems().add(item);
        }
        MenuButton namespaces = new MenuButton("Namespaces");
        namespaces.setOnShowing(e -> fillNamespaces(namespaces));
        fillNamespaces(namespaces);

        ChoiceBox<TopologyFilter.HealthFilter> health = new ChoiceBox<>();
        health.getItems().setAll(TopologyFilter.HealthFilter.values());
        health.setValue(TopologyFilter.HealthFilter.ANY);
        health.setId("topology-health");
        health.setConverter(new StringConverter<>() {
            @Override
            public String toString(TopologyFilter.HealthFilter value) {
                return value == null ? "" : value.label();
            }

            @Override
            public TopologyFilter.HealthFilter fromString(String text) {
                throw new UnsupportedOperationException("the health filter is chosen, not typed");
            }
        });
        health.setTooltip(new Tooltip("Health"));
        health.valueProperty().addListener((o, a, v) -> setFilter(filter().withHealth(v)));
        ToggleButton canaries = new ToggleButton("Canaries");
        canaries.setTooltip(new Tooltip("Only functions with a canary in progress"));
        canaries.selectedProperty().addListener((o, a, on) -> setFilter(filter().withCanaryOnly(on)));

        hops.setPrefWidth(64);
        hops.setTooltip(new Tooltip("Hops around the selected function"));
        Label hopsLabel = new Label("Hops");
        hopsLabel.setId("topology-hops-label");
        hopsLabel.setLabelFor(hops);
        // the label wraps with its spinner
        HBox depth = new HBox(4, hopsLabel, hops);
        depth.setAlignment(Pos.CENTER_LEFT);
        Button focus = new Button("Focus");
        focus.setOnAction(e -> focus(hops.getValue()));
        Button all = new Button("Show all");
        all.setOnAction(e -> clearFocus());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> fit());
        Button tidy = new Button("Tidy");
        tidy.setTooltip(new Tooltip("Lay out again the groups whose functions came and went"));
        tidy.setOnAction(e -> {
            layout.relayoutDirty();
            viewModel.changed();
            redraw();
        });
        ChoiceBox<EdgeLabelMode> edgeLabels = new ChoiceBox<>();
        edgeLabels.getItems().setAll(EdgeLabelMode.values());
        edgeLabels.setValue(viewModel.labelMode());
        edgeLabels.setId("topology-edge-labels");
        edgeLabels.setConverter(new StringConverter<>() {
            @Override
            public String toString(EdgeLabelMode value) {
                return value == null ? "" : value.label();
            }

            @Override
            public EdgeLabelMode fromString(String text) {
                throw new UnsupportedOperationException("what edges say is chosen, not typed");
            }
        });
        edgeLabels.setTooltip(new Tooltip("What the edges say"));
        edgeLabels.valueProperty().addListener((o, a, v) -> {
            viewModel.setLabelMode(v);
            redraw();
        });
        ToggleButton legend = new ToggleButton("Legend");
        legend.setId("topology-legend");
        legend.setTooltip(new Tooltip("What colours, lines and badges mean"));
        legend.selectedProperty().addListener((o, a, on) -> {
            viewModel.setLegendShown(on);
            redraw();
        });
        MenuButton export = new MenuButton("Export");
        for (double scale : EXPORT_SCALES) {
            MenuItem png = new MenuItem(String.format(java.util.Locale.ROOT, "Whole graph as PNG, %.0f×…", scale));
            png.setOnAction(e -> exportWithChooser("png", scale));
            export.getItems().add(png);
        }
        MenuItem svg = new MenuItem("Whole graph as SVG…");
        svg.setOnAction(e -> exportWithChooser("svg", 1));
        export.getItems().add(svg);
        stale.getStyleClass().add("topology-stale");
        stale.setId("topology-stale");

        // wraps onto a second row when the centre pane is narrow, rather than hiding controls
        FlowPane bar = new FlowPane(6, 4, search, matches, platforms, namespaces, health, canaries, depth, focus, all, fit, tidy,
                edgeLabels, legend, export, stale);
        bar.getStyleClass().add("topology-toolbar");
        return bar;
    }

    private void fillNamespaces(MenuButton menu) {
        Set<String> names = new TreeSet<>();
        for (GroupKey g : model.groups().keySet()) {
            if (!g.namespace().isEmpty()) {
                names.add(g.namespace());
            }
        }
        menu.getItems().clear();
        for (String ns : names) {
            CheckMenuItem item = new CheckMenuItem(ns);
            item.setSelected(filter().namespaces().contains(ns));
            item.selectedProperty().addListener((o, a, on) -> {
                Set<String> now = new TreeSet<>(filter().namespaces());
                if (on) {
                    now.add(ns);
                } else {
                    now.remove(ns);
                }
                setFilter(filter().withNamespaces(now));
            });
            menu.getItems().add(item);
        }
    }

    private void exportWithChooser(String extension, double scale) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the whole topology graph");
        chooser.setInitialFileName("topology." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            if (extension.equals("png")) {
                exportPng(file.toPath(), scale);
            } else {
                exportSvg(file.toPath());
            }
        } catch (IOException e) {
            stale.setText("Export failed: " + e.getMessage());
        }
    }
}
