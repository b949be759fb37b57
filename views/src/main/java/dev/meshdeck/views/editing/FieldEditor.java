package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.forms.FieldSpec;
import dev.meshdeck.core.routing.IstioDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One form control built generically from a {@link FieldSpec}: a spinner for integers and durations (typed
 * text or arrows, stepping by the spec's step inside its range), a check box for flags (indeterminate: unset),
 * a choice box for choices (blank: Istio's default) and a text field for lists and text. Values travel as
 * text; blank means unset. A value the spec refuses is shown in red with the spec's message and is not
 * committed: the form, and so the draft, stay as they were.
 *
 * <p>Ids: the control is {@code field-<key with dots as dashes>}, its message {@code problem-<same>}.
 */
final class FieldEditor {

    private static final double LABEL_WIDTH = 150;

    private final FieldSpec spec;
    private final Consumer<String> commit;
    private final Control control;
    private final Label problem = new Label();
    private final VBox root;
    private boolean refreshing;
    private String shown = "";

    private FieldEditor(FieldSpec spec, Consumer<String> commit) {
        this.spec = spec;
        this.commit = commit;
        this.control = switch (spec.kind()) {
            case INTEGER, DURATION -> spinner();
            case BOOLEAN -> checkBox();
            case CHOICE -> choiceBox();
            default -> textField();
        };
        String id = idOf(spec.key());
        control.setId("field-" + id);
        control.getStyleClass().add("field-control");
        Tooltip tip = new Tooltip(spec.tooltip());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        control.setTooltip(tip);

        Label label = new Label(spec.label());
        label.getStyleClass().add("field-label");
        label.setTooltip(tip);
        // one width for every label, so the values line up; a longer label ("Max concurrent retries") wraps onto a
        // second line rather than ending in an ellipsis, and the value keeps its room
        label.setWrapText(true);
        label.setMinWidth(LABEL_WIDTH);
        label.setPrefWidth(LABEL_WIDTH);
        label.setMaxWidth(LABEL_WIDTH);
        label.setMinHeight(Region.USE_PREF_SIZE);
        control.setMinWidth(spec.kind() == FieldSpec.Kind.BOOLEAN ? Region.USE_PREF_SIZE : 100);
        label.setLabelFor(control);
        Label unit = new Label(spec.kind() == FieldSpec.Kind.DURATION ? "" : spec.unit());
        unit.getStyleClass().add("field-unit");
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, label, control, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.SOMETIMES);

        problem.setId("problem-" + id);
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        root = new VBox(2, row, problem);
        root.getStyleClass().add("field-editor");
    }

    /**
     * @param commit receives a valid text (blank: unset) the user entered; it may still refuse it by calling
     *               {@link #showProblem}
     */
    static FieldEditor of(FieldSpec spec, Consumer<String> commit) {
        return new FieldEditor(spec, commit);
    }

    static String idOf(String key) {
        return key.replace('.', '-');
    }

    FieldSpec spec() {
        return spec;
    }

    Node node() {
        return root;
    }

    Control control() {
        return control;
    }

    /** Shows the model's value and clears any message. */
    void setText(String text) {
        String value = text == null ? "" : text;
        refreshing = true;
        try {
            shown = value;
            clearProblem();
            if (control instanceof Spinner<?>) {
                @SuppressWarnings("unchecked")
                Spinner<String> spinner = (Spinner<String>) control;
                spinner.getValueFactory().setValue(value);
                spinner.getEditor().setText(value);
            } else if (control instanceof CheckBox box) {
                box.setIndeterminate(value.isEmpty());
                box.setSelected(value.equalsIgnoreCase("true"));
            } else if (control instanceof ChoiceBox<?>) {
                @SuppressWarnings("unchecked")
                ChoiceBox<String> choice = (ChoiceBox<String>) control;
                if (!value.isEmpty() && !choice.getItems().contains(value)) {
                    choice.getItems().add(value);
                }
                choice.setValue(value);
            } else {
                ((TextField) control).setText(value);
            }
        } finally {
            refreshing = false;
        }
    }

    void setDisable(boolean disable) {
        control.setDisable(disable);
    }

    void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
        if (!control.getStyleClass().contains("invalid")) {
            control.getStyleClass().add("invalid");
        }
    }

    void clearProblem() {
        problem.setText("");
        problem.setVisible(false);
        control.getStyleClass().remove("invalid");
    }

    Optional<String> problem() {
        return problem.isVisible() ? Optional.of(problem.getText()) : Optional.empty();
    }

    private void entered(String text) {
        if (refreshing) {
            return;
        }
        String value = text == null ? "" : text.trim();
        Optional<String> refused = spec.problem(value);
        if (refused.isPresent()) {
            showProblem(refused.get());
            return;
        }
        clearProblem();
        if (!value.equals(shown)) {
            commit.accept(value);
        }
    }

    // ---- controls ----

    private Spinner<String> spinner() {
        Spinner<String> spinner = new Spinner<>();
        spinner.setValueFactory(new StepFactory(spec));
        spinner.setEditable(true);
        spinner.setPrefWidth(120);
        spinner.getEditor().setPromptText("default");
        spinner.valueProperty().addListener((obs, old, now) -> entered(now));
        return spinner;
    }

    private CheckBox checkBox() {
        CheckBox box = new CheckBox();
        box.setAllowIndeterminate(true);
        box.setIndeterminate(true);
        Runnable changed = () -> entered(box.isIndeterminate() ? "" : Boolean.toString(box.isSelected()));
        box.selectedProperty().addListener((obs, old, now) -> changed.run());
        box.indeterminateProperty().addListener((obs, old, now) -> changed.run());
        return box;
    }

    private ChoiceBox<String> choiceBox() {
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(spec.choices());
        ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(items));
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "(Istio's default)" : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        choice.setPrefWidth(150);
        choice.setMaxWidth(150);
        choice.setValue("");
        choice.valueProperty().addListener((obs, old, now) -> entered(now));
        return choice;
    }

    private TextField textField() {
        TextField field = new TextField();
        field.setPromptText(spec.kind() == FieldSpec.Kind.INTEGER_LIST ? "comma separated" : "");
        field.setPrefColumnCount(16);
        field.setOnAction(e -> entered(field.getText()));
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                entered(field.getText());
            }
        });
        return field;
    }

    /**
     * Text values stepped by the spec: integers by {@code step}, durations by {@code step} milliseconds,
     * clamped to the range; a blank field steps from the minimum.
     */
    private static final class StepFactory extends SpinnerValueFactory<String> {
        private final FieldSpec spec;

        StepFactory(FieldSpec spec) {
            this.spec = spec;
            setConverter(new StringConverter<>() {
                @Override
                public String toString(String value) {
                    return value == null ? "" : value;
                }

                @Override
                public String fromString(String text) {
                    return text == null ? "" : text.trim();
                }
            });
            setValue("");
        }

        @Override
        public void decrement(int steps) {
            step(-steps);
        }

        @Override
        public void increment(int steps) {
            step(steps);
        }

        private void step(int steps) {
            Long current = current();
            long base = current == null ? spec.min() : current + steps * spec.step();
            long clamped = Math.max(spec.min(), Math.min(spec.max(), base));
            setValue(spec.kind() == FieldSpec.Kind.DURATION ? IstioDuration.ofMillis(clamped).toString()
                    : Long.toString(clamped));
        }

        private Long current() {
            String text = getValue();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                if (spec.kind() == FieldSpec.Kind.DURATION) {
                    return IstioDuration.parse(text.trim()).value().toMillis();
                }
                return Long.parseLong(text.trim());
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
