package dev.meshdeck.views.topology;

import java.util.List;

/** What hovering a node or an edge tells: its full name, then every figure the graph knows of it, one per line. */
public record HoverCard(String title, List<String> lines) {

    public HoverCard {
        lines = List.copyOf(lines);
    }

    /** The card as the tooltip shows it. */
    public String text() {
        return lines.isEmpty() ? title : title + "\n" + String.join("\n", lines);
    }
}
