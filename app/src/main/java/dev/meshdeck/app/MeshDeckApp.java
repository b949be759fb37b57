package dev.meshdeck.app;

import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import java.nio.file.Path;
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

    private static Sources sources;
    private static Path screenshot;
    private static final AtomicInteger EXIT_CODE = new AtomicInteger();

    static int launch(Sources resolved, Path screenshotFile) {
        sources = resolved;
        screenshot = screenshotFile;
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
        MainWindow window = new MainWindow(sources.catalog(), options);
        window.show(stage);
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
}
