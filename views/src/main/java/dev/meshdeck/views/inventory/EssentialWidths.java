package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.InventoryFormat;
import dev.meshdeck.core.inventory.ServerlessFunction;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Keeps the table's essential columns (function, traffic, health) at least as wide as their widest text, so
 * that a narrow window cuts the other columns instead. Measured with the table's fonts (inventory.css: 12 px,
 * names bold, the place line 11 px); one absurdly long name is capped rather than allowed to push out the rest.
 */
final class EssentialWidths {

    /** Cell padding (6 + 6 in inventory.css) and a margin for rounding. */
    private static final double PADDING = 12 + 6;
    /** The health icon and its gap to the text. */
    private static final double ICON = 16 + 6;
    private static final double CAP = 340;

    private final Text probe = new Text();
    private final Font regular = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 12);
    private final Font bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);
    private final Font small = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 11);
    private final List<TableColumn<ServerlessFunction, ?>> columns;

    EssentialWidths(TableColumn<ServerlessFunction, ?> function, TableColumn<ServerlessFunction, ?> traffic,
                    TableColumn<ServerlessFunction, ?> health) {
        this.columns = List.of(function, traffic, health);
    }

    void fit(Collection<ServerlessFunction> functions) {
        fit(columns.get(0), functions, f -> Math.max(width(f.name(), bold), width(FunctionText.shortPlace(f), small)));
        fit(columns.get(1), functions, f -> InventoryFormat.trafficParts(f.traffic()).stream()
                .mapToDouble(line -> width(line, regular)).max().orElse(0));
        fit(columns.get(2), functions, f -> ICON + width(FunctionText.health(f.platform(), f.health()), regular));
    }

    private static void fit(TableColumn<ServerlessFunction, ?> column, Collection<ServerlessFunction> functions,
                            ToDoubleFunction<ServerlessFunction> textWidth) {
        double widest = functions.stream().mapToDouble(textWidth).max().orElse(0);
        double width = Math.ceil(Math.min(CAP, widest + PADDING));
        // exactly that: spare room goes to the other columns, and a narrow table never takes from these
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    private double width(String text, Font font) {
        probe.setText(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
