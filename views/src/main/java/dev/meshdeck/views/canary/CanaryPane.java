package dev.meshdeck.views.canary;

import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Canary tab: every run in one list, the selected one's timeline with its countdown and Pause / Resume /
 * Promote now / Abort. It reads the store every second off the FX thread; the state and rules live in
 * {@link CanaryRunsModel}.
 */
public final class CanaryPane {

    private final CanaryRunsModel model;
    private final CanaryRunStore store;
    private final Clock clock;
    private final SplitPane root;
    private final Label title = new Label();
    private final Label countdown = new Label();
    private final Label hint = new Label();
    private final Canvas canvas = new Canvas();
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button promote = new Button("Promote now");
    private final Button abort = new Button("Abort");
    private ScheduledExecutorService reader;

    public CanaryPane(CanaryRunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.model = new CanaryRunsModel(store);
        ListView<CanaryRun> list = new ListView<>(model.runs());
        list.setId("canary-runs");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CanaryRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : model.label(run));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.selected().set(is);
            }
        });
        model.selected().addListener((o, was, is) -> {
            if (is != null && list.getSelectionModel().getSelectedItem() != is) {
                list.getSelectionModel().select(is);
            }
            refresh();
        });
        model.now().addListener(o -> refresh());
        pause.setOnAction(e -> model.pause());
        resume.setOnAction(e -> model.resume());
        promote.setOnAction(e -> model.promote());
        abort.setOnAction(e -> model.abort());
        pause.setId("canary-pause");
        resume.setId("canary-resume");
        promote.setId("canary-promote");
        abort.setId("canary-abort");
        title.getStyleClass().add("canary-title");
        hint.setWrapText(true);
        countdown.setId("canary-countdown");
        Pane chart = new Pane(canvas);
        canvas.widthProperty().bind(chart.widthProperty());
        canvas.heightProperty().bind(chart.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox detail = new VBox(8, title, new HBox(12, countdown, hint), chart, new HBox(8, pause, resume, promote, abort));
        detail.setPadding(new Insets(10));
        root = new SplitPane(list, detail);
        root.setDividerPositions(0.38);
        root.setId("canary-pane");
        refresh();
    }

    public Node node() {
        return root;
    }

    public CanaryRunsModel model() {
        return model;
    }

    /** Starts reading the store every second; {@link #stop} ends it. */
    public void start() {
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "canary-runs");
            t.setDaemon(true);
            return t;
        });
        reader.scheduleWithFixedDelay(() -> {
            List<CanaryRun> runs = store.runs();
            Platform.runLater(() -> model.show(runs, clock.instant()));
        }, 0, 1, TimeUnit.SECONDS);
    }

    public void stop() {
        if (reader != null) {
            reader.shutdownNow();
        }
    }

    private void refresh() {
        CanaryRun run = model.selected().get();
        title.setText(run == null ? "Canary runs" : run.functionLabel() + ": " + run.candidate() + " against "
                + String.join(", ", run.stable()) + " (" + run.target().label() + ")");
        countdown.setText(model.countdown());
        hint.setText(model.hint());
        pause.setDisable(!model.canPause());
        resume.setDisable(!model.canResume());
        promote.setDisable(!model.canPromote());
        abort.setDisable(!model.canAbort());
        draw();
    }

    private void draw() {
        TimelinePainter.paint(canvas, model.timeline().orElse(null));
    }
}
