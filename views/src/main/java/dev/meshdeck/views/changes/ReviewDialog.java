package dev.meshdeck.views.changes;

import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ChangeReview;
import dev.meshdeck.core.changes.ChangeReview.Stage;
import dev.meshdeck.core.changes.ConflictedResource;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.views.editing.DiffView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The confirm dialog of a change set, bound to a {@link ChangeReview}: the plan's progress (validate, conflicts,
 * dry run), the diff of every object, findings and refusals, an optional reason, Confirm / Cancel; then the
 * apply's progress and its outcome: applied and verified, rolled back (with each object's restore step), a
 * conflict (base / live / mine, with Rebase when both sides touched different fields) or rejected. Each
 * finding is clickable: the editor shows the field it points at. A change set refused for validation errors can
 * be forced in an emergency: the person types the object's name (or "force") and a reason, and it is planned
 * again overriding them. All work runs on the review's executor; this dialog only renders states on the FX thread.
 */
final class ReviewDialog {

    private final javafx.stage.Stage stage = new javafx.stage.Stage();
    private final Label headline = new Label();
    private final Label stageText = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label step = new Label();
    private final ChangeSetView changes = new ChangeSetView("review", "live", "candidate");
    private final ListView<FindingLine> findings = new ListView<>();
    private final VBox conflicts = new VBox(12);
    private final Tab diffTab = new Tab("Diff", changes.node());
    private final Tab findingsTab = new Tab("Findings", findings);
    private final Tab conflictTab = new Tab("Conflict", new ScrollPane(conflicts));
    private final TabPane tabs = new TabPane(diffTab, findingsTab);
    private final Label outcomeHeadline = new Label();
    private final TextArea outcomeDetail = new TextArea();
    private final VBox outcome = new VBox(6, outcomeHeadline, outcomeDetail);
    private final TextField reason = new TextField();
    private final Button rebase = new Button("Rebase on live");
    private final Button cancel = new Button("Cancel");
    private final Button confirm = new Button("Confirm");
    private final TextField forceWord = new TextField();
    private final Button force = new Button("Force");
    private final HBox forcing = new HBox(8);
    private final Consumer<Finding> onFinding;
    private final BiConsumer<ChangeReview, ApplyOutcome> onDone;
    private ChangeReview review;
    private final List<Runnable> onClosed = new ArrayList<>();
    private boolean toldDone;

    /**
     * @param onDone told once on the FX thread when a review ends in DONE (whatever the outcome)
     */
    /** One line of the findings list: a finding (clickable) or a refusal's words. */
    private record FindingLine(String text, Finding finding) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * @param onFinding told on the FX thread when the person clicks a finding
     * @param onDone    told once on the FX thread when a review ends in DONE (whatever the outcome)
     */
    ReviewDialog(Window owner, String title, List<String> stylesheets, Consumer<Finding> onFinding,
                 BiConsumer<ChangeReview, ApplyOutcome> onDone) {
        this.onDone = onDone;
        this.onFinding = onFinding;
        headline.setId("review-headline");
        headline.getStyleClass().add("review-headline");
        headline.setText(title);
        headline.setWrapText(true);
        stageText.setId("review-stage");
        stageText.setWrapText(true);
        progress.setId("review-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        step.setId("review-step");
        step.getStyleClass().add("review-step");
        findings.setId("review-findings");
        findings.setPlaceholder(new Label("No findings: the validator has nothing to say"));
        findings.setCellFactory(list -> wrapping(list));
        findings.setOnMouseClicked(e -> {
            FindingLine line = findings.getSelectionModel().getSelectedItem();
            if (line != null && line.finding() != null) {
                onFinding.accept(line.finding());
            }
        });
        forceWord.setId("review-force-word");
        forceWord.setPromptText("the object's name, or force");
        forceWord.textProperty().addListener((o, was, now) -> updateForce());
        reason.textProperty().addListener((o, was, now) -> updateForce());
        force.setId("review-force");
        force.getStyleClass().add("danger");
        force.setDisable(true);
        force.setOnAction(e -> force());
        forcing.setId("review-forcing");
        forcing.setAlignment(Pos.CENTER_LEFT);
        forcing.managedProperty().bind(forcing.visibleProperty());
        forcing.setVisible(false);
        conflicts.setId("review-conflict");
        conflicts.getStyleClass().add("review-conflict");
        diffTab.setId("review-diff-tab");
        findingsTab.setId("review-findings-tab");
        conflictTab.setId("review-conflict-tab");
        ((ScrollPane) conflictTab.getContent()).setFitToWidth(true);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        outcomeHeadline.setId("review-outcome");
        outcomeHeadline.getStyleClass().add("review-outcome");
        outcomeHeadline.setWrapText(true);
        outcomeDetail.setId("review-outcome-detail");
        outcomeDetail.getStyleClass().add("review-outcome-detail");
        outcomeDetail.setEditable(false);
        outcomeDetail.setWrapText(true);
        outcomeDetail.setPrefRowCount(5);
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.setVisible(false);
        reason.setId("review-reason");
        reason.setPromptText("Why (optional, kept in the history)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        rebase.setId("review-rebase");
        rebase.managedProperty().bind(rebase.visibleProperty());
        rebase.setVisible(false);
        rebase.setOnAction(e -> rebase());
        cancel.setId("review-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        confirm.setId("review-confirm");
        confirm.setDefaultButton(true);
        confirm.getStyleClass().add("accent");
        confirm.setDisable(true);
        confirm.setOnAction(e -> confirm());
        for (Button b : List.of(rebase, cancel, confirm)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        VBox top = new VBox(6, headline, stageText, progress, step);
        top.getStyleClass().add("review-top");
        HBox buttons = new HBox(8, new Label("Reason"), reason, rebase, cancel, confirm);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label forceText = new Label("Emergency only: to write despite the errors, type");
        forceText.setWrapText(true);
        forcing.getChildren().setAll(forceText, forceWord, new Label("and a reason, then"), force);
        VBox bottom = new VBox(8, outcome, forcing, buttons);
        bottom.getStyleClass().add("review-bottom");
        BorderPane root = new BorderPane(tabs, top, null, bottom, null);
        root.setId("review-dialog");
        root.getStyleClass().add("review-dialog");

        Scene scene = new Scene(root, 980, 660);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnCloseRequest(e -> {
            if (review != null && review.state().stage() == Stage.APPLYING) {
                e.consume(); // writes are under way: the outcome must be seen
            }
        });
        stage.setOnHidden(e -> onClosed.forEach(Runnable::run));
        working("Connecting…");
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** Runs once the dialog is closed (to close the pipeline's clients, offer the next recovery). FX thread. */
    void addOnClosed(Runnable action) {
        onClosed.add(action);
    }

    javafx.stage.Stage stage() {
        return stage;
    }

    /** Plans {@code next} and shows its states from now on. FX thread. */
    void bind(ChangeReview next) {
        review = next;
        toldDone = false;
        next.addListener(state -> Platform.runLater(() -> {
            if (review == next) {
                render(next, state);
            }
        }));
        headline.setText(headline(next));
        stage.setTitle(headline.getText());
        changes.show(next.changes());
        reason.setText(next.request().reason());
        render(next, next.state());
        next.plan();
    }

    /** Nothing could be planned (no connection, nothing to undo): says why. FX thread. */
    void failed(String why) {
        progress.setVisible(false);
        stageText.setText("Nothing was written.");
        showOutcome("Could not start", why, "outcome-rejected");
        confirm.setDisable(true);
        cancel.setText("Close");
    }

    private static String headline(ChangeReview review) {
        int n = review.changes().size();
        String what = switch (review.request().action()) {
            case ROLLBACK -> "Roll back";
            case RECOVERY -> "Recover";
            case FAILOVER -> "Fail over";
            case FAILBACK -> "Fail back";
            default -> "Apply";
        };
        return what + " " + n + (n == 1 ? " change" : " changes") + " to " + review.target().label()
                + (review.request().forced() ? " (forced)" : "");
    }

    private void working(String text) {
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        stageText.setText(text);
    }

    private void render(ChangeReview of, ChangeReview.State state) {
        List<ApplyProgress.Step> steps = state.steps();
        ApplyProgress.Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        step.setText(last == null ? "" : last.toString());
        confirm.setDisable(state.stage() != Stage.CONFIRM);
        cancel.setDisable(state.stage() == Stage.APPLYING);
        reason.setDisable(state.stage() != Stage.CONFIRM && state.stage() != Stage.PLANNING
                && !(state.stage() == Stage.REFUSED && of.forcible()));
        forcing.setVisible(state.stage() == Stage.REFUSED && of.forcible());
        if (state.plan() != null) {
            showFindings(state.plan().findings(), state.outcome());
        }
        switch (state.stage()) {
            case PLANNING -> working("Checking: validate → compare with the live objects → the server's dry run. Nothing is written yet.");
            case CONFIRM -> {
                progress.setVisible(false);
                stageText.setText(of.request().forced()
                        ? "Forced: the validation errors listed are overridden and will be recorded with the reason."
                        + " Unchanged since loaded, and the server's dry run accepts it. Confirm to write."
                        : "Ready: valid, unchanged since loaded, and the server's dry run accepts it."
                        + " Review the diff, then confirm to write.");
            }
            case REFUSED -> {
                progress.setVisible(false);
                stageText.setText("Cannot be applied as it is. Nothing was written.");
                showEnd(of, state.outcome());
            }
            case APPLYING -> {
                progress.setVisible(true);
                progress.setProgress(last != null && last.index() >= 0 && last.total() > 0
                        ? (last.index() + 1.0) / last.total() : ProgressBar.INDETERMINATE_PROGRESS);
                stageText.setText("Writing: each object with its version as precondition, then read back and verified…");
            }
            case DONE -> {
                progress.setVisible(false);
                stageText.setText("Done.");
                showEnd(of, state.outcome());
                if (!toldDone) {
                    toldDone = true;
                    onDone.accept(of, state.outcome());
                }
            }
        }
    }

    private void showFindings(List<Finding> planFindings, ApplyOutcome refusal) {
        List<FindingLine> lines = new ArrayList<>();
        planFindings.forEach(f -> lines.add(new FindingLine(f.toCompilerLine(), f)));
        if (refusal instanceof ApplyOutcome.Rejected rejected) {
            rejected.refusals().forEach(r -> lines.add(new FindingLine(r, null)));
        }
        findings.getItems().setAll(lines);
        findingsTab.setText(lines.isEmpty() ? "Findings" : "Findings (" + lines.size() + ")");
    }

    private void showEnd(ChangeReview of, ApplyOutcome end) {
        cancel.setText("Close");
        rebase.setVisible(false);
        if (end instanceof ApplyOutcome.Applied applied) {
            showOutcome("Applied and verified: the cluster holds every change", applied.summary(), "outcome-applied");
        } else if (end instanceof ApplyOutcome.RolledBack rolledBack) {
            showOutcome(rolledBack.restoredAll() ? "Rolled back: a write failed and nothing remains changed"
                    : "Failed: NOT everything could be restored — see each object below", rolledBack.summary(),
                    "outcome-rolled-back");
        } else if (end instanceof ApplyOutcome.Conflict conflict) {
            boolean canRebase = of.rebased().isPresent();
            showOutcome("Conflict: someone changed " + conflict.conflicts().size()
                    + (conflict.conflicts().size() == 1 ? " object" : " objects") + " since it was loaded; nothing was overwritten"
                    + (canRebase ? ". Both touch different fields: rebase keeps both." : ". Both touch the same fields: reload and edit again."),
                    conflict.summary(), "outcome-conflict");
            showConflicts(conflict.conflicts());
            rebase.setVisible(canRebase);
        } else if (end instanceof ApplyOutcome.Rejected rejected) {
            showOutcome("Rejected: nothing was written", rejected.summary(), "outcome-rejected");
            tabs.getSelectionModel().select(findingsTab);
        }
    }

    private void showOutcome(String title, String detail, String style) {
        outcomeHeadline.getStyleClass().removeAll("outcome-applied", "outcome-rolled-back", "outcome-conflict", "outcome-rejected");
        outcomeHeadline.getStyleClass().add(style);
        outcomeHeadline.setText(title);
        outcomeDetail.setText(detail);
        outcome.setVisible(true);
    }

    /** Each conflicted object three ways: what they changed (base → live) beside what I change (base → mine). */
    private void showConflicts(List<ConflictedResource> conflicted) {
        conflicts.getChildren().clear();
        for (ConflictedResource c : conflicted) {
            DiffView theirs = new DiffView();
            DiffView mine = new DiffView();
            theirs.show(c.theirLines(), "base", "live");
            mine.show(c.myLines(), "base", "mine");
            theirs.node().setId("conflict-theirs");
            mine.node().setId("conflict-mine");
            Label target = new Label(c.target().toString());
            target.getStyleClass().add("conflict-target");
            List<String> overlap = c.overlappingFields();
            Label verdict = new Label(overlap.isEmpty() ? "Different fields: a rebase keeps both changes"
                    : "Both changed " + String.join(", ", overlap));
            verdict.getStyleClass().add("conflict-verdict");
            GridPane sides = new GridPane();
            sides.setHgap(8);
            sides.add(new Label("Changed by someone else (base → live)"), 0, 0);
            sides.add(new Label("My change (base → mine)"), 1, 0);
            sides.add(theirs.node(), 0, 1);
            sides.add(mine.node(), 1, 1);
            for (javafx.scene.Node n : List.of(theirs.node(), mine.node())) {
                GridPane.setHgrow(n, Priority.ALWAYS);
                ((Region) n).setPrefHeight(300);
                ((Region) n).setPrefWidth(440);
            }
            conflicts.getChildren().add(new VBox(6, target, verdict, sides));
        }
        if (!tabs.getTabs().contains(conflictTab)) {
            tabs.getTabs().add(conflictTab);
        }
        tabs.getSelectionModel().select(conflictTab);
    }

    private void confirm() {
        confirm.setDisable(true);
        review.confirm(reason.getText());
    }

    /** Force is offered once the typed word names an object of the change set (or is "force") and a reason is given. */
    private void updateForce() {
        String typed = forceWord.getText().strip();
        boolean named = typed.equalsIgnoreCase("force") || review != null
                && review.changes().changes().stream().anyMatch(c -> c.target().name().equals(typed));
        force.setDisable(!named || reason.getText().isBlank());
    }

    private void force() {
        ChangeReview forced = review.forced(reason.getText());
        forceWord.clear();
        outcome.setVisible(false);
        cancel.setText("Cancel");
        bind(forced);
    }

    private void rebase() {
        review.rebased().ifPresent(next -> {
            rebase.setVisible(false);
            outcome.setVisible(false);
            cancel.setText("Cancel");
            tabs.getTabs().remove(conflictTab);
            tabs.getSelectionModel().select(diffTab);
            bind(next);
        });
    }

    /** The diff shown now. */
    String shownDiff() {
        return changes.shownDiff();
    }

    /** A finding reads whole, over as many lines as it needs: its message is the point, not a scroll bar. */
    private static ListCell<FindingLine> wrapping(ListView<FindingLine> list) {
        ListCell<FindingLine> cell = new ListCell<>() {
            @Override
            protected void updateItem(FindingLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.toString());
            }
        };
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
        return cell;
    }
}
