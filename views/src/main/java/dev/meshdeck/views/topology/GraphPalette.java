package dev.meshdeck.views.topology;

import dev.meshdeck.views.shell.Theme;
import javafx.scene.paint.Color;

/**
 * The colours of the graph's surface in one theme: background, text, boxes, tiles and the plates behind labels.
 * The colours that carry meaning (platforms, route kinds, errors) are the same in both themes, so a legend
 * learnt in one reads in the other.
 */
record GraphPalette(Color background, Color text, Color muted, Color labelPlate, Color boxFill, Color boxStroke,
                    Color tile, Color selected, double versionBrightness) {

    static final GraphPalette LIGHT = new GraphPalette(Color.web("#f8fafc"), Color.web("#0f172a"), Color.web("#475569"),
            Color.web("#ffffff", 0.85),
            Color.web("#e2e8f0", 0.6),
            Color.web("#94a3b8"), Color.WHITE, Color.web("#0f172a"), 1.6);

    /** GitHub's dark canvas, as AtlantaFX's Primer Dark: the graph sits in the window like any other pane. */
    static final GraphPalette DARK = new GraphPalette(Color.web("#0d1117"), Color.web("#e6edf3"), Color.web("#8d96a0"),
            Color.web("#161b22", 0.88),
            Color.web("#21262d", 0.8),
            Color.web("#6e7681"), Color.web("#161b22"), Color.web("#e6edf3"), 0.45);

    static GraphPalette of(Theme theme) {
        return theme == Theme.DARK ? DARK : LIGHT;
    }
}
