package dev.meshdeck.views.commands;

/**
 * One line of the command palette: a function to jump to, or an action of the window.
 *
 * @param title  what the query is matched against first: the function's or the action's name
 * @param detail where the function runs, or what the action does; matched when the title does not match
 * @param keys   the action's shortcut as shown ("Ctrl+H"), or "" for none
 * @param run    what choosing the line does
 */
public record PaletteEntry(Kind kind, String title, String detail, String keys, Runnable run) {

    public enum Kind { ACTION, FUNCTION }
}
