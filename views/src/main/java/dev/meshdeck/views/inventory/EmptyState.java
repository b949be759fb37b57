package dev.meshdeck.views.inventory;

/** What the function table says when it has no row to show, and why. */
public enum EmptyState {
    NONE(""),
    DISCOVERING("Discovering functions…"),
    NO_SOURCES("No sources: no kube context or AWS region is configured"),
    NO_FUNCTIONS("No functions found in the connected sources"),
    NO_MATCH("No functions match the filter");

    private final String message;

    EmptyState(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /**
     * @param sources     sources known
     * @param discovering whether some source has not answered yet
     * @param total       functions known
     * @param shown       functions left after filtering
     */
    public static EmptyState of(int sources, boolean discovering, int total, int shown) {
        if (shown > 0) {
            return NONE;
        }
        if (total > 0) {
            return NO_MATCH;
        }
        if (discovering) {
            return DISCOVERING;
        }
        return sources == 0 ? NO_SOURCES : NO_FUNCTIONS;
    }
}
