package dev.meshdeck.views.failover;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.access.Permissions;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.failover.AliasPromotion;
import dev.meshdeck.core.failover.Failback;
import dev.meshdeck.core.failover.FailoverPlanner;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.IncidentActions;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.Rollouts;
import dev.meshdeck.core.failover.SidecarInjection;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.views.changes.ChangeDesk;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected function's incident actions: Fail over…, Fail back (only while a failover of it stands) and
 * Actions (restart, scale, undo the last rollout, sidecar injection on or off, promote a Lambda alias). Each builds its change from the
 * function's objects as read now and sends it through the {@link ChangeDesk}'s review, so it is confirmed,
 * recorded and can be rolled back. What the identity may do and the history are read off the FX thread; a
 * denied or production-refused function shows its buttons disabled with the reason.
 */
public final class IncidentControls {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentControls.class);

    private final ApplyTargets targets;
    private final ChangeDesk desk;
    private final Function<FunctionId, List<MeshResource>> resourcesOf;
    private final Executor background;
    private final Button failover = new Button("Fail over…");
    private final Button failback = new Button("Fail back");
    private final MenuButton actions = new MenuButton("Actions");
    private final MenuItem restart = new MenuItem("Restart");
    private final MenuItem scale = new MenuItem("Scale…");
    private final MenuItem undo = new MenuItem("Undo last rollout");
    private final MenuItem sidecarOn = new MenuItem("Enable sidecar injection");
    private final MenuItem sidecarOff = new MenuItem("Disable sidecar injection");
    private final MenuItem namespaceOn = new MenuItem("Enable sidecar injection for the namespace…");
    private final MenuItem namespaceOff = new MenuItem("Disable sidecar injection for the namespace…");
    private final MenuItem promote = new MenuItem("Promote alias…");
    private Supplier<List<ServerlessFunction>> inventory = List::of;
    private final Label reason = new Label();
    private final VBox root;
    private Supplier<Window> owner = () -> null;
    private ServerlessFunction shown;
    private Assessment assessed;

    /** The function's objects read now and what it offers; one per {@link #show}. */
    private record Assessment(ServerlessFunction function, LiveFunction live, IncidentActions actions) {
    }

    /** What an action needs to build its change: the fresh objects, the pipeline's history and target. */
    @FunctionalInterface
    /** A change made of the function's live objects, with its pipeline (failback and undo read its history). */
    public interface Build {
        FunctionChange of(LiveFunction live, ApplyPipeline pipeline);
    }

    public IncidentControls(ApplyTargets targets, ChangeDesk desk, Function<FunctionId, List<MeshResource>> resourcesOf,
                            Executor background) {
        this.targets = targets;
        this.desk = desk;
        this.resourcesOf = resourcesOf;
        this.background = background;
        failover.setId("failover-button");
        failback.setId("failback-button");
        actions.setId("actions-menu");
        restart.setId("action-restart");
        scale.setId("action-scale");
        undo.setId("action-undo");
        promote.setId("action-promote");
        failover.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        failback.getStyleClass().add(Styles.SMALL);
        actions.getStyleClass().add(Styles.SMALL);
        sidecarOn.setId("action-sidecar-enable");
        sidecarOff.setId("action-sidecar-disable");
        namespaceOn.setId("action-namespace-sidecar-enable");
        namespaceOff.setId("action-namespace-sidecar-disable");
        actions.getItems().addAll(restart, scale, undo, sidecarOn, sidecarOff, namespaceOn, namespaceOff, promote);
        reason.setId("incident-reason");
        reason.getStyleClass().addAll(Styles.TEXT_MUTED, "incident-reason");
        reason.setWrapText(true);
        reason.managedProperty().bind(reason.textProperty().isNotEmpty());
        root = new VBox(4, new HBox(6, failover, failback, actions), reason);
        root.getStyleClass().add("incident-actions");

        failover.setOnAction(e -> whenAssessed(a -> FailoverDialog.ask(owner.get(), a.function().name(), a.actions(),
                choice -> act((live, p) -> FailoverPlanner.failover(live, choice.target(), choice.reason())))));
        failback.setOnAction(e -> act((live, p) -> Failback.of(p.history(), p.gateway().target(), live.subject(), null)));
        restart.setOnAction(e -> act((live, p) -> Rollouts.restart(live, null, Instant.now(), null)));
        sidecarOn.setOnAction(e -> act((live, p) -> SidecarInjection.set(live, null, true, null)));
        sidecarOff.setOnAction(e -> act((live, p) -> SidecarInjection.set(live, null, false, null)));
        namespaceOn.setOnAction(e -> switchNamespace(true));
        namespaceOff.setOnAction(e -> switchNamespace(false));
        scale.setOnAction(e -> whenAssessed(a -> ScaleDialog.ask(owner.get(), a.live(), null, change -> act((live, p) -> change))));
        undo.setOnAction(e -> act((live, p) -> Rollouts.undo(p.history(), p.gateway().target(), live, null, null)));
        promote.setOnAction(e -> {
            if (!refusedWhileSilent()) {
                askVersion(version -> act((live, p) -> AliasPromotion.promote(live, version, null)));
            }
        });
        desk.addListener(this::refreshState);
        show(null);
    }

    public Node node() {
        return root;
    }

    /** The window dialogs belong to. */
    public void setOwner(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Shows the actions of {@code function} (null: none), checking off the FX thread what it allows. FX thread. */
    public void show(ServerlessFunction function) {
        boolean sameFunction = function != null && shown != null && shown.id().equals(function.id());
        shown = function;
        if (!sameFunction) {
            // a newer state of the same function keeps its buttons until it is checked again: no flicker per poll
            assessed = null;
            setDisabled(true);
            reason.setText(function == null ? "" : "checking what may be done…");
        }
        if (function == null) {
            return;
        }
        boolean lambda = function.platform() == Platform.LAMBDA;
        restart.setVisible(!lambda);
        undo.setVisible(!lambda);
        sidecarOn.setVisible(!lambda);
        sidecarOff.setVisible(!lambda);
        namespaceOn.setVisible(!lambda);
        namespaceOff.setVisible(!lambda);
        scale.setVisible(!lambda);
        promote.setVisible(lambda);
        background.execute(() -> {
            try {
                Assessment a = assess(function);
                javafx.application.Platform.runLater(() -> {
                    if (shown == function) {
                        assessed = a;
                        refreshState();
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("Cannot check the incident actions of {}", function.id().qualifiedName(), e);
                javafx.application.Platform.runLater(() -> {
                    if (shown == function) {
                        reason.setText("Cannot check what may be done: " + describe(e));
                    }
                });
            }
        });
    }

    /** The functions listed now, whose Deployments a namespace's injection switch may restart. FX thread. */
    public void setInventory(Supplier<List<ServerlessFunction>> inventory) {
        this.inventory = inventory;
    }

    /**
     * Labels the shown function's namespace for injection (or against it), offering to restart, in the same change set,
     * the Deployments of the namespace's listed functions whose pods it changes.
     */
    private void switchNamespace(boolean enabled) {
        ServerlessFunction function = shown;
        if (function == null) {
            return;
        }
        List<ServerlessFunction> peers = inventory.get().stream().filter(f -> f.id().source().equals(function.id().source())
                && f.namespace().equals(function.namespace())).toList();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Istio's injector acts when a pod starts. Restart the Deployments"
                + " of the namespace's functions whose pods this changes, in the same change set?", ButtonType.YES, ButtonType.NO,
                ButtonType.CANCEL);
        ask.setHeaderText((enabled ? "Enable" : "Disable") + " sidecar injection in namespace " + function.namespace());
        ask.getDialogPane().setId("namespace-sidecar-dialog");
        if (owner.get() != null) {
            ask.initOwner(owner.get());
        }
        ask.showAndWait().filter(b -> b != ButtonType.CANCEL).ifPresent(answer -> act((live, p) -> {
            List<ObjectNode> deployments = peers.isEmpty() ? live.deployments()
                    : peers.stream().flatMap(f -> read(f).deployments().stream()).toList();
            try {
                return SidecarInjection.setNamespace(p.gateway(), function.namespace(), enabled, deployments,
                        answer == ButtonType.YES, Instant.now(), null).change();
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
    }

    /** Opens the Fail over… dialog of the function shown, as its button does; nothing when it is not offered now. */
    public void failOver() {
        failover.fire();
    }

    /** Fails the function shown back, as its button does; nothing when it is not offered now. */
    public void failBack() {
        failback.fire();
    }

    /**
     * Reviews a change the caller builds from the shown function's objects as read now (the Config tab's edits), as
     * the actions do. FX thread.
     */
    public void change(BiFunction<LiveFunction, ApplyPipeline, FunctionChange> build) {
        act(build::apply);
    }

    /** Reads the function again, e.g. after a change was applied. FX thread. */
    public void refresh() {
        show(shown);
    }

    private Assessment assess(ServerlessFunction function) {
        LiveFunction live = read(function);
        try (ApplyTargets.Connection c = targets.connect(writtenTo(live), desk.arming().guard())) {
            ApplyPipeline p = c.pipeline();
            return new Assessment(function, live, IncidentActions.assess(live, p.history(), p.gateway().target(), c.access(),
                    p.gateway().identity()));
        }
    }

    /**
     * Where the function's changes are written: its own context or region and, for a Lambda function the mesh
     * calls through a ServiceEntry, the kube context that entry was read from.
     */
    private static Set<SourceRef> writtenTo(LiveFunction live) {
        SourceRef own = live.function().id().source();
        return live.platform() == Platform.LAMBDA && live.meshEntrySource() != null
                ? Set.of(own, live.meshEntrySource()) : Set.of(own);
    }

    private LiveFunction read(ServerlessFunction function) {
        try {
            return LiveFunction.of(function, resourcesOf.apply(function.id()));
        } catch (dev.meshdeck.core.yaml.YamlProblem e) {
            throw new IllegalStateException("cannot read the objects of " + function.id().qualifiedName() + ": "
                    + e.getMessage(), e);
        }
    }

    private void refreshState() {
        if (assessed == null) {
            return;
        }
        IncidentActions a = assessed.actions();
        ProductionArming arming = desk.arming();
        Optional<String> blocked = desk.silentRefusal(writtenTo(assessed.live()))
                .or(() -> arming.refusal(assessed.function().id().source())).or(a::denial);
        setDisabled(blocked.isPresent());
        failback.setDisable(blocked.isPresent() || a.activeFailover().isEmpty());
        failback.setTooltip(new Tooltip(a.failbackHint().orElse("No failover of this function stands: nothing to fail back")));
        failover.setTooltip(new Tooltip(a.preselected().map(o -> "Send all traffic elsewhere; suggested: " + o.target()
                + " (" + o.why() + ")").orElse("Send all traffic elsewhere: type a target (host:…, subset:…, url:…)")));
        reason.setText(blocked.or(a::failbackHint).orElse(a.targetProblem()));
    }

    private void setDisabled(boolean disabled) {
        failover.setDisable(disabled);
        failback.setDisable(disabled);
        actions.setDisable(disabled);
    }

    /** Runs an action that opens its own dialog first, unless a source it writes to does not answer now. */
    private void whenAssessed(Consumer<Assessment> then) {
        if (assessed != null && !refusedWhileSilent()) {
            then.accept(assessed);
        }
    }

    /** Says so when a source the shown function's changes go to does not answer: before any dialog or connection. */
    private boolean refusedWhileSilent() {
        return shown != null && desk.refusedWhileSilent(assessed != null && assessed.function() == shown
                ? writtenTo(assessed.live()) : Set.of(shown.id().source()));
    }

    /**
     * Reads the function again and builds the change off the FX thread, refuses with the reason when the identity
     * may not write it, else opens the review.
     */
    /**
     * Builds the change off the FX thread for the shown function and opens it in the review dialog, as the
     * Actions menu does: for actions offered elsewhere (the Pods tab's roll back to a revision).
     */
    public void review(Build build) {
        act(build);
    }

    private void act(Build build) {
        ServerlessFunction function = shown;
        if (function == null || refusedWhileSilent()) {
            return;
        }
        background.execute(() -> {
            try {
                LiveFunction live = read(function);
                FunctionChange change;
                Optional<String> denial;
                Set<SourceRef> writtenTo = writtenTo(live);
                try (ApplyTargets.Connection c = targets.connect(writtenTo, desk.arming().guard())) {
                    change = build.of(live, c.pipeline());
                    denial = Permissions.check(c.access(), c.pipeline().gateway().identity(), change.changes()).denial();
                }
                javafx.application.Platform.runLater(() -> denial.ifPresentOrElse(d -> inform("Not allowed", d),
                        () -> desk.review(change, writtenTo, this::refresh)));
            } catch (RuntimeException e) {
                LOG.warn("Cannot prepare an incident action on {}", function.id().qualifiedName(), e);
                javafx.application.Platform.runLater(() -> inform("Cannot do that", describe(e)));
            }
        });
    }

    private void askVersion(Consumer<String> then) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Promote alias");
        ask.setHeaderText("Move the alias entirely to one version");
        ask.setContentText("Version (empty: its canary version)");
        ask.getDialogPane().setId("promote-dialog");
        if (owner.get() != null) {
            ask.initOwner(owner.get());
        }
        ask.setOnHidden(e -> Optional.ofNullable(ask.getResult()).ifPresent(v -> then.accept(v.trim())));
        ask.show();
    }

    private void inform(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
        alert.setHeaderText(header);
        alert.getDialogPane().setId("incident-alert");
        if (owner.get() != null) {
            alert.initOwner(owner.get());
        }
        alert.show();
    }

    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
