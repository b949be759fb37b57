package dev.meshdeck.core.topology.layout;

/**
 * How wide a node is for its name, and what of the name it shows. A node grows with its name up to
 * {@link #MAX_WIDTH}; a longer name keeps its head and its tail around a middle ellipsis, because names that
 * differ differ at the end ("payment-function-primary", "payment-function-backup"). Widths are estimated from
 * the character count (the layout has no font metrics), generously for the bold 12 px DejaVu Sans the graph uses.
 */
public final class NodeText {

    /** Estimated advance of one character of a node's name at zoom 1. */
    public static final double CHAR_WIDTH = 7.7;
    /** Room beside the name: the platform stripe on the left, a margin on the right. */
    public static final double PADDING = 24;
    public static final double MIN_WIDTH = 96;
    public static final double MAX_WIDTH = 264;
    private static final int MAX_CHARS = (int) ((MAX_WIDTH - PADDING) / CHAR_WIDTH);

    private NodeText() {
    }

    public static double width(String name) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, PADDING + shown(name).length() * CHAR_WIDTH));
    }

    /** The name whole when it fits in the widest node, else its head and tail around "…". */
    public static String shown(String name) {
        if (name.length() <= MAX_CHARS) {
            return name;
        }
        int tail = (MAX_CHARS - 1) / 2;
        int head = MAX_CHARS - 1 - tail;
        return name.substring(0, head) + "…" + name.substring(name.length() - tail);
    }
}
