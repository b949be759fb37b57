package dev.meshdeck.app.window;

import dev.meshdeck.app.cli.WindowCanaryActions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.app.wiring.StartupProgress;
import dev.meshdeck.app.wiring.UserMessages;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.connectors.canary.FileCanaryRunStore;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetryHealth;
import dev.meshdeck.core.topology.layout.LayoutWarmUp;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import dev.meshdeck.views.shell.StartupView;
import dev.meshdeck.views.shell.WindowPreferences;
import dev.meshdeck.connectors.history.UserDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application. JavaFX instantiates it itself, so {@link #launch} hands it its wiring statically. The
 * first frame (a startup screen with one line per step) is shown before anything is wired; the sources, clients and
 * the sandbox are then wired on a thread of their own, discovery starts as soon as they are, and the main window,
 * once built, takes the stage and what was listed meanwhile.
 */
public final class MeshDeckApp extends Application {

    /** How long discovery may take before a --screenshot is taken anyway. */
    private static final Duration DISCOVERY_WAIT = Duration.seconds(30);

    /** After discovery settled, for the panes to show what they read (a --select's details). */
    private static final Duration SETTLE = Duration.millis(800);

    /** How long a --screenshot of the topology may wait for the first telemetry poll after discovery. */
    private static final Duration TELEMETRY_WAIT = Duration.seconds(30);

    /**
     * What to do once the window is up: open on the topology graph, poll observed traffic every
     * {@code metricsInterval}, select a function, then save a screenshot and exit (each optional); with
     * a {@code trace} (null: none), record when the first frame was shown and when the estate was listed.
     */
    public record Startup(String select, Path screenshot, View view, java.time.Duration metricsInterval, StartupTrace trace) {

        boolean topology() {
            return view == View.TOPOLOGY;
        }
    }

    /** The centre tab the window opens on. */
    public enum View { FUNCTIONS, TOPOLOGY, PODS, LOGS, CONFIG, SCALE }

    /**
     * What the window shows: its sources, and their observed traffic (null: none) with the state of each telemetry
     * source, and the alert sources polled with it. Closed when the window is.
     */
    public record Wired(Sources sources, FunctionCatalog catalog, TelemetrySource telemetry, TelemetryHealth metricsHealth,
                        List<AlertSource> alerts) implements AutoCloseable {
        @Override
        public void close() {
            try {
                metricsHealth.close();
                if (telemetry != null) {
                    telemetry.close();
                }
            } finally {
                sources.close();
            }
        }
    }

    /** Wires the sources, telling the startup screen each step. Runs off the FX thread. */
    public interface Wiring {
        Wired wire(StartupProgress progress);
    }

    private static final String WINDOW_STEP = "Window (functions, topology, details)";

    private static Startup startup;
    private static StartupRelay relay;
    private static Wiring wiring;
    /** Completed by the wiring thread. */
    private static final CompletableFuture<Wired> WIRED = new CompletableFuture<>();
    /** The wired sources, or null when the window was closed before they were (they are closed then). */
    private static final CompletableFuture<Wired> WIRING_DONE = WIRED.thenApply(wired -> keep(wired) ? wired : null);
    private static Wired wired;
    private static boolean ended;
    private static final AtomicInteger EXIT_CODE = new AtomicInteger();

    public static int launch(Wiring how, Startup what) {
        startup = what;
        wiring = how;
        try {
            Application.launch(MeshDeckApp.class);
        } finally {
            end();
        }
        return EXIT_CODE.get();
    }

    /** Closes what was wired; wiring that finishes after the window closed is closed at once (see {@link #keep}). */
    private static synchronized void end() {
        ended = true;
        if (wired != null) {
            wired.close();
            trace(StartupTrace.CLOSED);
        }
    }

    private static synchronized boolean keep(Wired what) {
        if (ended) {
            what.close();
            return false;
        }
        wired = what;
        return true;
    }

    /** The window as it was last closed; read before the first frame so that frame has the right theme. */
    private static WindowPreferences saved = WindowPreferences.DEFAULT;

    private static Path preferencesFile() {
        return UserDirectories.current().config().resolve(WindowPreferences.FILE_NAME);
    }

    @Override
    public void start(Stage stage) {
        // a few bytes from the config directory: on the FX thread before the first frame, which shows its theme
        saved = WindowPreferences.read(preferencesFile(), problem -> System.err.println("meshdeck: " + problem));
        StartupView view = new StartupView("MeshDeck", saved.theme());
        Scene scene = new Scene(view.node(), MainWindow.WIDTH, MainWindow.HEIGHT);
        if (startup.trace() != null) {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    trace(StartupTrace.FIRST_FRAME);
                }
            });
        }
        stage.setTitle("MeshDeck");
        stage.setScene(scene);
        stage.show();
        relay = new StartupRelay(view.steps());
        // after the first frame: begun with the JVM, the wiring's class loading took the cores JavaFX's start needed
        // and the frame came a second and a half later, for no gain in the whole start
        Platform.runLater(MeshDeckApp::startWiring);
        WIRING_DONE.whenComplete((what, failure) -> {
            if (failure != null) {
                failed(failure instanceof CompletionException ? failure.getCause() : failure);
            } else if (what != null) {
                trace(StartupTrace.WIRED);
                relay.begin(WINDOW_STEP);
                // one frame with that step on screen before building the window keeps the FX thread busy
                Platform.runLater(() -> {
                    PauseTransition frame = new PauseTransition(Duration.millis(50));
                    frame.setOnFinished(e -> open(stage, what));
                    frame.play();
                });
            }
        });
    }

    private static void startWiring() {
        Thread thread = new Thread(() -> {
            try {
                WIRED.complete(wiring.wire(relay));
            } catch (RuntimeException e) {
                WIRED.completeExceptionally(e);
            }
        }, "meshdeck-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void failed(Throwable e) {
        String message = UserMessages.describe(e);
        System.err.println("meshdeck ui: " + message);
        EXIT_CODE.set(e instanceof IllegalArgumentException ? 2 : 1);
        relay.failed(message, () -> {
            if (startup.screenshot() != null) {
                Platform.exit();
            }
        });
    }

    private static void trace(String milestone) {
        if (startup.trace() != null) {
            startup.trace().reached(milestone);
        }
    }

    private static void open(Stage stage, Wired what) {
        Sources sources = what.sources();
        WindowOptions options = sources.isSandbox() ? WindowOptions.sandbox("MeshDeck — sandbox") : WindowOptions.of("MeshDeck");
        WindowChanges changes = new WindowChanges(sources);
        ProductionArming arming = new ProductionArming(System.getenv().getOrDefault("MESHDECK_PRODUCTION_PATTERN",
                ProductionGuard.DEFAULT_PATTERN), Clock.systemUTC());
        FileCanaryRunStore canaryRuns = new FileCanaryRunStore(sources.dataDirectory());
        MainWindow window = new MainWindow(what.catalog(), options).withChanges(changes, arming)
                .withCanaryRuns(canaryRuns, new WindowCanaryActions(sources, changes, arming, canaryRuns));
        if (what.telemetry() != null) {
            window.setTelemetry(what.telemetry(), startup.metricsInterval());
            window.setTelemetryHealth(what.metricsHealth());
        }
        window.setAlerts(what.alerts());
        window.setAwsTargets(sources.aws().menu());
        window.setWorkloads(sources.kube());
        window.setLogs(sources.kube());
        window.setConfig(sources.kube());
        sources.lambda().ifPresent(lambda -> window.setLambdaConfigs(lambda::configOf));
        window.setGateways(sources.kube());
        window.withPreferences(saved);
        // closed by the user, not by a --screenshot run (Platform.exit hides no stage): only a person's layout is kept
        stage.setOnHiding(e -> savePreferences(window.preferences()));
        window.show(stage);
        trace(StartupTrace.WINDOW);
        if (startup.topology()) {
            window.showTopology();
        } else if (startup.view() == View.PODS) {
            window.showWorkloads();
        } else if (startup.view() == View.LOGS) {
            window.showLogs();
        } else if (startup.view() == View.CONFIG) {
            window.showConfig();
        } else if (startup.view() == View.SCALE) {
            window.showScale();
        }
        if (startup.select() != null) {
            selectWhenListed(window, startup.select());
        }
        // every source has answered (or failed), up to a deadline
        long listedBy = deadline(DISCOVERY_WAIT);
        once(() -> !window.hasRows() && System.nanoTime() < listedBy, Duration.millis(50), () -> trace(StartupTrace.FIRST_ROWS));
        once(() -> window.discovering() && System.nanoTime() < listedBy, Duration.millis(100), () -> {
            trace(StartupTrace.LISTED);
            // not while the lists are read: on two cores it slowed them; a large estate's later layouts gain from it
            // (a screenshot run ends instead)
            if (startup.screenshot() == null) {
                LayoutWarmUp.startOnce();
            }
            if (startup.screenshot() != null) {
                // a selected function's details are read after it is listed; the table itself is drawn already
                PauseTransition settle = new PauseTransition(startup.select() == null ? Duration.ZERO : SETTLE);
                settle.setOnFinished(e -> {
                    // a screenshot of the graph shows observed traffic: the first poll has put figures on an edge
                    long polledBy = deadline(TELEMETRY_WAIT);
                    once(() -> startup.topology() && what.telemetry() != null && System.nanoTime() < polledBy
                            && window.topology().model().edges().stream().noneMatch(edge -> edge.observed() != null),
                            Duration.millis(200), () -> Platform.runLater(() -> screenshot(window)));
                });
                settle.play();
            }
        });
    }

    private static void savePreferences(WindowPreferences now) {
        Path file = preferencesFile();
        try {
            now.write(file);
        } catch (IOException | RuntimeException e) {
            System.err.println("meshdeck: cannot save the window's layout to " + file + ": " + UserMessages.describe(e));
        }
    }

    private static void screenshot(MainWindow window) {
        Path screenshot = startup.screenshot();
        try {
            window.snapshot(screenshot);
            trace(StartupTrace.SHOT);
            System.err.println("meshdeck: screenshot written to " + screenshot);
        } catch (Exception ex) {
            System.err.println("meshdeck: cannot write screenshot " + screenshot + ": " + UserMessages.describe(ex));
            EXIT_CODE.set(1);
        }
        Platform.exit();
    }

    private static long deadline(Duration from) {
        return System.nanoTime() + (long) from.toMillis() * 1_000_000;
    }

    /** Runs {@code then} once {@code waiting} is false, checking every {@code every} (FX thread). */
    private static void once(BooleanSupplier waiting, Duration every, Runnable then) {
        if (!waiting.getAsBoolean()) {
            then.run();
            return;
        }
        PauseTransition next = new PauseTransition(every);
        next.setOnFinished(e -> once(waiting, every, then));
        next.play();
    }

    /** Discovery is asynchronous: try again every 200 ms until the function is listed. */
    private static void selectWhenListed(MainWindow window, String name) {
        if (!window.select(name)) {
            PauseTransition retry = new PauseTransition(Duration.millis(200));
            retry.setOnFinished(e -> selectWhenListed(window, name));
            retry.play();
        }
    }
}
