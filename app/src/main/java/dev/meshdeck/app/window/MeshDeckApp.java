package dev.meshdeck.app.window;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.app.wiring.UserMessages;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application. JavaFX instantiates it itself, so {@link #launch} hands it its sources statically. */
public final class MeshDeckApp extends Application {

    /** How long discovery may take before a --screenshot is taken anyway. */
    private static final Duration SCREENSHOT_DELAY = Duration.seconds(6);

    /** How long a --screenshot of the topology may wait for the first telemetry poll after the settle delay. */
    private static final Duration TELEMETRY_WAIT = Duration.seconds(30);

    /**
     * What to do once the window is up: open on the topology graph, feed it observed traffic (null: none) every
     * {@code metricsInterval}, select a function, then save a screenshot and exit (each optional).
     */
    public record Startup(String select, Path screenshot, boolean topology, TelemetrySource telemetry, java.time.Duration metricsInterval) {
    }

    private static Sources sources;
    private static Startup startup;
    private static final AtomicInteger EXIT_CODE = new AtomicInteger();

    public static int launch(Sources resolved, Startup what) {
        sources = resolved;
        startup = what;
        try {
            Application.launch(MeshDeckApp.class);
        } finally {
            resolved.close();
        }
        return EXIT_CODE.get();
    }

    @Override
    public void start(Stage stage) {
        WindowOptions options = sources.isSandbox() ? WindowOptions.sandbox("MeshDeck — sandbox") : WindowOptions.of("MeshDeck");
        MainWindow window = new MainWindow(sources.catalog(), options).withChanges(new WindowChanges(sources),
                new ProductionArming(System.getenv().getOrDefault("MESHDECK_PRODUCTION_PATTERN",
                        ProductionGuard.DEFAULT_PATTERN), Clock.systemUTC()));
        if (startup.telemetry() != null) {
            window.setTelemetry(startup.telemetry(), startup.metricsInterval());
        }
        window.setAwsTargets(sources.aws().menu());
        window.show(stage);
        if (startup.topology()) {
            window.showTopology();
        }
        if (startup.select() != null) {
            selectWhenListed(window, startup.select());
        }
        Path screenshot = startup.screenshot();
        if (screenshot != null) {
            PauseTransition settle = new PauseTransition(SCREENSHOT_DELAY);
            settle.setOnFinished(e -> whenTrafficShown(window, System.nanoTime() + (long) TELEMETRY_WAIT.toMillis() * 1_000_000, () -> {
                try {
                    window.snapshot(screenshot);
                    System.err.println("meshdeck: screenshot written to " + screenshot);
                } catch (Exception ex) {
                    System.err.println("meshdeck: cannot write screenshot " + screenshot + ": " + UserMessages.describe(ex));
                    EXIT_CODE.set(1);
                }
                Platform.exit();
            }));
            settle.play();
        }
    }

    /**
     * A screenshot of the graph shows observed traffic: with a telemetry source, waits (up to a deadline) until
     * the first poll has put figures on an edge, then one more pulse for the canvas to draw them.
     */
    private static void whenTrafficShown(MainWindow window, long deadlineNanos, Runnable then) {
        boolean waiting = startup.topology() && startup.telemetry() != null && System.nanoTime() < deadlineNanos
                && window.topology().model().edges().stream().noneMatch(e -> e.observed() != null);
        PauseTransition next = new PauseTransition(Duration.millis(waiting ? 200 : 100));
        next.setOnFinished(e -> {
            if (waiting) {
                whenTrafficShown(window, deadlineNanos, then);
            } else {
                then.run();
            }
        });
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
