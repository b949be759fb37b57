package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.forms.FieldSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The fields of a list entry being built or edited (an authorization rule, a JWT issuer), laid out from their
 * {@link FieldSpec}s: each label above its field so narrow forms keep both, a {@code not*} field beside the
 * field it negates, fields grouped in titled panes when a group is given. Values travel as text (flags as
 * "true"/"false", "" when unset). Ids: {@code <prefix>-<key with dots as dashes>}.
 */
final class EntryFields {

    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final VBox root = new VBox(6);

    /**
     * @param groupOf the titled group of a field, or null for one plain grid
     * @param isList  whether a field takes a comma-separated list (its prompt says so)
     */
    EntryFields(List<FieldSpec> specs, Function<FieldSpec, String> groupOf, java.util.function.Predicate<String> isList,
                String idPrefix) {
        Map<String, GridPane> grids = new LinkedHashMap<>();
        boolean pairs = specs.stream().anyMatch(EntryFields::negation);
        for (FieldSpec spec : specs) {
            Control control = spec.kind() == FieldSpec.Kind.BOOLEAN ? flag() : text(isList.test(spec.key()));
            control.setId(idPrefix + "-" + FieldEditor.idOf(spec.key()));
            Tooltip tip = new Tooltip(spec.tooltip());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            control.setTooltip(tip);
            Label label = new Label(spec.label());
            label.setTooltip(tip);
            label.setLabelFor(control);
            label.getStyleClass().add("field-label");
            controls.put(spec.key(), control);
            String group = groupOf == null ? "" : groupOf.apply(spec);
            GridPane grid = grids.computeIfAbsent(group, g -> grid(pairs ? 2 : 1));
            boolean negation = negation(spec);
            int row = negation ? Math.max(0, grid.getRowCount() - 1) : grid.getRowCount();
            VBox cell = new VBox(2, label, control);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            grid.add(cell, negation ? 1 : 0, row);
        }
        grids.forEach((group, grid) -> root.getChildren().add(group.isEmpty() ? grid : new TitledPane(group, grid)));
    }

    private static boolean negation(FieldSpec spec) {
        String name = spec.fieldName();
        return name.startsWith("not") && name.length() > 3 && Character.isUpperCase(name.charAt(3));
    }

    private static GridPane grid(int columns) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int i = 0; i < columns; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }

    private static TextField text(boolean list) {
        TextField field = new TextField();
        field.setPromptText(list ? "comma separated" : "");
        field.setPrefColumnCount(8);
        return field;
    }

    private static CheckBox flag() {
        CheckBox box = new CheckBox();
        box.setAllowIndeterminate(true);
        box.setIndeterminate(true);
        return box;
    }

    Node node() {
        return root;
    }

    Control control(String key) {
        return controls.get(key);
    }

    /** Every field's text, "" when empty or unset. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        controls.forEach((key, control) -> {
            if (control instanceof CheckBox box) {
                out.put(key, box.isIndeterminate() ? "" : Boolean.toString(box.isSelected()));
            } else {
                out.put(key, ((TextField) control).getText().trim());
            }
        });
        return out;
    }

    /** Shows these values; missing keys are cleared. */
    void fill(Function<String, String> text) {
        controls.forEach((key, control) -> {
            String value = text.apply(key);
            if (control instanceof CheckBox box) {
                box.setIndeterminate(value.isEmpty());
                box.setSelected(value.equalsIgnoreCase("true"));
            } else {
                ((TextField) control).setText(value);
            }
        });
    }

    void clear() {
        fill(key -> "");
    }
}
