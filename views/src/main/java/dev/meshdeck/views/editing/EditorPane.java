package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.EditSession;
import dev.meshdeck.core.editing.TrafficEditorModel;
import dev.meshdeck.core.editing.forms.NewPolicy;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.views.commands.ShortcutSheet;
import dev.meshdeck.views.common.SourceNotice;
import dev.meshdeck.views.inventory.SourceHealth;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy editor of the selected function: the form tabs on the left (Traffic, Routing, Resilience,
 * Security), the candidate YAML, its diff against the live object and the validator's findings on the right.
 * A tab whose object the function lacks offers to create it from good defaults. Clicking a finding selects the
 * form field it points at, else its YAML line. Edits live in the {@link EditSession}, so switching functions
 * loses nothing; Ctrl+Z / Ctrl+Shift+Z undo and redo, Ctrl+S exports every pending change.
 */
public final class EditorPane {

    private static final Logger LOG = LoggerFactory.getLogger(EditorPane.class);
    static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination APPLY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final EditSession session;
    private final EditorModel model;
    private final Function<FunctionId, List<MeshResource>> resourcesOf;
    private final Executor background;

    private final Label title = new Label();
    private final Label dirtyMarker = new Label("●");
    private final Label pending = new Label();
    private final Label status = new Label();
    private final SourceNotice notice = new SourceNotice("editor-source-notice", ZoneId.systemDefault());
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final Button export = new Button("Export…");
    private final Button discard = new Button("Discard new");
    private final Button close = new Button("Close");
    private final Button apply = new Button("Apply");
    private final Button applyAll = new Button("Apply all");
    private final HBox applyBox = new HBox(8);
    private final TrafficForm trafficForm = new TrafficForm();
    private final Label trafficPlaceholder = new Label();
    private final StackPane trafficContent = new StackPane();
    private final Label trafficDirty = new Label("●");
    private final Tab trafficTab = new Tab("Traffic");
    private final TabPane forms = new TabPane(trafficTab);
    private final RoutingTab routingForm = new RoutingTab();
    private final EmptyState routingEmpty = new EmptyState("routing", routingForm.node(), this::create);
    private final Label routingDirty = new Label("●");
    private final Tab routingTab = new Tab("Routing");
    private final ResilienceTab resilienceForm = new ResilienceTab();
    private final EmptyState resilienceEmpty = new EmptyState("resilience", resilienceForm.node(), this::create);
    private final Label resilienceDirty = new Label("●");
    private final Tab resilienceTab = new Tab("Resilience");
    private final SecurityTab securityForm = new SecurityTab();
    private final Label securityDirty = new Label("●");
    private final Tab securityTab = new Tab("Security");
    private final CandidatePane candidate;
    private final DiffView diff = new DiffView();
    private final TabPane candidateTabs = new TabPane();
    private final BorderPane root = new BorderPane();

    private Task<List<MeshResource>> loading;
    private Runnable onClose = () -> { };
    private Runnable onChange = () -> { };
    private ApplyHandler applier;

    /**
     * @param resourcesOf may block on the network; it only ever runs on {@code background}
     * @param background  where resources load and the validator runs
     */
    public EditorPane(EditSession session, Function<FunctionId, List<MeshResource>> resourcesOf, Executor background) {
        this.session = session;
        this.model = new EditorModel(session, APPLY.getDisplayText());
        this.resourcesOf = resourcesOf;
        this.background = background;
        this.candidate = new CandidatePane(background);

        title.setId("editor-title");
        title.getStyleClass().add("editor-title");
        dirtyMarker.setId("editor-dirty");
        dirtyMarker.getStyleClass().add("dirty-marker");
        dirtyMarker.setTooltip(new Tooltip("This function has changes not exported yet"));
        pending.setId("pending-count");
        pending.getStyleClass().add("pending-count");
        status.setId("editor-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("editor-status");
        undo.setId("undo-button");
        redo.setId("redo-button");
        export.setId("export-button");
        discard.setId("discard-button");
        close.setId("close-editor");
        undo.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z)"));
        export.setTooltip(new Tooltip("Write every pending change as one file per resource (Ctrl+S)"));
        undo.setOnAction(e -> undo());
        redo.setOnAction(e -> redo());
        export.setOnAction(e -> exportWithChooser());
        discard.setTooltip(new Tooltip("Drop this new object: it was never applied"));
        discard.setOnAction(e -> discardNew());
        discard.managedProperty().bind(discard.visibleProperty());
        close.setOnAction(e -> onClose.run());
        for (Button b : List.of(undo, redo, discard, export, close)) {
            b.getStyleClass().add("small");
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        apply.setId("apply-button");
        applyAll.setId("apply-all-button");
        apply.getStyleClass().addAll("small", "accent");
        applyAll.getStyleClass().add("small");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        applyAll.setMinWidth(Region.USE_PREF_SIZE);
        apply.setOnAction(e -> applyShown());
        applyAll.setOnAction(e -> applyAll());
        applyBox.setAlignment(Pos.CENTER_LEFT);
        applyBox.managedProperty().bind(applyBox.visibleProperty());
        applyBox.setVisible(false);
        // the actions on the whole session (apply, export) sit between redo and close
        HBox header = new HBox(8, title, dirtyMarker, pending, spacer, status, undo, redo, discard, applyBox, export, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("editor-header");

        trafficDirty.setId("traffic-dirty");
        trafficDirty.getStyleClass().add("dirty-marker");
        trafficTab.setId("traffic-tab");
        trafficTab.setGraphic(trafficDirty);
        trafficTab.setClosable(false);
        trafficPlaceholder.setId("traffic-placeholder");
        trafficPlaceholder.getStyleClass().add("editor-placeholder");
        trafficPlaceholder.setWrapText(true);
        trafficContent.getChildren().addAll(trafficPlaceholder, trafficForm.node());
        trafficTab.setContent(trafficContent);
        formTab(routingTab, "routing", routingDirty, routingEmpty.node());
        formTab(resilienceTab, "resilience", resilienceDirty, resilienceEmpty.node());
        formTab(securityTab, "security", securityDirty, securityForm.node());
        securityForm.setOnSelect(d -> {
            if (forms.getSelectionModel().getSelectedItem() == securityTab) {
                activate(securityTab);
            }
        });
        securityForm.setOnCreate(this::create);
        forms.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> activate(now));
        forms.setId("editor-forms");
        forms.getStyleClass().add("editor-forms");
        forms.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        forms.getTabs().addAll(routingTab, resilienceTab, securityTab);
        candidate.setOnReveal(this::revealInForm);
        candidate.setOnSyntax(problems -> {
            model.yamlProblems(problems);
            refreshApply();
        });

        Tab yamlTab = new Tab("Candidate YAML", candidate.yamlNode());
        yamlTab.setId("yaml-tab");
        Tab diffTab = new Tab("Diff", diff.node());
        diffTab.setId("diff-tab");
        candidateTabs.getTabs().addAll(yamlTab, diffTab);
        candidateTabs.setId("candidate-tabs");
        candidateTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane right = new SplitPane(candidateTabs, candidate.findingsNode());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.72);
        SplitPane body = new SplitPane(forms, right);
        // half and half: the forms need room for labels, tables and the four tab headers
        body.setDividerPositions(0.5);
        body.getStyleClass().add("editor-body");

        root.setTop(new VBox(notice.node(), header));
        root.setCenter(body);
        root.setId("editor-pane");
        root.getStyleClass().add("editor-pane");
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        session.addListener(this::draftChanged);
        refreshState();
    }

    /** The editor's keys and the traffic slider's, for the shortcut sheet. */
    public static List<ShortcutSheet.Shortcut> shortcuts() {
        return List.of(
                new ShortcutSheet.Shortcut(UNDO.getDisplayText(), "Undo the last change of the object shown"),
                new ShortcutSheet.Shortcut(REDO.getDisplayText() + " or " + REDO_Y.getDisplayText(), "Redo"),
                new ShortcutSheet.Shortcut(EXPORT.getDisplayText(), "Export every pending change, one file per object"),
                new ShortcutSheet.Shortcut(APPLY.getDisplayText(), "Review and apply this function's pending changes"),
                new ShortcutSheet.Shortcut("← →  ↑ ↓", "Traffic slider: move the candidate by "
                        + TrafficEditorModel.SMALL_STEP + "%"),
                new ShortcutSheet.Shortcut("PgUp PgDn", "Traffic slider: move the candidate by "
                        + TrafficEditorModel.LARGE_STEP + "%"),
                new ShortcutSheet.Shortcut("Home End", "Traffic slider: candidate to 0% or 100%"));
    }

    private static void formTab(Tab tab, String id, Label dirty, Node content) {
        dirty.setId(id + "-dirty");
        dirty.getStyleClass().add("dirty-marker");
        tab.setId(id + "-tab");
        tab.setGraphic(dirty);
        tab.setClosable(false);
        tab.setContent(content);
    }

    public Node node() {
        return root;
    }

    public EditSession session() {
        return session;
    }

    /** The function shown, or null. */
    public ServerlessFunction function() {
        return model.function();
    }

    /** The traffic model of the function shown, when it has an object carrying traffic. */
    public Optional<TrafficEditorModel> trafficModel() {
        return model.traffic();
    }

    public void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    /** Called after any edit, undo or redo of any function (to refresh dirty markers elsewhere). FX thread. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /**
     * Turns on Apply (Ctrl+Enter: this function's pending changes) and Apply all (every pending change) through
     * {@code handler}, with its control (the production switch) before them. FX thread.
     */
    public void setApplyHandler(ApplyHandler handler) {
        applier = handler;
        applyBox.getChildren().setAll(handler.control(), apply, applyAll);
        applyBox.setVisible(true);
        handler.addListener(this::refreshState);
        if (model.function() != null) {
            handler.showing(model.function().id().source());
        }
        refreshState();
    }

    /**
     * Drops the drafts of {@code functions} and loads them afresh (after their changes were applied, or a
     * rollback changed their objects); the function shown reloads at once. FX thread.
     */
    public void reload(Collection<FunctionId> functions) {
        candidate.flush();
        if (model.forget(functions)) {
            show(model.function());
        }
    }

    /** Why Apply is disabled now ("" when it is enabled, or there is nothing to apply). */
    public String applyRefusal() {
        return apply.getTooltip() == null || !apply.isDisable() ? "" : apply.getTooltip().getText();
    }

    /** Shows a function's editors, loading its objects off the FX thread the first time. FX thread. */
    public void show(ServerlessFunction function) {
        if (function == null || model.showsDraftsOf(function)) {
            return;
        }
        candidate.flush();
        present(function);
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
        if (session.isOpen(function.id())) {
            showDrafts();
            return;
        }
        showMessage("Loading the objects of " + function.name() + "…");
        Task<List<MeshResource>> task = new Task<>() {
            @Override
            protected List<MeshResource> call() {
                return resourcesOf.apply(function.id());
            }
        };
        task.setOnSucceeded(e -> {
            if (model.function() == function) {
                open(function, task.getValue());
            }
        });
        task.setOnFailed(e -> {
            LOG.warn("Could not load the objects of {}", function.id().qualifiedName(), task.getException());
            if (model.function() == function) {
                showMessage("Could not load the objects of " + function.name() + ": " + task.getException().getMessage());
            }
        });
        loading = task;
        background.execute(task);
    }

    /** Shows a function whose objects are already loaded (the details pane has them). FX thread. */
    public void open(ServerlessFunction function, List<MeshResource> resources) {
        candidate.flush();
        present(function);
        session.open(function.id(), resources);
        showDrafts();
    }

    /** The header and the source line now speak of {@code function}. */
    private void present(ServerlessFunction function) {
        model.show(function);
        title.setText(function.name());
        notice.show(function.id().source());
        if (applier != null) {
            applier.showing(function.id().source());
        }
    }

    /**
     * The line over the editor saying the function's source does not answer (Apply is then disabled by the handler's
     * refusal); it follows {@code health}. FX thread.
     */
    public void watch(SourceHealth health) {
        notice.watch(health);
    }

    /** What the line over the editor says now; empty while the function's source answers. */
    public Optional<String> sourceNotice() {
        return notice.text();
    }

    private void showDrafts() {
        showDrafts(securityForm.draft());
    }

    /** @param securityChoice the security object to show on the Security tab, if still there */
    private void showDrafts(Draft securityChoice) {
        model.readDrafts();
        Optional<TrafficEditorModel> traffic = model.traffic();
        trafficPlaceholder.setVisible(traffic.isEmpty());
        trafficForm.node().setVisible(traffic.isPresent());
        traffic.ifPresentOrElse(trafficForm::show, () -> trafficPlaceholder.setText(model.noTraffic()));
        Draft routing = model.routingDraft();
        if (routing != null) {
            routingForm.show(routing, () -> model.resilienceDraft() == null ? null : model.resilienceDraft().candidate());
            routingEmpty.showForm();
        } else {
            routingEmpty.showEmpty(model.noRouting().message(), model.noRouting().offers());
        }
        if (model.resilienceDraft() != null) {
            resilienceForm.show(model.resilienceDraft());
            resilienceEmpty.showForm();
        } else {
            resilienceEmpty.showEmpty(model.noResilience().message(), model.noResilience().offers());
        }
        securityForm.show(model.securityDrafts(), securityChoice, model.securityOffers());

        Tab selected = forms.getSelectionModel().getSelectedItem();
        Tab wanted = selected != null && draftOf(selected) != null ? selected
                : forms.getTabs().stream().filter(t -> draftOf(t) != null).findFirst().orElse(trafficTab);
        forms.getSelectionModel().select(wanted);
        activate(wanted);
    }

    /** Creates a new object of this kind for the function shown, from its form's defaults, and shows it. */
    void create(NewPolicy policy) {
        candidate.flush();
        model.create(policy).ifPresent(created -> {
            Tab tab = switch (policy) {
                case VIRTUAL_SERVICE -> routingTab;
                case DESTINATION_RULE -> resilienceTab;
                default -> securityTab;
            };
            forms.getSelectionModel().select(tab);
            showDrafts(tab == securityTab ? created : securityForm.draft());
        });
    }

    private void discardNew() {
        candidate.flush();
        if (model.discardNew()) {
            showDrafts();
        }
    }

    /**
     * Shows the form field a finding of another view (the apply review) points at: the tab of the object it is
     * about, then its field there. False when the editor does not show that object or field.
     */
    public boolean reveal(Finding finding) {
        for (Tab tab : List.of(trafficTab, routingTab, resilienceTab, securityTab)) {
            Draft of = draftOf(tab);
            if (of != null && of.ref().equals(finding.resource())) {
                forms.getSelectionModel().select(tab);
                return revealInForm(finding);
            }
        }
        return false;
    }

    /** Selects the form field a finding points at in the selected tab; false when it points at none. */
    private boolean revealInForm(Finding finding) {
        Tab tab = forms.getSelectionModel().getSelectedItem();
        String path = finding.path();
        if (path == null || path.isEmpty() || model.active() == null) {
            return false;
        }
        if (tab == trafficTab && model.active() == model.routingDraft() && routingForm.shows(path)) {
            // the Traffic tab shows only the split; the route's other fields are on the Routing tab
            forms.getSelectionModel().select(routingTab);
            tab = routingTab;
        }
        if (tab == routingTab) {
            return routingForm.reveal(path);
        }
        if (tab == resilienceTab) {
            return resilienceForm.reveal(path);
        }
        return tab == securityTab && securityForm.reveal(path);
    }

    private Draft draftOf(Tab tab) {
        EditorModel.Form form = tab == trafficTab ? EditorModel.Form.TRAFFIC : tab == routingTab ? EditorModel.Form.ROUTING
                : tab == resilienceTab ? EditorModel.Form.RESILIENCE : tab == securityTab ? EditorModel.Form.SECURITY : null;
        return form == null ? null : model.draftOf(form, securityForm.draft());
    }

    /** Points the YAML pane, diff and undo at the draft of the selected form tab. */
    private void activate(Tab tab) {
        if (model.function() == null || tab == null) {
            return;
        }
        Draft next = draftOf(tab);
        if (next == model.active() && next != null) {
            return;
        }
        candidate.flush();
        model.activate(next);
        Draft showing = next;
        if (showing == null) {
            candidateTabs.setDisable(true);
            refreshState();
            return;
        }
        candidateTabs.setDisable(false);
        candidate.show(showing, text -> TrafficEditorModel.applyYaml(showing, text), model::otherObjects);
        diff.show(showing.diff());
        refreshState();
    }

    private void showMessage(String message) {
        model.clearDrafts();
        forms.getSelectionModel().select(trafficTab);
        routingEmpty.showEmpty(message, List.of());
        resilienceEmpty.showEmpty(message, List.of());
        securityForm.show(List.of(), null, List.of());
        trafficPlaceholder.setText(message);
        trafficPlaceholder.setVisible(true);
        trafficForm.node().setVisible(false);
        candidateTabs.setDisable(true);
        refreshState();
    }

    private void draftChanged(Draft changed) {
        if (changed != null && changed == model.trafficDraft()) {
            trafficForm.refresh();
        }
        if (changed != null && changed == model.routingDraft()) {
            routingForm.refresh();
        }
        if (changed != null && changed == model.resilienceDraft()) {
            resilienceForm.refresh();
            // the Routing form offers the DestinationRule's subsets as destinations
            if (model.routingDraft() != null) {
                routingForm.refresh();
            }
        }
        if (changed != null && changed == securityForm.draft()) {
            securityForm.refresh();
        }
        if (changed != null && changed == model.active()) {
            candidate.draftChanged();
            diff.show(changed.diff());
        }
        model.edited();
        refreshState();
        onChange.run();
    }

    private void refreshState() {
        EditorModel.Marks marks = model.marks();
        dirtyMarker.setVisible(marks.function());
        trafficDirty.setVisible(marks.traffic());
        routingDirty.setVisible(marks.routing());
        resilienceDirty.setVisible(marks.resilience());
        securityDirty.setVisible(marks.security());
        discard.setVisible(marks.discardable());
        pending.setText(marks.pending());
        undo.setDisable(!marks.canUndo());
        redo.setDisable(!marks.canRedo());
        export.setDisable(!marks.canExport());
        refreshApply();
    }

    /** Apply needs pending changes of the function shown, Apply all any; see {@link EditorModel#apply}. */
    private void refreshApply() {
        if (applier == null) {
            return;
        }
        List<Draft> mine = model.pendingOfShown();
        List<Draft> all = session.pending();
        ServerlessFunction shown = model.function();
        // the shown function's own source counts before anything is pending: Apply says at once why it cannot be used
        Optional<String> mineRefused = shown == null ? refusal(mine)
                : applier.refusal(shown.id().source()).or(() -> refusal(mine));
        show(apply, model.apply(mine.size(), mineRefused));
        show(applyAll, model.applyAll(all.size(), refusal(all)));
    }

    private static void show(Button button, EditorModel.ApplyState state) {
        button.setDisable(!state.enabled());
        button.setTooltip(new Tooltip(state.tooltip()));
    }

    private Optional<String> refusal(List<Draft> drafts) {
        return drafts.stream().map(d -> d.function().source()).distinct().map(applier::refusal)
                .flatMap(Optional::stream).findFirst();
    }

    private void applyShown() {
        candidate.flush();
        if (applier != null && model.function() != null && !apply.isDisable()) {
            review(model.pendingOfShown());
        }
    }

    private void applyAll() {
        candidate.flush();
        if (applier != null && !applyAll.isDisable()) {
            review(session.pending());
        }
    }

    private void review(List<Draft> drafts) {
        Set<FunctionId> functions = new LinkedHashSet<>();
        drafts.forEach(d -> functions.add(d.function()));
        applier.apply(drafts, () -> {
            reload(functions);
            model.report("Applied and verified: " + drafts.size() + (drafts.size() == 1 ? " change" : " changes"));
        });
    }

    private void shortcut(KeyEvent e) {
        if (REDO.match(e) || REDO_Y.match(e)) {
            redo();
            e.consume();
        } else if (UNDO.match(e)) {
            undo();
            e.consume();
        } else if (EXPORT.match(e)) {
            exportWithChooser();
            e.consume();
        } else if (APPLY.match(e)) {
            applyShown();
            e.consume();
        }
    }

    /** Undoes the last change of the shown object, typed text included. */
    public boolean undo() {
        candidate.flush();
        return model.active() != null && model.active().undo();
    }

    public boolean redo() {
        candidate.flush();
        return model.active() != null && model.active().redo();
    }

    /** Writes every pending change to {@code dir}, one file per resource; reports what it wrote. FX thread. */
    public List<Path> exportTo(Path dir) throws IOException {
        candidate.flush();
        List<Path> files = session.exportTo(dir);
        model.report(files.isEmpty() ? "Nothing to export" : "Wrote " + files.size() + (files.size() == 1 ? " file" : " files") + " to " + dir);
        return files;
    }

    private void exportWithChooser() {
        candidate.flush();
        if (session.pending().isEmpty()) {
            model.report("Nothing to export: no object differs from the cluster");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export " + session.pending().size() + " pending changes for review");
        File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir == null) {
            return;
        }
        try {
            exportTo(dir.toPath());
        } catch (IOException failed) {
            LOG.warn("Export to {} failed", dir, failed);
            model.report("Could not write to " + dir + ": " + failed.getMessage());
        }
    }

    /** Whether the validator is still running on the YAML pane's latest text. FX thread. */
    public boolean checking() {
        return candidate.checkingProperty().get();
    }

    /** The validator's findings on the YAML pane's text (a copy). FX thread. */
    public List<Finding> findings() {
        return List.copyOf(candidate.findings());
    }

    /** The draft the YAML pane shows (the selected form tab's), or null. */
    public Draft activeDraft() {
        return model.active();
    }

    RoutingTab routingForm() {
        return routingForm;
    }

    ResilienceTab resilienceForm() {
        return resilienceForm;
    }

    SecurityTab securityForm() {
        return securityForm;
    }

    CandidatePane candidatePane() {
        return candidate;
    }

    DiffView diffView() {
        return diff;
    }

    TabPane candidateTabs() {
        return candidateTabs;
    }
}
