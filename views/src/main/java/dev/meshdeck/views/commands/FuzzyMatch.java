package dev.meshdeck.views.commands;

import java.util.Locale;
import java.util.Optional;

/**
 * How well a typed query matches a name: every character of the query must appear in the name in order
 * (case ignored), and a match scores higher where its characters start words ("pf" in "payment-function"), run
 * together ("order" in "order-function") or open the name. The best placement is found, not the first one.
 *
 * @param score     higher is better
 * @param positions where each query character matched in the name, for highlighting
 */
public record FuzzyMatch(int score, int[] positions) {

    private static final int MATCH = 1;
    private static final int FIRST_CHARACTER = 8;
    private static final int WORD_START = 6;
    private static final int CONSECUTIVE = 5;
    private static final int GAP = 1;
    private static final int NONE = Integer.MIN_VALUE / 2;

    /** The best match of {@code query} in {@code name}; empty when some query character is missing. */
    public static Optional<FuzzyMatch> of(String query, String name) {
        String q = query.toLowerCase(Locale.ROOT).replace(" ", "");
        String t = name.toLowerCase(Locale.ROOT);
        int m = q.length();
        int n = t.length();
        if (m == 0) {
            return Optional.of(new FuzzyMatch(0, new int[0]));
        }
        if (m > n) {
            return Optional.empty();
        }
        // best[i][j]: the best score of q[0..i] with q[i] placed on t[j]; from[i][j]: where q[i-1] was then
        int[][] best = new int[m][n];
        int[][] from = new int[m][n];
        for (int i = 0; i < m; i++) {
            // the best placement of q[i-1] strictly before j - 1, and where it was
            int bestBefore = NONE;
            int bestBeforeAt = -1;
            for (int j = 0; j < n; j++) {
                best[i][j] = NONE;
                if (i > 0 && j >= 2 && best[i - 1][j - 2] > bestBefore) {
                    bestBefore = best[i - 1][j - 2];
                    bestBeforeAt = j - 2;
                }
                if (t.charAt(j) != q.charAt(i)) {
                    continue;
                }
                int here = MATCH + (j == 0 ? FIRST_CHARACTER : 0) + (startsWord(name, j) ? WORD_START : 0);
                if (i == 0) {
                    best[i][j] = here - Math.min(j, 10) * GAP;
                    from[i][j] = -1;
                    continue;
                }
                int adjacent = j >= 1 && best[i - 1][j - 1] > NONE ? best[i - 1][j - 1] + CONSECUTIVE : NONE;
                int apart = bestBefore > NONE ? bestBefore - GAP : NONE;
                if (adjacent == NONE && apart == NONE) {
                    continue;
                }
                if (adjacent >= apart) {
                    best[i][j] = adjacent + here;
                    from[i][j] = j - 1;
                } else {
                    best[i][j] = apart + here;
                    from[i][j] = bestBeforeAt;
                }
            }
        }
        int end = -1;
        for (int j = 0; j < n; j++) {
            if (best[m - 1][j] > NONE && (end < 0 || best[m - 1][j] > best[m - 1][end])) {
                end = j;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        int[] positions = new int[m];
        int at = end;
        for (int i = m - 1; i >= 0; i--) {
            positions[i] = at;
            at = from[i][at];
        }
        return Optional.of(new FuzzyMatch(best[m - 1][end], positions));
    }

    /** A word starts after a separator or where lower case turns to upper case ("failOver"). */
    private static boolean startsWord(String name, int index) {
        if (index == 0) {
            return true;
        }
        char before = name.charAt(index - 1);
        char here = name.charAt(index);
        return !Character.isLetterOrDigit(before) || (Character.isLowerCase(before) && Character.isUpperCase(here));
    }
}
