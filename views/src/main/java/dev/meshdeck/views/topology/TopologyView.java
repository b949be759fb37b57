package dev.meshdeck.views.topology;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.PolicyLoader;
import dev.meshdeck.core.topology.TelemetryPoller;
import dev.meshdeck.core.topology.TopologyChange;
import dev.meshdeck.core.topology.TopologyFilter;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
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
 * (click a box header) and PNG/SVG export. Inventory events and telemetry reach the model on the FX thread;
 * layouts, policy reads and telemetry polls run in the background.
 */
public final class TopologyView {

    /** More new nodes than this at once are laid out from scratch, off the FX thread. */
    private static final int BULK = 200;

    private final TopologyModel model = new TopologyModel();
    private final TopologyViewModel viewModel = new TopologyViewModel(java.time.ZoneId.systemDefault());
    private final TopologyLayout layout = new TopologyLayout(model);
    private final PolicyLoader policies;
    private final ExecutorService layoutWorker = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "meshdeck-topology-layout");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<ServerlessFunction> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final Canvas canvas = new Canvas();
    private final Pane canvasPane = new Pane(canvas);
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final Label matches = new Label();
    private final Label stale = new Label();
    private final Spinner<Integer> hops = new Spinner<>(1, 6, 1);

    private Viewport viewport = new Viewport(0, 0, 1, 0, 0);
    private TopologyFilter filter = TopologyFilter.ALL;
    private String focusNode;
    private Set<String> visible;
    private Set<String> highlighted = Set.of();
    private String selectedNode;
    private String staleMessage;
    private TelemetryPoller poller;
    private CanvasSurface surface;
    private boolean laidOut;
    private boolean layoutRunning;
    private boolean fitPending = true;
    private boolean redrawQueued;
    /** Counts changes of what is drawn, for the overview image. */
    private long content;
    private final OverviewImage overview = new OverviewImage(this::redraw);
    private GraphPalette palette = GraphPalette.of(Theme.current().get());
    /** Held here: the theme outlives the view, and listens to it only weakly. */
    private final ChangeListener<Theme> followTheme = (o, was, now) -> {
        palette = GraphPalette.of(now);
        changed();
    };
    private double pressX;
    private double pressY;
    private Viewport pressViewport;

    /** @param resourcesOf the catalog's; may block on the network, it only runs on background threads */
    public TopologyView(Function<FunctionId, List<MeshResource>> resourcesOf) {
        policies = new PolicyLoader(resourcesOf, 2, (id, facts) -> javafx.application.Platform.runLater(() -> model.applyPolicies(id, facts)));
        model.addListener(this::modelChanged);
        Theme.current().addListener(new WeakChangeListener<>(followTheme));
        root.setTop(toolbar());
        root.setCenter(canvasPane);
        root.getStyleClass().add("topology");
        root.setId("topology");
        canvas.setId("topology-canvas");
        canvasPane.setMinSize(0, 0);
        canvasPane.widthProperty().addListener((o, a, w) -> resized());
        canvasPane.heightProperty().addListener((o, a, h) -> resized());
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            pressViewport = viewport;
        });
        canvas.setOnMouseDragged(e -> {
            viewport = pressViewport.panned(e.getX() - pressX, e.getY() - pressY);
            redraw();
        });
        canvas.setOnMouseReleased(e -> {
            if (e.getButton() == MouseButton.PRIMARY && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
                click(e.getX(), e.getY());
            }
        });
        canvas.setOnScroll(e -> {
            viewport = viewport.zoomed(Math.exp(e.getDeltaY() / 400), e.getX(), e.getY());
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

    /** What the graph marks beyond the model: the nodes of sources that do not answer. */
    public TopologyViewModel viewModel() {
        return viewModel;
    }

    /** Inventory events, FX thread. Functions that appear or change get their policies read again. */
    public void apply(List<InventoryEvent> batch) {
        model.apply(batch);
        if (viewModel.apply(batch)) {
            changed();
        }
        for (InventoryEvent e : batch) {
            if (e instanceof InventoryEvent.SourceLoaded loaded) {
                loaded.functions().forEach(policies::request);
            } else if (e instanceof InventoryEvent.FunctionChanged changed) {
                policies.request(changed.function());
            }
        }
    }

    /** Starts polling observed traffic every {@code interval} (15 s by default); replaces an earlier source. FX thread. */
    public void setTelemetry(TelemetrySource source, Duration interval) {
        if (poller != null) {
            poller.close();
        }
        poller = new TelemetryPoller(source, interval,
                snapshot -> javafx.application.Platform.runLater(() -> {
                    staleMessage = null;
                    stale.setText("");
                    model.applyTelemetry(snapshot);
                }),
                message -> javafx.application.Platform.runLater(() -> {
                    staleMessage = message + " (since " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + ")";
                    stale.setText("Telemetry stale");
                    stale.setTooltip(new Tooltip(staleMessage));
                    redraw();
                }));
        poller.start();
    }

    /** Stops polling and background reads. */
    public void close() {
        if (poller != null) {
            poller.close();
        }
        policies.close();
        layoutWorker.shutdownNow();
        overview.close();
    }

    // ---- model and layout ---------------------------------------------------------------------------------

    private void modelChanged(TopologyChange change) {
        if (!laidOut || change.added().size() > BULK) {
            scheduleFullLayout();
        } else {
            layout.apply(change);
        }
        if (selectedNode != null && change.removed().contains(selectedNode)) {
            select(null);
        } else if (selectedNode != null && change.updated().contains(selectedNode)) {
            selected.set(model.functionOf(selectedNode));
        }
        refreshVisible();
        changed();
    }

    private void scheduleFullLayout() {
        if (layoutRunning) {
            return;
        }
        layoutRunning = true;
        TopologyLayout.Job job = layout.prepare();
        layoutWorker.execute(() -> {
            job.run();
            javafx.application.Platform.runLater(() -> {
                layout.install(job);
                layoutRunning = false;
                laidOut = true;
                if (fitPending) {
                    fit();
                }
                changed();
            });
        });
    }

    // ---- user actions -------------------------------------------------------------------------------------

    /** Shows the whole graph. */
    public void fit() {
        if (canvas.getWidth() <= 0 || layout.width() <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        // the legend keeps the bottom of the view: the graph fits above it
        double room = canvas.getHeight() - (GraphPainter.showsLegend(canvas.getWidth(), canvas.getHeight()) ? GraphPainter.LEGEND_HEIGHT : 0);
        viewport = Viewport.fitting(0, 0, layout.width(), layout.height(), canvas.getWidth(), room)
                .resized(canvas.getWidth(), canvas.getHeight());
        redraw();
    }

    /** Highlights the nodes matching {@code text} and brings the first into view; returns how many match. */
    public int search(String text) {
        highlighted = model.search(text);
        matches.setText(highlighted.isEmpty() ? (text == null || text.isBlank() ? "" : "no match") : highlighted.size() + " found");
        highlighted.stream().map(layout::position).filter(p -> p != null).findFirst().ifPresent(this::centreOn);
        changed();
        return highlighted.size();
    }

    public Set<String> highlighted() {
        return highlighted;
    }

    /** Selects a node as a click does; null clears. */
    public void select(String nodeId) {
        selectedNode = nodeId != null && model.node(nodeId) != null ? nodeId : null;
        selected.set(selectedNode == null ? null : model.functionOf(selectedNode));
        changed();
    }

    /**
     * Selects the node of this function (null clears), unless a node of it is selected already (one of its
     * versions); a function the graph does not draw leaves no node selected.
     */
    public void selectFunction(FunctionId id) {
        ServerlessFunction current = selected.get();
        if (id == null ? selectedNode == null : current != null && current.id().equals(id)) {
            return;
        }
        select(id == null ? null : TopologyModel.nodeId(id));
    }

    /** What the mouse does on the graph, for the shortcut sheet. */
    public static List<ShortcutSheet.Shortcut> shortcuts() {
        return List.of(new ShortcutSheet.Shortcut("Click", "Select a function; a box header folds or unfolds the box"),
                new ShortcutSheet.Shortcut("Drag", "Pan"),
                new ShortcutSheet.Shortcut("Wheel", "Zoom around the pointer"));
    }

    public String selectedNode() {
        return selectedNode;
    }

    /** Shows only the selected node and what is within {@code n} hops of it; false when nothing is selected. */
    public boolean focus(int n) {
        if (selectedNode == null) {
            return false;
        }
        focusNode = selectedNode;
        hops.getValueFactory().setValue(n);
        refreshVisible();
        changed();
        return true;
    }

    public void clearFocus() {
        focusNode = null;
        refreshVisible();
        changed();
    }

    public void setFilter(TopologyFilter value) {
        filter = value;
        refreshVisible();
        changed();
    }

    public TopologyFilter filter() {
        return filter;
    }

    /** The nodes drawn now (filters and focus applied). */
    public Set<String> visibleNodes() {
        return visible == null ? Set.copyOf(model.groups().values().stream().flatMap(Set::stream).toList()) : visible;
    }

    /** Where a node's centre is on the canvas now (for tests and tooltips); null when it is not laid out. */
    public javafx.geometry.Point2D screenPosition(String nodeId) {
        Point p = layout.anchor(nodeId);
        return p == null ? null : new javafx.geometry.Point2D(viewport.screenX(p.x()), viewport.screenY(p.y()));
    }

    public Canvas canvas() {
        return canvas;
    }

    private void refreshVisible() {
        Set<String> shown = filter.isAll() ? null : model.visible(filter);
        if (focusNode != null) {
            Set<String> around = model.neighbourhood(focusNode, hops.getValue());
            if (shown != null) {
                around.retainAll(shown);
            }
            shown = around;
        }
        visible = shown;
    }

    private void centreOn(Point p) {
        viewport = new Viewport(p.x() - viewport.width() / 2 / viewport.scale(), p.y() - viewport.height() / 2 / viewport.scale(),
                viewport.scale(), viewport.width(), viewport.height());
    }

    private void click(double x, double y) {
        double gx = viewport.graphX(x);
        double gy = viewport.graphY(y);
        for (TopologyNode n : model.nodes()) {
            Point p = layout.position(n.id());
            if (p != null && (visible == null || visible.contains(n.id()))
                    && gx >= p.x() && gx <= p.x() + TopologyLayout.NODE_WIDTH && gy >= p.y() && gy <= p.y() + TopologyLayout.NODE_HEIGHT) {
                select(n.id());
                return;
            }
        }
        Box header = null;
        for (Box b : layout.boxes()) {
            if (gx >= b.x() && gx <= b.x() + b.width() && gy >= b.y() && gy <= b.y() + TopologyLayout.HEADER) {
                header = b;
            }
        }
        if (header != null) {
            layout.setCollapsed(header.key(), !header.collapsed());
            changed();
        } else {
            select(null);
        }
    }

    // ---- drawing and export -------------------------------------------------------------------------------

    private void resized() {
        canvas.setWidth(canvasPane.getWidth());
        canvas.setHeight(canvasPane.getHeight());
        viewport = viewport.resized(canvas.getWidth(), canvas.getHeight());
        if (fitPending && laidOut) {
            fit();
        }
        redraw();
    }

    /** What is drawn changed (not only where the view is): the overview image is made again. */
    private void changed() {
        content++;
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
        if (!overview.draw(canvas.getGraphicsContext2D(), viewport, content, picture)) {
            GraphPainter.paintGraph(surface, viewport, picture);
        }
        GraphPainter.paintOverlay(surface, viewport, picture);
        return System.nanoTime() - start;
    }

    /** How long the last overview image took to make (FX-thread recording + background pixels), for the benchmark. */
    public long overviewRenderNanos() {
        return overview.lastRenderNanos();
    }

    /** Zooms around the canvas centre by {@code factor} and pans by a screen offset, as the mouse would. */
    public void zoomAndPan(double factor, double dx, double dy) {
        viewport = viewport.zoomed(factor, canvas.getWidth() / 2, canvas.getHeight() / 2).panned(dx, dy);
    }

    /** The zoom: 1 draws the graph at its own size. */
    public double scale() {
        return viewport.scale();
    }

    private GraphPainter.Picture picture() {
        return new GraphPainter.Picture(model, layout, visible, highlighted, selectedNode, staleMessage, palette,
                viewModel::staleMark);
    }

    /** Writes what the canvas shows as PNG. FX thread. */
    public void exportPng(Path file) throws IOException {
        drawNow();
        WritableImage image = canvas.snapshot(null, null);
        createParent(file);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("No PNG writer available to write " + file);
        }
    }

    /** Writes what the canvas shows as SVG, drawn by the same painter. FX thread. */
    public void exportSvg(Path file) throws IOException {
        SvgSurface svg = new SvgSurface(viewport.width(), viewport.height());
        GraphPainter.paint(svg, viewport, picture());
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
                Set<Platform> now = filter.platforms().isEmpty() ? EnumSet.noneOf(Platform.class) : EnumSet.copyOf(filter.platforms());
                if (on) {
                    now.add(p);
                } else {
                    now.remove(p);
                }
                setFilter(filter.withPlatforms(now));
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
        health.valueProperty().addListener((o, a, v) -> setFilter(filter.withHealth(v)));
        ToggleButton canaries = new ToggleButton("Canaries");
        canaries.setTooltip(new Tooltip("Only functions with a canary in progress"));
        canaries.selectedProperty().addListener((o, a, on) -> setFilter(filter.withCanaryOnly(on)));

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
            changed();
        });
        MenuButton export = new MenuButton("Export");
        MenuItem png = new MenuItem("PNG…");
        png.setOnAction(e -> exportWithChooser("png"));
        MenuItem svg = new MenuItem("SVG…");
        svg.setOnAction(e -> exportWithChooser("svg"));
        export.getItems().addAll(png, svg);
        stale.getStyleClass().add("topology-stale");
        stale.setId("topology-stale");

        // wraps onto a second row when the centre pane is narrow, rather than hiding controls
        FlowPane bar = new FlowPane(6, 4, search, matches, platforms, namespaces, health, canaries, depth, focus, all, fit, tidy,
                export, stale);
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
            item.setSelected(filter.namespaces().contains(ns));
            item.selectedProperty().addListener((o, a, on) -> {
                Set<String> now = new TreeSet<>(filter.namespaces());
                if (on) {
                    now.add(ns);
                } else {
                    now.remove(ns);
                }
                setFilter(filter.withNamespaces(now));
            });
            menu.getItems().add(item);
        }
    }

    private void exportWithChooser(String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the topology view");
        chooser.setInitialFileName("topology." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            if (extension.equals("png")) {
                exportPng(file.toPath());
            } else {
                exportSvg(file.toPath());
            }
        } catch (IOException e) {
            stale.setText("Export failed: " + e.getMessage());
        }
    }
}
