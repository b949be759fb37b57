package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.InventoryFormat;
import dev.meshdeck.core.inventory.ServerlessFunction;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Keeps the table's essential columns (function, traffic, health) at least as wide as their widest text, so
 * that a narrow window cuts the other columns instead. Measured with the table's fonts (inventory.css: 12 px,
 * names bold, the place line 11 px); one absurdly long name is capped rather than allowed to push out the rest.
 * A large inventory is measured in the background: 10,000 functions' texts took half of the UI thread's time
 * while a large cluster's rows came in (#22), and the rows need not wait for their columns' widths.
 */
final class EssentialWidths {

    /** Up to this many functions are measured at once on the UI thread (milliseconds); more in the background. */
    static final int AT_ONCE = 1_000;
    /** Cell padding (6 + 6 in inventory.css) and a margin for rounding. */
    private static final double PADDING = 12 + 6;
    /** The health icon and its gap to the text. */
    private static final double ICON = 16 + 6;
    private static final double CAP = 340;
    private static final Font REGULAR = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 12);
    private static final Font BOLD = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 11);
    /** One thread for every table: a text node not in a scene may be measured off the UI thread. */
    private static final ExecutorService MEASURING = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "meshdeck-column-widths");
        t.setDaemon(true);
        return t;
    });

    private final List<TableColumn<ServerlessFunction, ?>> columns;
    /** The latest fit asked for, so an older measurement that finishes later is dropped. UI thread. */
    private long latest;

    EssentialWidths(TableColumn<ServerlessFunction, ?> function, TableColumn<ServerlessFunction, ?> traffic,
                    TableColumn<ServerlessFunction, ?> health) {
        this.columns = List.of(function, traffic, health);
    }

    /** Fits the columns to {@code functions}, at once when they are few, else when measured. UI thread. */
    void fit(Collection<ServerlessFunction> functions) {
        long fit = ++latest;
        if (functions.size() <= AT_ONCE) {
            set(widest(functions));
            return;
        }
        List<ServerlessFunction> copy = List.copyOf(functions);
        MEASURING.execute(() -> {
            double[] widths = widest(copy);
            Platform.runLater(() -> {
                if (fit == latest) {
                    set(widths);
                }
            });
        });
    }

    /** The widest text of each column, each distinct text measured once. */
    private static double[] widest(Collection<ServerlessFunction> functions) {
        Text probe = new Text();
        double function = Math.max(widest(probe, BOLD, functions.stream().map(ServerlessFunction::name)),
                widest(probe, SMALL, functions.stream().map(FunctionText::shortPlace)));
        double traffic = widest(probe, REGULAR,
                functions.stream().flatMap(f -> InventoryFormat.trafficParts(f.traffic()).stream()));
        double health = functions.isEmpty() ? 0 : ICON + widest(probe, REGULAR,
                functions.stream().map(f -> FunctionText.health(f.platform(), f.health())));
        return new double[] {function, traffic, health};
    }

    private static double widest(Text probe, Font font, Stream<String> texts) {
        probe.setFont(font);
        return texts.distinct().mapToDouble(text -> {
            probe.setText(text);
            return probe.getLayoutBounds().getWidth();
        }).max().orElse(0);
    }

    private void set(double[] widths) {
        for (int i = 0; i < columns.size(); i++) {
            double width = Math.ceil(Math.min(CAP, widths[i] + PADDING));
            // exactly that: spare room goes to the other columns, and a narrow table never takes from these
            TableColumn<ServerlessFunction, ?> column = columns.get(i);
            column.setMinWidth(width);
            column.setPrefWidth(width);
            column.setMaxWidth(width);
        }
    }
}
