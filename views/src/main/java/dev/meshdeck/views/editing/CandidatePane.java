package dev.meshdeck.views.editing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.editing.CandidateCheck;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.views.details.YamlHighlighter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The candidate YAML of one draft, editable, and the validator's findings on it. Text and form stay in step:
 * a change of the draft re-renders the text; typed text is applied to the draft after a pause
 * ({@value #PAUSE_MS} ms). Findings are computed off the FX thread and underline their lines.
 */
final class CandidatePane {

    static final int PAUSE_MS = 300;
    static final String ERROR_STYLE = "yaml-error";
    static final String WARNING_STYLE = "yaml-warning";

    private final Executor background;
    private final CodeArea area = new CodeArea();
    private final ListView<Finding> findingsList = new ListView<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final Label findingsSummary = new Label();
    private final PauseTransition textPause = new PauseTransition(javafx.util.Duration.millis(PAUSE_MS));
    private final PauseTransition checkPause = new PauseTransition(javafx.util.Duration.millis(PAUSE_MS));
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final Popup hover = new Popup();
    private final Label hoverText = new Label();

    private Draft draft;
    private Function<String, List<Finding>> applyText = t -> List.of();
    private Supplier<List<JsonNode>> others = List::of;
    private Predicate<Finding> revealInForm = f -> false;
    private Consumer<List<Finding>> onSyntax = problems -> { };
    private boolean settingText;
    private boolean applyingText;
    private List<Finding> syntaxProblems = List.of();
    private long generation;

    CandidatePane(Executor background) {
        this.background = background;
        area.setId("candidate-yaml");
        area.getStyleClass().addAll("yaml-area", "candidate-yaml");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((obs, old, now) -> {
            highlight();
            if (!settingText) {
                textPause.playFromStart();
            }
        });
        textPause.setOnFinished(e -> applyTypedText());
        checkPause.setOnFinished(e -> checkNow());

        area.setMouseOverTextDelay(Duration.ofMillis(250));
        hoverText.getStyleClass().add("finding-popup");
        hoverText.setWrapText(true);
        hoverText.setMaxWidth(420);
        hover.getContent().add(hoverText);
        hover.setAutoHide(true);
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            String message = messageAt(area.offsetToPosition(e.getCharacterIndex(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor() + 1);
            if (!message.isEmpty()) {
                hoverText.setText(message);
                Point2D at = e.getScreenPosition();
                hover.show(area, at.getX(), at.getY() + 12);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());

        findingsList.setId("findings-list");
        findingsList.getStyleClass().add("findings-list");
        findingsList.setItems(findings);
        findingsList.setPlaceholder(new Label("No findings"));
        findingsList.setCellFactory(l -> new FindingCell());
        findingsList.setOnMouseClicked(e -> {
            Finding selected = findingsList.getSelectionModel().getSelectedItem();
            if (selected != null && !revealInForm.test(selected)) {
                reveal(selected);
            }
        });
        findingsSummary.getStyleClass().add("findings-summary");
        findings.addListener((javafx.collections.ListChangeListener<Finding>) c -> summarise());
        summarise();
    }

    Node yamlNode() {
        return new VirtualizedScrollPane<>(area);
    }

    Node findingsNode() {
        VBox box = new VBox(4, findingsSummary, findingsList);
        box.getStyleClass().add("findings-box");
        javafx.scene.layout.VBox.setVgrow(findingsList, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** Clicking a finding first asks this to select the form field it points at; when it cannot, the line is selected. */
    void setOnReveal(Predicate<Finding> revealInForm) {
        this.revealInForm = revealInForm;
    }

    /** Told whenever the typed text stops or starts parsing again: its syntax problems, empty when it parses. */
    void setOnSyntax(Consumer<List<Finding>> onSyntax) {
        this.onSyntax = onSyntax;
    }

    CodeArea area() {
        return area;
    }

    ObservableList<Finding> findings() {
        return findings;
    }

    ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /**
     * Shows another draft (another function or object).
     *
     * @param applyText turns typed text into the draft's candidate and returns syntax problems
     * @param others    the function's other objects, for the validator's references
     */
    void show(Draft draft, Function<String, List<Finding>> applyText, Supplier<List<JsonNode>> others) {
        flush();
        this.draft = draft;
        this.applyText = applyText;
        this.others = others;
        syntax(List.of());
        findings.clear();
        setText(draft.candidateYaml());
        area.moveTo(0);
        area.requestFollowCaret();
        area.getUndoManager().forgetHistory();
        checkNow();
    }

    /** The draft changed (form, undo, redo): re-render unless the change came from the text itself. */
    void draftChanged() {
        if (draft == null || applyingText) {
            return;
        }
        if (!area.getText().equals(draft.candidateYaml())) {
            int caret = area.getCurrentParagraph();
            setText(draft.candidateYaml());
            area.moveTo(Math.min(caret, area.getParagraphs().size() - 1), 0);
            area.requestFollowCaret();
        }
        syntax(List.of());
        checkPause.playFromStart();
    }

    /** Applies typed text that is still waiting for its pause, so undo and export see it. */
    void flush() {
        if (textPause.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            textPause.stop();
            applyTypedText();
        }
    }

    private void setText(String text) {
        settingText = true;
        try {
            area.replaceText(text);
        } finally {
            settingText = false;
        }
    }

    private void applyTypedText() {
        if (draft == null) {
            return;
        }
        applyingText = true;
        try {
            syntax(applyText.apply(area.getText()));
        } finally {
            applyingText = false;
        }
        if (!syntaxProblems.isEmpty()) {
            generation++;
            findings.setAll(syntaxProblems);
            highlight();
        } else {
            checkNow();
        }
    }

    private void syntax(List<Finding> problems) {
        syntaxProblems = problems;
        onSyntax.accept(problems);
    }

    /** Runs the validator on the text as it is now, off the FX thread; a newer run makes older ones moot. */
    private void checkNow() {
        checkPause.stop();
        if (draft == null) {
            return;
        }
        long run = ++generation;
        String text = area.getText();
        List<JsonNode> references = others.get();
        Task<List<Finding>> task = new Task<>() {
            @Override
            protected List<Finding> call() {
                return CandidateCheck.run(text, references);
            }
        };
        task.setOnSucceeded(e -> {
            if (run == generation) {
                findings.setAll(task.getValue());
                checking.set(false);
                highlight();
            }
        });
        task.setOnFailed(e -> {
            if (run == generation) {
                checking.set(false);
                findingsSummary.setText("The validator failed: " + task.getException().getMessage());
            }
        });
        checking.set(true);
        background.execute(task);
    }

    private void summarise() {
        long errors = findings.stream().filter(f -> f.severity() == dev.meshdeck.core.validation.Severity.ERROR).count();
        long others = findings.size() - errors;
        findingsSummary.setText(findings.isEmpty() ? "No findings"
                : errors + (errors == 1 ? " error" : " errors") + ", " + others + (others == 1 ? " warning or note" : " warnings or notes"));
        findingsSummary.getStyleClass().removeAll("has-errors");
        if (errors > 0) {
            findingsSummary.getStyleClass().add("has-errors");
        }
    }

    /** Moves the caret to the finding's line and column and gives the text the focus. */
    void reveal(Finding finding) {
        finding.position().ifPresent(p -> {
            int paragraph = Math.max(0, Math.min(p.line() - 1, area.getParagraphs().size() - 1));
            int column = Math.max(0, Math.min(p.column() - 1, area.getParagraph(paragraph).length()));
            area.moveTo(paragraph, column);
            area.requestFollowCaret();
            area.requestFocus();
        });
    }

    /** Messages of the findings at this 1-based line, one per line of text. */
    String messageAt(int line) {
        return findings.stream()
                .filter(f -> f.position().map(p -> p.line() == line).orElse(false))
                .map(f -> f.code() + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }

    /** Lines (1-based) carrying an error, resp. any finding. */
    Set<Integer> linesWith(boolean errorsOnly) {
        Set<Integer> lines = new HashSet<>();
        for (Finding f : findings) {
            if (!errorsOnly || f.severity() == dev.meshdeck.core.validation.Severity.ERROR) {
                f.position().ifPresent(p -> lines.add(p.line()));
            }
        }
        return lines;
    }

    private void highlight() {
        String text = area.getText();
        if (text.isEmpty()) {
            return;
        }
        StyleSpans<Collection<String>> syntax = spans(text, YamlHighlighter.spans(text));
        StyleSpans<Collection<String>> marks = lineMarks(text, linesWith(true), linesWith(false));
        area.setStyleSpans(0, syntax.overlay(marks, (a, b) -> {
            if (b.isEmpty()) {
                return a;
            }
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
    }

    /** The text of each marked line (without its indentation) carries the error or warning class. */
    private static StyleSpans<Collection<String>> lineMarks(String text, Set<Integer> errors, Set<Integer> any) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int line = 1;
        int start = 0;
        int unmarked = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String style = errors.contains(line) ? ERROR_STYLE : any.contains(line) ? WARNING_STYLE : null;
            if (style == null) {
                unmarked += end - start;
            } else {
                int indent = 0;
                while (start + indent < end && text.charAt(start + indent) == ' ') {
                    indent++;
                }
                builder.add(List.of(), unmarked + indent);
                builder.add(List.of(style), end - start - indent);
                unmarked = 0;
            }
            if (end == text.length()) {
                break;
            }
            unmarked += 1; // the newline
            start = end + 1;
            line++;
        }
        builder.add(List.of(), unmarked);
        return builder.create();
    }

    private static StyleSpans<Collection<String>> spans(String text, List<YamlHighlighter.Span> spans) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int end = 0;
        for (YamlHighlighter.Span span : spans) {
            builder.add(List.of(), span.start() - end);
            builder.add(List.of(span.styleClass()), span.end() - span.start());
            end = span.end();
        }
        builder.add(List.of(), text.length() - end);
        return builder.create();
    }

    /** A finding as a compact line: severity mark, line, code, message. */
    private static final class FindingCell extends ListCell<Finding> {
        FindingCell() {
            // long messages wrap inside the pane instead of running off its right edge
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("finding-error", "finding-warning", "finding-info");
            if (empty || f == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String where = f.position().map(p -> "line " + p.line() + "  ").orElse("");
            setText(where + f.code() + "  " + f.message());
            getStyleClass().add("finding-" + f.severity().label());
            setTooltip(new javafx.scene.control.Tooltip(f.toCompilerLine()));
        }
    }
}
