package dev.meshdeck.views.shell;

import atlantafx.base.theme.Styles;
import dev.meshdeck.views.common.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The window's first frame, on screen before the sources are wired: the title and one line per startup step
 * with a spinner, a tick or the error. The main window replaces it once the sources are ready; each source's
 * own progress then shows in the source tree and the status bar as the estate streams in.
 */
public final class StartupView {

    private final StartupSteps steps = new StartupSteps();
    private final GridPane lines = new GridPane();
    private final VBox root;

    /** @param theme the theme the main window opens with, so the first frame does not flash another one */
    public StartupView(String title, Theme theme) {
        theme.apply();
        Label heading = new Label(title, Icons.of(MaterialDesignH.HEXAGON_MULTIPLE, "app-logo"));
        heading.getStyleClass().add(Styles.TITLE_2);
        Label starting = new Label("Starting…");
        starting.getStyleClass().add(Styles.TEXT_MUTED);
        lines.setHgap(10);
        lines.setVgap(8);
        lines.setId("startup-steps");
        root = new VBox(16, heading, starting, lines);
        root.setAlignment(Pos.CENTER);
        lines.setAlignment(Pos.CENTER);
        root.setId("startup-view");
        steps.steps().addListener((ListChangeListener<StartupSteps.Step>) change -> redraw());
    }

    public Parent node() {
        return root;
    }

    /** The steps shown; report to them on the FX thread. */
    public StartupSteps steps() {
        return steps;
    }

    private void redraw() {
        lines.getChildren().clear();
        int row = 0;
        for (StartupSteps.Step step : steps.steps()) {
            Label name = new Label(step.name());
            Label detail = new Label(step.detail());
            detail.setWrapText(true);
            detail.setMaxWidth(640);
            detail.getStyleClass().add(step.state() == StartupSteps.State.FAILED ? Styles.DANGER : Styles.TEXT_MUTED);
            lines.addRow(row++, marker(step.state()), name, detail);
        }
    }

    private static Node marker(StartupSteps.State state) {
        return switch (state) {
            case RUNNING -> {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setPrefSize(16, 16);
                yield spinner;
            }
            case DONE -> Icons.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE, "startup-done");
            case FAILED -> Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE, "startup-failed");
        };
    }
}
