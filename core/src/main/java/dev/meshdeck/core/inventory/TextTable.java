package dev.meshdeck.core.inventory;

import java.util.List;

/** Rows as the CLI prints them for people: columns aligned, three spaces apart, the first row the header. */
public final class TextTable {

    private TextTable() {
    }

    public static String render(List<String[]> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                out.append(last ? row[i] : String.format("%-" + widths[i] + "s   ", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
