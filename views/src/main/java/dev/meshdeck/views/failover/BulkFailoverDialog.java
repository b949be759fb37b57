package dev.meshdeck.views.failover;

import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.failover.BulkFailover;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Fails the listed functions over to each one's configured backup: a confirm with the count and the rule, then
 * progress (done/total) while {@link BulkFailover} writes one change set per function in parallel off the FX
 * thread, then a line per function and the summary. Functions of several contexts are written context by context.
 */
public final class BulkFailoverDialog {

    private static final int PARALLELISM = 8;

    private final ApplyTargets targets;
    private final ProductionArming arming;
    private final Function<FunctionId, List<MeshResource>> resourcesOf;
    private final Executor background;
    private final List<ServerlessFunction> functions;
    private final Stage stage = new Stage();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final ListView<String> results = new ListView<>();
    private final Label summary = new Label();
    private final Button start = new Button("Fail over");
    private final Button close = new Button("Cancel");
    private final TextField reason = new TextField();

    public BulkFailoverDialog(Window owner, List<String> stylesheets, ApplyTargets targets, ProductionArming arming,
                              Function<FunctionId, List<MeshResource>> resourcesOf, Executor background,
                              List<ServerlessFunction> functions) {
        this.targets = targets;
        this.arming = arming;
        this.resourcesOf = resourcesOf;
        this.background = background;
        this.functions = List.copyOf(functions);
        Label ask = new Label("Fail over " + functions.size() + (functions.size() == 1 ? " function" : " functions")
                + " to each one's configured backup (" + FailoverTargets.ANNOTATION + ")?");
        ask.setId("bulk-question");
        ask.setWrapText(true);
        Label rule = new Label("One change set per function, " + PARALLELISM + " at a time, each recorded in the history"
                + " and failed back on its own. Functions without a configured backup are skipped.");
        rule.setWrapText(true);
        rule.getStyleClass().add("text-muted");
        reason.setId("bulk-reason");
        reason.setPromptText("Why (kept in the history of each function)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        progress.setId("bulk-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("bulk-status");
        results.setId("bulk-results");
        results.getItems().setAll(this.functions.stream().map(f -> LiveFunction.subjectOf(f)).toList());
        VBox.setVgrow(results, Priority.ALWAYS);
        summary.setId("bulk-summary");
        summary.getStyleClass().add("bulk-summary");
        start.setId("bulk-start");
        start.setDefaultButton(true);
        start.getStyleClass().add("danger");
        close.setId("bulk-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        start.setOnAction(e -> run());
        Optional<String> refused = refusal();
        refused.ifPresent(r -> {
            start.setDisable(true);
            status.setText(r);
        });
        start.setDisable(refused.isPresent() || functions.isEmpty());
        VBox root = new VBox(10, ask, rule, new HBox(8, new Label("Reason"), reason), progress, status, results, summary,
                new HBox(8, start, close));
        root.setId("bulk-failover-dialog");
        root.getStyleClass().add("bulk-failover");
        Scene scene = new Scene(root, 760, 520);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle("MeshDeck — Fail over " + functions.size() + " functions");
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private Optional<String> refusal() {
        return functions.stream().map(f -> f.id().source()).distinct().map(arming::refusal).flatMap(Optional::stream)
                .findFirst();
    }

    private void run() {
        start.setDisable(true);
        reason.setDisable(true);
        close.setText("Close");
        String why = reason.getText().trim();
        Map<SourceRef, List<ServerlessFunction>> bySource = functions.stream()
                .collect(Collectors.groupingBy(f -> f.id().source(), LinkedHashMap::new, Collectors.toList()));
        int total = functions.size();
        AtomicInteger done = new AtomicInteger();
        status.setText("reading the functions' objects…");
        background.execute(() -> {
            List<BulkFailover.Result> all = new ArrayList<>();
            for (Map.Entry<SourceRef, List<ServerlessFunction>> group : bySource.entrySet()) {
                all.addAll(runGroup(group.getKey(), group.getValue(), why, total, done));
            }
            BulkFailover.Outcome outcome = new BulkFailover.Outcome(all);
            Platform.runLater(() -> {
                progress.setProgress(1);
                status.setText(total + " / " + total + " done");
                results.getItems().setAll(outcome.results().stream().map(BulkFailover.Result::line).toList());
                summary.setText(outcome.summary());
            });
        });
    }

    private List<BulkFailover.Result> runGroup(SourceRef source, List<ServerlessFunction> group, String why, int total,
                                               AtomicInteger done) {
        List<BulkFailover.Result> unreadable = new ArrayList<>();
        List<LiveFunction> lives = new ArrayList<>();
        for (ServerlessFunction f : group) {
            try {
                lives.add(LiveFunction.of(f, resourcesOf.apply(f.id())));
            } catch (dev.meshdeck.core.yaml.YamlProblem | RuntimeException e) {
                unreadable.add(new BulkFailover.Result(LiveFunction.subjectOf(f), null, null,
                        "cannot read its objects: " + IncidentControls.describe(e)));
                tick(done.incrementAndGet(), total);
            }
        }
        List<BulkFailover.Result> results = new ArrayList<>(unreadable);
        try (ApplyTargets.Connection c = targets.connect(Set.of(source), arming.guard())) {
            Platform.runLater(() -> status.setText("failing over…"));
            results.addAll(new BulkFailover(c.pipeline(), PARALLELISM).run(lives, FailoverTargets::backupOf,
                    why.isEmpty() ? null : why, false, p -> tick(done.incrementAndGet(), total)).results());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lives.forEach(l -> results.add(new BulkFailover.Result(l.subject(), null, null, "interrupted")));
        } catch (RuntimeException e) {
            lives.forEach(l -> results.add(new BulkFailover.Result(l.subject(), null, null,
                    "cannot connect to " + source.label() + ": " + IncidentControls.describe(e))));
        }
        return results;
    }

    private void tick(int done, int total) {
        Platform.runLater(() -> {
            progress.setProgress((double) done / total);
            status.setText(done + " / " + total + " done");
        });
    }
}
