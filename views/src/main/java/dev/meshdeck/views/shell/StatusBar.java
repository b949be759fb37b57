package dev.meshdeck.views.shell;

import dev.meshdeck.core.telemetry.MetricsStatus;
import dev.meshdeck.core.telemetry.TelemetryHealth;
import javafx.application.Platform;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.views.common.Icons;
import dev.meshdeck.views.inventory.InventoryModel;
import dev.meshdeck.views.inventory.SourceSummary;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.time.ZoneId;
import java.util.List;

/**
 * The bottom bar: one entry per source (connecting, connected with its function count, failed with the
 * reason) and a button listing problems not tied to a source. Each source stands alone: a failed one
 * is shown in red while the others carry on.
 */
public final class StatusBar {

    private final InventoryModel model;
    private final HBox sources = new HBox(16);
    private final Button problems = new Button();
    private final HBox bar;
    private List<SourceSummary> shown = List.of();

    public StatusBar(InventoryModel model) {
        this.model = model;
        sources.getStyleClass().add("source-statuses");
        problems.setId("problems-button");
        problems.getStyleClass().addAll("problems-button", Styles.FLAT, Styles.WARNING, Styles.SMALL);
        problems.setGraphic(Icons.of(MaterialDesignA.ALERT, "problems-icon"));
        problems.setOnAction(e -> showProblems());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(sources, Priority.SOMETIMES);
        bar = new HBox(12, sources, spacer, problems);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");

        model.revisionProperty().addListener(o -> refreshSources());
        model.problems().addListener((ListChangeListener<String>) c -> refreshProblems());
        refreshSources();
        refreshProblems();
    }

    public Node node() {
        return bar;
    }

    /**
     * Adds one entry per telemetry source (Prometheus, CloudWatch in a region) after the function sources: its state
     * and, while it is stale or failed, since when, why and as of when the graph's figures are. FX thread.
     */
    public void showMetrics(TelemetryHealth health) {
        HBox metrics = new HBox(16);
        metrics.setId("metrics-statuses");
        bar.getChildren().add(1, metrics);
        Runnable refresh = () -> metrics.getChildren().setAll(health.statuses().stream().map(StatusBar::entry).toList());
        health.addListener(status -> Platform.runLater(refresh));
        refresh.run();
    }

    private static Label entry(MetricsStatus status) {
        Label entry = new Label(status.line(ZoneId.systemDefault()), Icons.state(status.state()));
        entry.getStyleClass().addAll("source-status", "metrics-status", Icons.styleClass(status.state()));
        entry.setTooltip(new Tooltip(entry.getText()));
        return entry;
    }

    private void refreshSources() {
        List<SourceSummary> summaries = model.sourceSummaries();
        if (!summaries.equals(shown)) {
            shown = summaries;
            sources.getChildren().setAll(summaries.stream().map(StatusBar::entry).toList());
        }
    }

    private static Label entry(SourceSummary summary) {
        SourceStatus status = summary.status();
        String label = summary.source().label();
        Label entry = new Label();
        entry.getStyleClass().addAll("source-status", Icons.styleClass(status.state()));
        entry.setUserData(summary.source());
        switch (status.state()) {
            case CONNECTING:
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.getStyleClass().add("source-spinner");
                entry.setGraphic(spinner);
                entry.setText(label + " · connecting…");
                break;
            case CONNECTED:
                entry.setGraphic(Icons.state(status.state()));
                entry.setText(label + " · " + summary.total() + (summary.total() == 1 ? " function" : " functions"));
                break;
            default:
                entry.setGraphic(Icons.state(status.state()));
                String age = status.state().answering() ? "" : status.asOf(ZoneId.systemDefault()).map(a -> " (data " + a + ")").orElse("");
                entry.setText(label + " · " + Icons.styleClass(status.state()) + ": " + status.message() + age);
                break;
        }
        entry.setTooltip(new Tooltip(label + " (" + status.state() + ")\n" + status.message()));
        return entry;
    }

    private void refreshProblems() {
        int count = model.problems().size();
        problems.setText(count == 1 ? "1 problem" : count + " problems");
        problems.setVisible(count > 0);
        problems.setManaged(count > 0);
    }

    private void showProblems() {
        VBox list = new VBox(8);
        list.getStyleClass().add("problems-list");
        for (String problem : model.problems()) {
            Label line = new Label(problem, Icons.of(MaterialDesignA.ALERT_OUTLINE, "problems-icon"));
            line.setWrapText(true);
            line.setMaxWidth(480);
            list.getChildren().add(line);
        }
        Popover popover = new Popover(list);
        popover.setTitle("Problems");
        popover.setHeaderAlwaysVisible(true);
        popover.setArrowLocation(Popover.ArrowLocation.BOTTOM_RIGHT);
        popover.show(problems);
    }
}
