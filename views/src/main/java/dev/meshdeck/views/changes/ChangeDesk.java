package dev.meshdeck.views.changes;

import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ChangeReview;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.views.details.DetailsPane;
import dev.meshdeck.core.changes.DraftChanges;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.Recovery;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.views.inventory.SourceHealth;
import dev.meshdeck.views.editing.ApplyHandler;
import dev.meshdeck.views.editing.DiffView;
import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's writing desk: reviews and applies the editor's drafts, shows the history with rollback and
 * "undo last action", offers to finish applies a crash interrupted, and keeps production read-only until armed.
 * Every change goes through a {@link ReviewDialog}; connecting, planning and writing run on {@code background}.
 */
public final class ChangeDesk implements ApplyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDesk.class);
    static final ButtonType COMPLETE = new ButtonType("Complete", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REVERT = new ButtonType("Revert", ButtonBar.ButtonData.OTHER);
    static final ButtonType LATER = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final ApplyTargets targets;
    private final ProductionArming arming;
    private final Executor background;
    private final ArmControl armControl;
    private final List<Runnable> appliedListeners = new CopyOnWriteArrayList<>();
    private final List<String> stylesheets;
    private Supplier<Window> owner = () -> null;
    /** The window's last known states of its sources; none known until {@link #setSourceHealth}. */
    private SourceHealth health;
    private final List<Runnable> healthListeners = new CopyOnWriteArrayList<>();
    private Consumer<Finding> onFinding = f -> { };
    private HistoryView history;
    private Stage historyStage;
    private ReviewDialog open;

    public ChangeDesk(ApplyTargets targets, ProductionArming arming, Executor background) {
        this.targets = targets;
        this.arming = arming;
        this.background = background;
        this.armControl = new ArmControl(arming);
        // the diffs are YAML areas: their colours (both themes) are the details pane's, their marks the editor's
        this.stylesheets = List.of(stylesheet(DetailsPane.class, "details.css"), stylesheet(DiffView.class, "editing.css"),
                stylesheet(ChangeDesk.class, "changes.css"));
    }

    /** The window dialogs belong to. */
    public void setOwner(Supplier<Window> owner) {
        this.owner = owner;
    }

    /**
     * Where the desk learns whether a source answers: a write to one that does not is refused before any dialog,
     * with the reason, instead of a review that would hang connecting.
     */
    public void setSourceHealth(SourceHealth sourceHealth) {
        this.health = sourceHealth;
        sourceHealth.addListener(() -> healthListeners.forEach(Runnable::run));
    }

    /** Why a write to {@code sources} is refused now because one of them does not answer; empty when all answer. */
    public Optional<String> silentRefusal(Collection<SourceRef> sources) {
        return health == null ? Optional.empty() : sources.stream().map(health::statusOf).filter(Objects::nonNull)
                .map(SourceStatus::writeRefusal).flatMap(Optional::stream).findFirst();
    }

    /**
     * Says why and returns true when a write to {@code sources} must not start because one of them does not answer:
     * every write of the window asks this before its first dialog. FX thread.
     */
    public boolean refusedWhileSilent(Collection<SourceRef> sources) {
        return refuseWith(silentRefusal(sources));
    }

    private boolean refuseWith(Optional<String> refusal) {
        refusal.ifPresent(why -> inform("Cannot write now", why));
        return refusal.isPresent();
    }

    public ProductionArming arming() {
        return arming;
    }

    /** {@code listener} runs on the FX thread after any change set was applied (editor reloads, history refreshes). */
    public void addAppliedListener(Runnable listener) {
        appliedListeners.add(listener);
    }

    @Override
    public Optional<String> refusal(SourceRef source) {
        return silentRefusal(Set.of(source)).or(() -> arming.refusal(source));
    }

    @Override
    public Node control() {
        return armControl.node();
    }

    @Override
    public void showing(SourceRef source) {
        armControl.show(source);
    }

    @Override
    public void addListener(Runnable changed) {
        arming.addListener(() -> Platform.runLater(changed));
        healthListeners.add(changed);
    }

    @Override
    public void apply(List<Draft> drafts, Runnable applied) {
        DraftChanges pending = new DraftChanges(drafts);
        review(pending.changeSet(), ApplyRequest.apply(""), pending.sources(), applied);
    }

    /**
     * Reviews and applies any change set written to {@code sources} in the review dialog: the editor's drafts,
     * and the place for other actions (failover, failback) to send theirs. {@code applied} runs on the FX thread
     * once written. FX thread.
     */
    public void review(ChangeSet changes, ApplyRequest request, Set<SourceRef> sources, Runnable applied) {
        String where = sources.stream().map(SourceRef::label).reduce((a, b) -> a + " + " + b).orElse("");
        review("Apply " + changes.size() + (changes.size() == 1 ? " change" : " changes") + " to " + where,
                sources, changes, request, applied);
    }

    /**
     * Reviews an incident action (failover, failback, restart, scale, undo, promote) titled by its own words,
     * validated against the live objects of where it is written. FX thread.
     */
    public void review(FunctionChange change, Set<SourceRef> sources, Runnable applied) {
        review(change.title(), sources, change.changes(), change.request(), applied);
    }

    private void review(String title, Set<SourceRef> sources, ChangeSet changes, ApplyRequest request,
                        Runnable applied) {
        // the actions that open a dialog of their own (scale, bulk failover) asked already; the others are refused here
        if (refusedWhileSilent(sources)) {
            return;
        }
        review(title, () -> targets.connect(sources, arming.guard()),
                connection -> new ChangeReview(connection.pipeline(), changes, request, background),
                (review, outcome) -> applied.run());
    }

    /**
     * Reviews the change set that undoes {@code entry} (from the History window or "Undo last"), unless where it was
     * written does not answer now. FX thread.
     */
    public void rollback(HistoryEntry entry) {
        if (health != null && refuseWith(health.statusesOf(entry.target()).stream().map(SourceStatus::writeRefusal)
                .flatMap(Optional::stream).findFirst())) {
            return;
        }
        review("Roll back change set " + entry.id(), () -> targets.connect(entry, arming.guard()),
                connection -> new ChangeReview(connection.pipeline(), Rollbacks.of(entry), Rollbacks.request(entry, ""),
                        background),
                (review, outcome) -> { });
    }

    /** Rolls back the newest change set still standing (see {@link Rollbacks#lastUndoable}). FX thread. */
    public void undoLast() {
        background.execute(() -> {
            Optional<HistoryEntry> last;
            try {
                last = Rollbacks.lastUndoable(targets.history().entries());
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the history", e);
                Platform.runLater(() -> inform("Cannot read the history", describe(e)));
                return;
            }
            Platform.runLater(() -> last.ifPresentOrElse(this::rollback,
                    () -> inform("Nothing to undo", "No applied change set in the history is still standing.")));
        });
    }

    /** Opens (or brings forward) the history window. FX thread. */
    public void showHistory() {
        if (historyStage == null) {
            history = new HistoryView(this::rollback, this::undoLast, this::refreshHistory, () -> historyStage.hide());
            historyStage = new Stage();
            historyStage.setTitle("MeshDeck — History");
            Scene scene = new Scene((javafx.scene.Parent) history.node(), 1240, 660);
            scene.getStylesheets().addAll(stylesheets);
            historyStage.setScene(scene);
            Window window = owner.get();
            if (window != null) {
                historyStage.initOwner(window);
            }
        }
        historyStage.show();
        historyStage.toFront();
        refreshHistory();
    }

    /** The history window, once opened (tests and screenshots). */
    public Optional<Stage> historyWindow() {
        return Optional.ofNullable(historyStage);
    }

    /** The review dialog open now (tests and screenshots). */
    public Optional<Stage> reviewWindow() {
        return Optional.ofNullable(open).map(ReviewDialog::stage).filter(Stage::isShowing);
    }

    /** Reads the history off the FX thread and shows it. FX thread. */
    public void refreshHistory() {
        if (history == null) {
            return;
        }
        HistoryView view = history;
        background.execute(() -> {
            try {
                List<HistoryEntry> entries = targets.history().entries();
                Platform.runLater(() -> view.show(entries));
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the history", e);
                Platform.runLater(() -> view.failed("Cannot read the history: " + describe(e)));
            }
        });
    }

    /**
     * At start: applies a crash interrupted (journaled, never finished) are offered for completion or revert,
     * one after the other, each through the review dialog. FX thread.
     */
    public void recoverInterrupted() {
        background.execute(() -> {
            List<HistoryEntry> pending;
            try {
                pending = targets.history().unfinished();
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the journal", e);
                return;
            }
            Platform.runLater(() -> offerRecovery(pending, 0));
        });
    }

    private void offerRecovery(List<HistoryEntry> pending, int index) {
        if (index >= pending.size()) {
            return;
        }
        HistoryEntry entry = pending.get(pending.size() - 1 - index); // oldest first
        long written = entry.written().stream().filter(w -> w).count();
        Alert ask = new Alert(Alert.AlertType.WARNING, "", COMPLETE, REVERT, LATER);
        ask.setTitle("Interrupted change set");
        ask.setHeaderText("Change set " + entry.id() + " on " + entry.target().label() + " was interrupted after " + written
                + " of " + entry.changes().size() + " writes");
        ask.setContentText(entry.changes().summary() + "\n\nComplete writes what is missing; Revert puts back what was"
                + " written. Either is reviewed first. Later leaves it for the next start (or `meshdeck recover`).");
        ask.getDialogPane().setId("recovery-dialog");
        ask.getDialogPane().setMinWidth(620);
        Window window = owner.get();
        if (window != null) {
            ask.initOwner(window);
        }
        ask.setOnHidden(e -> {
            ButtonType answer = ask.getResult();
            if (answer == COMPLETE || answer == REVERT) {
                recover(entry, answer == COMPLETE ? Recovery.Choice.COMPLETE : Recovery.Choice.REVERT,
                        () -> offerRecovery(pending, index + 1));
            } else {
                offerRecovery(pending, index + 1);
            }
        });
        ask.show();
    }

    private void recover(HistoryEntry entry, Recovery.Choice choice, Runnable next) {
        String verb = choice == Recovery.Choice.COMPLETE ? "Complete" : "Revert";
        AtomicReference<Recovery> recovery = new AtomicReference<>();
        ReviewDialog dialog = review(verb + " interrupted change set " + entry.id(), () -> targets.connect(entry, arming.guard()),
                connection -> {
                    recovery.set(new Recovery(connection.pipeline()));
                    ChangeSet changes = recovery.get().plan(entry, choice);
                    if (changes.isEmpty()) {
                        recovery.get().markRecovered(entry, choice);
                        throw new NothingToDo("The cluster already holds what " + verb.toLowerCase(Locale.ROOT)
                                + " would write: change set " + entry.id() + " is marked recovered.");
                    }
                    return new ChangeReview(connection.pipeline(), changes, Recovery.request(entry, choice), background);
                },
                (review, outcome) -> background.execute(() -> recovery.get().markRecovered(entry, choice)));
        dialog.addOnClosed(next);
    }

    /** Thrown by a review factory when there is nothing to review; its message is shown instead. */
    private static final class NothingToDo extends RuntimeException {
        NothingToDo(String message) {
            super(message);
        }
    }

    /** Makes the review of a connection, off the FX thread. */
    @FunctionalInterface
    private interface ReviewFactory {
        ChangeReview of(ApplyTargets.Connection connection) throws Exception;
    }

    /** What clicking a finding in the review dialog does: the editor shows the field it points at. FX thread. */
    public void setOnFinding(Consumer<Finding> reveal) {
        this.onFinding = reveal;
    }

    /** Opens a review dialog at once, connects and plans in the background, and tells the listeners when done. */
    private ReviewDialog review(String title, Supplier<ApplyTargets.Connection> connect, ReviewFactory factory,
                                java.util.function.BiConsumer<ChangeReview, ApplyOutcome> afterApplied) {
        ReviewDialog dialog = new ReviewDialog(owner.get(), title, stylesheets, onFinding, (review, outcome) -> {
            if (outcome.applied()) {
                afterApplied.accept(review, outcome);
                appliedListeners.forEach(Runnable::run);
                refreshHistory();
            }
        });
        open = dialog;
        dialog.show();
        background.execute(() -> {
            ApplyTargets.Connection connection;
            try {
                connection = connect.get();
            } catch (RuntimeException e) {
                LOG.warn("Cannot connect for '{}'", title, e);
                Platform.runLater(() -> dialog.failed(describe(e)));
                return;
            }
            Platform.runLater(() -> dialog.addOnClosed(() -> background.execute(connection::close)));
            try {
                ChangeReview review = factory.of(connection);
                Platform.runLater(() -> dialog.bind(review));
            } catch (NothingToDo nothing) {
                Platform.runLater(() -> dialog.failed(nothing.getMessage()));
            } catch (Exception e) {
                LOG.warn("Cannot prepare '{}'", title, e);
                Platform.runLater(() -> dialog.failed(describe(e)));
            }
        });
        return dialog;
    }

    private void inform(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setHeaderText(header);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.show();
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String stylesheet(Class<?> near, String name) {
        URL url = Objects.requireNonNull(near.getResource(name), () -> "stylesheet " + name + " is missing next to "
                + near.getName() + "; rebuild the views jar");
        return url.toExternalForm();
    }
}
