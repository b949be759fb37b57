package dev.meshdeck.views.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the command palette lists for a query, without a screen: the actions and the functions whose names
 * match it fuzzily, best first. A query starting with {@value #ACTIONS_ONLY} lists only actions, one starting
 * with {@value #FUNCTIONS_ONLY} only functions. A match in the detail (a function's namespace, platform or
 * source) counts, below any match in a title.
 */
public final class PaletteModel {

    public static final String ACTIONS_ONLY = ">";
    public static final String FUNCTIONS_ONLY = "@";
    /** Lines listed at most: the palette is for jumping, the table for browsing. */
    public static final int LIMIT = 50;
    /** A title match always ranks above a detail match. */
    private static final int DETAIL_PENALTY = 1000;

    /** A listed entry and where the query matched its title (empty when it matched the detail, or no query). */
    public record Line(PaletteEntry entry, int score, int[] titlePositions) {
    }

    private final Supplier<List<PaletteEntry>> actions;
    private final Supplier<List<PaletteEntry>> functions;

    /** Both are asked again at every query: actions come and go with the window's state, functions with the estate. */
    public PaletteModel(Supplier<List<PaletteEntry>> actions, Supplier<List<PaletteEntry>> functions) {
        this.actions = actions;
        this.functions = functions;
    }

    public List<Line> lines(String query) {
        String q = query.strip();
        List<PaletteEntry> candidates = new ArrayList<>();
        if (q.startsWith(ACTIONS_ONLY)) {
            q = q.substring(ACTIONS_ONLY.length()).strip();
            candidates.addAll(actions.get());
        } else if (q.startsWith(FUNCTIONS_ONLY)) {
            q = q.substring(FUNCTIONS_ONLY.length()).strip();
            candidates.addAll(functions.get());
        } else {
            candidates.addAll(actions.get());
            candidates.addAll(functions.get());
        }
        List<Line> lines = new ArrayList<>();
        for (PaletteEntry entry : candidates) {
            match(q, entry).ifPresent(lines::add);
        }
        // without a query the order given stands (actions, then the table's order); a stable sort keeps it on ties
        if (!q.isEmpty()) {
            lines.sort(Comparator.comparingInt((Line l) -> -l.score()).thenComparingInt(l -> l.entry().title().length()));
        }
        return List.copyOf(lines.subList(0, Math.min(LIMIT, lines.size())));
    }

    private static Optional<Line> match(String query, PaletteEntry entry) {
        if (query.isEmpty()) {
            return Optional.of(new Line(entry, 0, new int[0]));
        }
        Optional<FuzzyMatch> title = FuzzyMatch.of(query, entry.title());
        if (title.isPresent()) {
            return Optional.of(new Line(entry, title.get().score(), title.get().positions()));
        }
        return FuzzyMatch.of(query, entry.detail()).map(m -> new Line(entry, m.score() - DETAIL_PENALTY, new int[0]));
    }
}
