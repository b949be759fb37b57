package dev.meshdeck.core.editing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer sees between the live object and the candidate, line by line: a longest-common-subsequence
 * diff over the two texts, shown unified ({@code diff -u}) or side by side. Objects are compared as rendered
 * for review, so status, resourceVersion and other server-owned fields never show up as changes.
 */
public final class LineDiff {

    /** Beyond this many differing lines on each side the diff shows a plain replacement instead of an LCS. */
    private static final int LCS_LIMIT = 4_000;

    public enum Change { SAME, REMOVED, ADDED }

    /**
     * One line of the unified diff.
     *
     * @param oldLine 1-based line in the live text, 0 for an added line
     * @param newLine 1-based line in the candidate text, 0 for a removed line
     */
    public record Line(Change change, int oldLine, int newLine, String text) {
    }

    /**
     * One row of the side-by-side diff: a removed line faces the added line that replaces it.
     *
     * @param left  the live line, or null where the candidate adds one
     * @param right the candidate line, or null where it removes one
     */
    public record Row(int leftLine, String left, int rightLine, String right) {
        public boolean changed() {
            return left == null || right == null || !left.equals(right);
        }
    }

    private final List<Line> lines;

    private LineDiff(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The diff between the live object and the candidate, both rendered for review. */
    public static LineDiff between(JsonNode live, JsonNode candidate) {
        return of(YamlRenderer.render(YamlRenderer.forReview(live)), YamlRenderer.render(YamlRenderer.forReview(candidate)));
    }

    public static LineDiff of(String oldText, String newText) {
        List<String> a = oldText.lines().toList();
        List<String> b = newText.lines().toList();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            out.add(new Line(Change.SAME, i + 1, i + 1, a.get(i)));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, out);
        for (int k = suffix; k > 0; k--) {
            int i = a.size() - k;
            int j = b.size() - k;
            out.add(new Line(Change.SAME, i + 1, j + 1, a.get(i)));
        }
        return new LineDiff(out);
    }

    /** LCS by dynamic programming over what differs; removals come before additions within a change. */
    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if (n > LCS_LIMIT || m > LCS_LIMIT) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Change.REMOVED, offset + i + 1, 0, a.get(i)));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Change.ADDED, 0, offset + j + 1, b.get(j)));
            }
            return;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Change.SAME, offset + i + 1, offset + j + 1, a.get(i)));
                i++;
                j++;
            } else if (j >= m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Change.REMOVED, offset + i + 1, 0, a.get(i)));
                i++;
            } else {
                out.add(new Line(Change.ADDED, 0, offset + j + 1, b.get(j)));
                j++;
            }
        }
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean changed() {
        return lines.stream().anyMatch(l -> l.change() != Change.SAME);
    }

    /** Lines added plus lines removed. */
    public int changeCount() {
        return (int) lines.stream().filter(l -> l.change() != Change.SAME).count();
    }

    /**
     * {@code diff -u} text: headers, then hunks with {@code context} unchanged lines around each change.
     * Empty when nothing changed.
     */
    public String unified(String oldName, String newName, int context) {
        if (!changed()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        s.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int k = 0;
        while (k < lines.size()) {
            int first = nextChange(k);
            if (first < 0) {
                break;
            }
            int start = Math.max(k, first - context);
            int end = first;
            // extend the hunk while the next change is within 2*context lines
            while (true) {
                int lastChange = end;
                while (lastChange + 1 < lines.size() && lines.get(lastChange + 1).change() != Change.SAME) {
                    lastChange++;
                }
                int next = nextChange(lastChange + 1);
                if (next >= 0 && next - lastChange - 1 <= 2 * context) {
                    end = next;
                } else {
                    end = Math.min(lines.size() - 1, lastChange + context);
                    break;
                }
            }
            appendHunk(s, start, end);
            k = end + 1;
        }
        return s.toString();
    }

    private int nextChange(int from) {
        for (int k = from; k < lines.size(); k++) {
            if (lines.get(k).change() != Change.SAME) {
                return k;
            }
        }
        return -1;
    }

    private void appendHunk(StringBuilder s, int start, int end) {
        int oldCount = 0;
        int newCount = 0;
        int oldStart = 0;
        int newStart = 0;
        for (int k = start; k <= end; k++) {
            Line l = lines.get(k);
            if (l.change() != Change.ADDED) {
                oldCount++;
                oldStart = oldStart == 0 ? l.oldLine() : oldStart;
            }
            if (l.change() != Change.REMOVED) {
                newCount++;
                newStart = newStart == 0 ? l.newLine() : newStart;
            }
        }
        s.append("@@ -").append(range(oldStart, oldCount, start, true)).append(" +")
                .append(range(newStart, newCount, start, false)).append(" @@\n");
        for (int k = start; k <= end; k++) {
            Line l = lines.get(k);
            s.append(switch (l.change()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            }).append(l.text()).append('\n');
        }
    }

    /** "start,count" as diff prints it; an empty side names the line before the hunk. */
    private String range(int startLine, int count, int hunkStart, boolean old) {
        if (count == 0) {
            int before = 0;
            for (int k = hunkStart - 1; k >= 0; k--) {
                int n = old ? lines.get(k).oldLine() : lines.get(k).newLine();
                if (n > 0) {
                    before = n;
                    break;
                }
            }
            return before + ",0";
        }
        return count == 1 ? String.valueOf(startLine) : startLine + "," + count;
    }

    /** Rows for two columns: unchanged lines face each other, removed lines face the lines that replace them. */
    public List<Row> sideBySide() {
        List<Row> rows = new ArrayList<>();
        int k = 0;
        while (k < lines.size()) {
            Line l = lines.get(k);
            if (l.change() == Change.SAME) {
                rows.add(new Row(l.oldLine(), l.text(), l.newLine(), l.text()));
                k++;
                continue;
            }
            List<Line> removed = new ArrayList<>();
            List<Line> added = new ArrayList<>();
            while (k < lines.size() && lines.get(k).change() != Change.SAME) {
                (lines.get(k).change() == Change.REMOVED ? removed : added).add(lines.get(k));
                k++;
            }
            for (int r = 0; r < Math.max(removed.size(), added.size()); r++) {
                Line left = r < removed.size() ? removed.get(r) : null;
                Line right = r < added.size() ? added.get(r) : null;
                rows.add(new Row(left == null ? 0 : left.oldLine(), left == null ? null : left.text(),
                        right == null ? 0 : right.newLine(), right == null ? null : right.text()));
            }
        }
        return rows;
    }
}
