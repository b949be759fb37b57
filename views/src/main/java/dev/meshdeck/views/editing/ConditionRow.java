package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.forms.MatchCondition;
import dev.meshdeck.core.editing.forms.MatchCondition.Attribute;
import dev.meshdeck.core.editing.forms.MatchCondition.Comparison;
import java.util.Arrays;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/**
 * The controls of one match condition: attribute (header, without header, URI, method, query param), its name,
 * the comparison (exact, prefix, regex, present) and the value. Ids: {@code <prefix>-attribute}, {@code -name},
 * {@code -comparison}, {@code -value}.
 */
final class ConditionRow {

    private final ChoiceBox<Attribute> attribute = new ChoiceBox<>(FXCollections.observableArrayList(Attribute.values()));
    private final TextField name = new TextField();
    private final ChoiceBox<Comparison> comparison = new ChoiceBox<>(FXCollections.observableArrayList(Comparison.values()));
    private final TextField value = new TextField();
    private final FlowPane root;

    ConditionRow(String idPrefix) {
        attribute.setId(idPrefix + "-attribute");
        name.setId(idPrefix + "-name");
        comparison.setId(idPrefix + "-comparison");
        value.setId(idPrefix + "-value");
        attribute.setConverter(new StringConverter<>() {
            @Override
            public String toString(Attribute a) {
                return a == null ? "" : a.label();
            }

            @Override
            public Attribute fromString(String s) {
                return Arrays.stream(Attribute.values()).filter(a -> a.label().equals(s)).findFirst().orElse(null);
            }
        });
        comparison.setConverter(new StringConverter<>() {
            @Override
            public String toString(Comparison c) {
                return c == null ? "" : c.label();
            }

            @Override
            public Comparison fromString(String s) {
                return Arrays.stream(Comparison.values()).filter(c -> c.label().equals(s)).findFirst().orElse(null);
            }
        });
        attribute.setTooltip(new Tooltip("What the condition looks at. All conditions of one match entry must hold; "
                + "the route takes a request when any entry matches."));
        name.setPromptText("header name");
        name.setPrefColumnCount(9);
        value.setPromptText("value");
        value.setPrefColumnCount(9);
        comparison.setTooltip(new Tooltip("exact, prefix, regex (RE2), or present: the header only has to be there"));
        attribute.valueProperty().addListener((obs, old, now) -> {
            boolean named = now != null && now.named();
            name.setDisable(!named);
            name.setPromptText(now == Attribute.QUERY_PARAM ? "parameter" : "header name");
        });
        comparison.valueProperty().addListener((obs, old, now) -> value.setDisable(now == Comparison.PRESENT));
        clear();
        root = new FlowPane(6, 6, attribute, name, comparison, value);
        root.getStyleClass().add("condition-row");
    }

    Node node() {
        return root;
    }

    /**
     * The condition the controls describe.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    MatchCondition condition() {
        return MatchCondition.of(attribute.getValue(), name.getText(), comparison.getValue(), value.getText());
    }

    void clear() {
        attribute.setValue(Attribute.HEADER);
        comparison.setValue(Comparison.EXACT);
        name.clear();
        value.clear();
    }
}
