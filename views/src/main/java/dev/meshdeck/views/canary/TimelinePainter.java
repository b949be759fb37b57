package dev.meshdeck.views.canary;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link Timeline}: three bands over the judged intervals — the candidate's weight as steps, the success
 * rate of candidate and stable with the minimum as a dashed line, their latency with the maximum as a dashed line.
 * Failed intervals are marked red.
 */
final class TimelinePainter {

    private static final Color CANDIDATE = Color.web("#d9822b");
    private static final Color STABLE = Color.web("#4a7ebb");
    private static final Color THRESHOLD = Color.web("#c23030");
    private static final Color GRID = Color.web("#8a8a8a", 0.4);
    private static final double LEFT = 90;

    private TimelinePainter() {
    }

    static void paint(Canvas canvas, Timeline timeline) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (timeline == null || w < LEFT + 20 || h < 60) {
            return;
        }
        double band = (h - 20) / 3;
        List<Timeline.Point> points = timeline.points();
        int slots = Math.max(points.size(), 1);
        double step = (w - LEFT - 10) / slots;
        label(g, "weight %", 0, band);
        label(g, "success %", band, band);
        label(g, (timeline.percentile().isEmpty() ? "p99" : timeline.percentile()) + " ms", 2 * band, band);
        for (int i = 0; i < points.size(); i++) {
            Timeline.Point p = points.get(i);
            double x = LEFT + i * step;
            g.setFill(p.passed() ? CANDIDATE.deriveColor(0, 1, 1, 0.6) : THRESHOLD.deriveColor(0, 1, 1, 0.6));
            double barHeight = (band - 10) * p.weight() / 100.0;
            g.fillRect(x + 2, band - barHeight, step - 4, barHeight);
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(p.weight() + "%", x + step / 2, band - barHeight - 4);
            dot(g, STABLE, x + step / 2, y(p.stableSuccess(), 90, 100, band, band));
            dot(g, CANDIDATE, x + step / 2, y(p.candidateSuccess(), 90, 100, band, band));
            value(g, String.format(java.util.Locale.ROOT, "%.1f%%", p.candidateSuccess()), x + step / 2,
                    y(p.candidateSuccess(), 90, 100, band, band));
            dot(g, STABLE, x + step / 2, y(p.stableLatency(), 0, timeline.latencyScale(), 2 * band, band));
            dot(g, CANDIDATE, x + step / 2, y(p.candidateLatency(), 0, timeline.latencyScale(), 2 * band, band));
            value(g, String.format(java.util.Locale.ROOT, "%.0f", p.candidateLatency()), x + step / 2,
                    y(p.candidateLatency(), 0, timeline.latencyScale(), 2 * band, band));
        }
        threshold(g, y(timeline.minSuccessRate(), 90, 100, band, band), w);
        if (!Double.isNaN(timeline.maxLatencyMillis())) {
            threshold(g, y(timeline.maxLatencyMillis(), 0, timeline.latencyScale(), 2 * band, band), w);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(CANDIDATE);
        g.fillText("● candidate", LEFT, h - 4);
        g.setFill(STABLE);
        g.fillText("● stable", LEFT + 90, h - 4);
        g.setFill(THRESHOLD);
        g.fillText("- - threshold", LEFT + 160, h - 4);
    }

    /** Where {@code value} sits in a band from {@code low} (bottom) to {@code high} (top); clamped. */
    private static double y(double value, double low, double high, double top, double band) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double share = Math.max(0, Math.min(1, (value - low) / (high - low)));
        return top + band - 5 - share * (band - 10);
    }

    private static void dot(GraphicsContext g, Color color, double x, double y) {
        if (!Double.isNaN(y)) {
            g.setFill(color);
            g.fillOval(x - 4, y - 4, 8, 8);
        }
    }

    /** The candidate's figure beside its dot. */
    private static void value(GraphicsContext g, String text, double x, double y) {
        if (!Double.isNaN(y)) {
            g.setFill(CANDIDATE.darker());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(text, x + 8, y + 4);
        }
    }

    private static void threshold(GraphicsContext g, double y, double w) {
        g.setStroke(THRESHOLD);
        g.setLineDashes(6, 4);
        g.strokeLine(LEFT, y, w - 10, y);
        g.setLineDashes((double[]) null);
    }

    private static void label(GraphicsContext g, String text, double top, double band) {
        g.setStroke(GRID);
        g.strokeLine(LEFT, top + band - 5, LEFT + 10000, top + band - 5);
        g.setFill(Color.GRAY);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, 6, top + 4);
        g.setTextBaseline(VPos.BASELINE);
    }
}
