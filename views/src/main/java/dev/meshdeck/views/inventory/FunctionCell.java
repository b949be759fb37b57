package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.ServerlessFunction;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/** A table cell drawn from its value: text, optional icon, optional style class and tooltip. */
final class FunctionCell<T> extends TableCell<ServerlessFunction, T> {

    private final Function<T, String> text;
    private final Function<T, Node> graphic;
    private final Function<T, String> styleClass;
    private final Function<T, String> tooltip;
    // One tooltip per cell, re-texted on reuse: creating a Tooltip per update is costly with many rows.
    private final Tooltip tip = new Tooltip();
    private String appliedStyleClass;

    FunctionCell(Function<T, String> text, Function<T, Node> graphic,
                 Function<T, String> styleClass, Function<T, String> tooltip) {
        this.text = text;
        this.graphic = graphic;
        this.styleClass = styleClass;
        this.tooltip = tooltip;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        // Cells are reused for other rows: drop the previous row's style before applying this one's.
        if (appliedStyleClass != null) {
            getStyleClass().remove(appliedStyleClass);
            appliedStyleClass = null;
        }
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        setText(text.apply(item));
        setGraphic(graphic.apply(item));
        String tipText = tooltip.apply(item);
        tip.setText(tipText);
        setTooltip(tipText == null || tipText.isEmpty() ? null : tip);
        appliedStyleClass = styleClass.apply(item);
        if (appliedStyleClass != null) {
            getStyleClass().add(appliedStyleClass);
        }
    }
}
