package dev.meshdeck.app;

import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.ProductionGuard;
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

    /** What to do once the window is up: select a function, then save a screenshot and exit (each optional). */
    record Startup(String select, Path screenshot) {
    }

    private static Sources sources;
    private static Startup startup;
    private static final AtomicInteger EXIT_CODE = new AtomicInteger();

    static int launch(Sources resolved, Startup what) {
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
        window.show(stage);
        if (startup.select() != null) {
            selectWhenListed(window, startup.select());
        }
        Path screenshot = startup.screenshot();
        if (screenshot != null) {
            PauseTransition settle = new PauseTransition(SCREENSHOT_DELAY);
            settle.setOnFinished(e -> {
                try {
                    window.snapshot(screenshot);
                    System.err.println("meshdeck: screenshot written to " + screenshot);
                } catch (Exception ex) {
                    System.err.println("meshdeck: cannot write screenshot " + screenshot + ": " + UserMessages.describe(ex));
                    EXIT_CODE.set(1);
                }
                Platform.exit();
            });
            settle.play();
        }
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
