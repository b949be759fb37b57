package dev.meshdeck.views;

/**
 * Which side panes the main window shows next to its centre tabs. The source tree needs room: it is shown
 * when the user asked for it, or by default on a window at least {@link #WIDE} wide; a laptop's 1280 px go to
 * the table. The policy editor, in its own centre tab, takes the whole width: no tree, no details pane.
 *
 * @param tree    the source tree on the left
 * @param details the selected function's details on the right
 * @param detailsWidth how wide the details pane starts
 */
record PaneLayout(boolean tree, boolean details, double detailsWidth) {

    /** From this width the source tree is shown unless the user hid it. */
    static final double WIDE = 1400;
    static final double TREE_WIDTH = 210;
    static final double DETAILS_WIDTH = 290;
    /** Narrower details below {@link #NARROW}: the table's essential columns need about 650 px. */
    static final double NARROW_DETAILS_WIDTH = 260;
    static final double NARROW = 1200;

    /**
     * @param treeChoice the user's last use of the sources toggle; null before any
     */
    static PaneLayout of(double width, boolean editorShown, Boolean treeChoice) {
        double detailsWidth = width < NARROW ? NARROW_DETAILS_WIDTH : DETAILS_WIDTH;
        if (editorShown) {
            return new PaneLayout(false, false, detailsWidth);
        }
        return new PaneLayout(treeChoice != null ? treeChoice : width >= WIDE, true, detailsWidth);
    }
}
