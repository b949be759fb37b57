package dev.meshdeck.views.canary;

import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.canary.CanaryActions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Canary tab: every run in one list, the selected one's timeline with its countdown and Pause / Resume /
 * Promote now / Abort. It reads the store every second off the FX thread; the state and rules live in
 * {@link CanaryRunsModel}. With a {@link CanaryActions}, the window's start offers each interrupted run for resuming
 * here or rolling back, and the tab's Resume and Abort do the same for an interrupted run.
 */
public final class CanaryPane {

    static final ButtonType RESUME_HERE = new ButtonType("Resume from the last verified step", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType ROLL_BACK = new ButtonType("Roll back", ButtonBar.ButtonData.OTHER);
    static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);

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
    private final Button rollBack = new Button("Roll back promotion");
    private final Button savePlan = new Button("Save plan for namespace");
    private final Label message = new Label();
    private final Label planSource = new Label();
    private ScheduledExecutorService reader;
    /** Takeovers: a resumed run is driven on one of these threads until it ends. */
    private final ExecutorService takeovers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "canary-actions");
        t.setDaemon(true);
        return t;
    });

    /** Requests only: interrupted runs are left to a terminal. */
    public CanaryPane(CanaryRunStore store, Clock clock) {
        this(store, null, clock);
    }

    /** @param actions what the window does with a run itself (take it over, save its plan), or null to leave that to a terminal */
    public CanaryPane(CanaryRunStore store, CanaryActions actions, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.model = new CanaryRunsModel(store, actions, takeovers, Platform::runLater);
        ListView<CanaryRun> list = new ListView<>(model.runs());
        list.setId("canary-runs");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CanaryRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : model.label(run));
                // as wide as the list, not as the text: a long candidate name wraps instead of being cut
                setPrefWidth(0);
                setWrapText(true);
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
        model.message().addListener(o -> refresh());
        pause.setOnAction(e -> model.pause());
        resume.setOnAction(e -> model.resume());
        promote.setOnAction(e -> model.promote());
        abort.setOnAction(e -> model.abort());
        rollBack.setOnAction(e -> confirmRollBack());
        rollBack.setId("canary-rollback");
        savePlan.setOnAction(e -> confirmSavePlan());
        savePlan.setId("canary-save-plan");
        savePlan.setTooltip(new Tooltip("Save this run's plan as its namespace's (ConfigMap " + NamespacePlan.CONFIG_MAP
                + "): canary start there takes it as its defaults"));
        message.setId("canary-message");
        planSource.setId("canary-plan-source");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
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
        // a narrow detail pane wraps the buttons to a second row rather than cutting their labels
        FlowPane buttons = new FlowPane(8, 8, pause, resume, promote, abort, rollBack, savePlan);
        buttons.getChildren().forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));
        VBox detail = new VBox(8, title, planSource, new HBox(12, countdown, hint), chart, buttons, message);
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

    /**
     * At the window's start: each run nobody drives is offered, one after the other, for resuming here from its last
     * verified step on fresh metrics, rolling back, or later. The store is read off the FX thread. FX thread.
     */
    public void offerInterrupted(Supplier<Window> owner) {
        takeovers.execute(() -> {
            List<CanaryRun> runs = store.runs();
            Platform.runLater(() -> {
                model.show(runs, clock.instant());
                offer(model.interrupted(), 0, owner);
            });
        });
    }

    /** Rolls a promotion back once confirmed: the candidate took all traffic, so this moves every request. */
    private void confirmRollBack() {
        CanaryRun run = model.selected().get();
        if (run == null || !model.canRollBackPromotion()) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle("Roll back promotion");
        ask.setHeaderText("Take " + run.functionLabel() + " back to its state before canary " + run.id() + "?");
        ask.setContentText("The traffic object's spec from before the first step is written back through the apply"
                + " pipeline (recorded in the History). A change someone made since is a conflict and is not overwritten.");
        ask.getDialogPane().setId("canary-rollback-dialog");
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.rollBackPromotion());
    }

    /** Shows the plan that would be saved and saves it when confirmed. */
    private void confirmSavePlan() {
        CanaryRun run = model.selected().get();
        if (run == null || !model.canSavePlan()) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle("Save canary plan");
        ask.setHeaderText("Save this plan as the canary plan of namespace " + run.namespace() + "?");
        ask.setContentText(NamespacePlan.yaml(run.plan()) + "\nWritten to ConfigMap " + run.namespace() + "/"
                + NamespacePlan.CONFIG_MAP + " through the apply pipeline (recorded in the History); `meshdeck canary"
                + " start` in the namespace takes it as its defaults.");
        ask.getDialogPane().setId("canary-save-plan-dialog");
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.savePlan());
    }

    private void offer(List<CanaryRun> pending, int index, Supplier<Window> owner) {
        if (index >= pending.size()) {
            return;
        }
        CanaryRun run = pending.get(index);
        Alert ask = new Alert(Alert.AlertType.WARNING, "", RESUME_HERE, ROLL_BACK, LATER);
        ask.setTitle("Interrupted canary run");
        ask.setHeaderText("Canary " + run.id() + " of " + run.functionLabel() + " was interrupted at " + run.weight()
                + "% (" + run.status().label() + ", step " + (run.step() + 1) + "/" + run.plan().steps().size() + ")");
        ask.setContentText("The process driving it is gone: it was killed, or the machine slept.\n\n"
                + "Resume watches " + run.candidate() + " at " + run.weight() + "% again on a fresh interval (figures from"
                + " before the interruption never count), and this window drives the run from then on.\n"
                + "Roll back writes the weights from before the run back, through the apply pipeline.\n"
                + "Later leaves it for the next start, or for `meshdeck canary resume|abort --function "
                + run.function() + "`.");
        ask.getDialogPane().setId("canary-interrupted-dialog");
        ask.getDialogPane().setMinWidth(620);
        // each button as wide as its own label: uniform sizing cut "Resume from the last verified step"
        ask.getDialogPane().getButtonTypes().forEach(type -> {
            Node button = ask.getDialogPane().lookupButton(type);
            ButtonBar.setButtonUniformSize(button, false);
            ((Region) button).setMinWidth(Region.USE_PREF_SIZE);
        });
        Window window = owner.get();
        if (window != null) {
            ask.initOwner(window);
        }
        ask.setOnHidden(e -> {
            if (ask.getResult() == RESUME_HERE) {
                model.resumeHere(run);
            } else if (ask.getResult() == ROLL_BACK) {
                model.rollBackHere(run);
            }
            offer(pending, index + 1, owner);
        });
        ask.show();
    }

    private void refresh() {
        CanaryRun run = model.selected().get();
        title.setText(run == null ? "Canary runs" : run.functionLabel() + ": " + run.candidate() + " against "
                + String.join(", ", run.stable()) + " (" + run.target().label() + ")");
        planSource.setText(run == null || run.planSource().isEmpty() ? "" : "plan: " + run.planSource());
        countdown.setText(model.countdown());
        hint.setText(model.hint());
        pause.setDisable(!model.canPause());
        resume.setDisable(!model.canResume());
        promote.setDisable(!model.canPromote());
        abort.setDisable(!model.canAbort());
        rollBack.setDisable(!model.canRollBackPromotion());
        savePlan.setDisable(!model.canSavePlan());
        draw();
    }

    private void draw() {
        TimelinePainter.paint(canvas, model.timeline().orElse(null));
    }
}
