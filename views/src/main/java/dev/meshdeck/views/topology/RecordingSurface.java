package dev.meshdeck.views.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.paint.Color;

/**
 * Keeps the painter's calls to play them onto another surface later, on another thread: the painter reads the
 * model on the FX thread (cheap: no pixels), the pixels are set elsewhere. Batched arrays are kept, not copied:
 * the painter never touches them again.
 */
final class RecordingSurface implements DrawSurface {

    private final List<Consumer<DrawSurface>> calls = new ArrayList<>();

    void replay(DrawSurface target) {
        calls.forEach(c -> c.accept(target));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, double arc, Color fill) {
        calls.add(s -> s.fillRect(x, y, w, h, arc, fill));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth) {
        calls.add(s -> s.strokeRect(x, y, w, h, arc, stroke, lineWidth));
    }

    @Override
    public void lines(double[] xy, int segments, Color stroke, double lineWidth, Dash dash) {
        calls.add(s -> s.lines(xy, segments, stroke, lineWidth, dash));
    }

    @Override
    public void rects(double[] xywh, int count, Color fill) {
        calls.add(s -> s.rects(xywh, count, fill));
    }

    @Override
    public void flush() {
        calls.add(DrawSurface::flush);
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color fill) {
        calls.add(s -> s.triangle(x1, y1, x2, y2, x3, y3, fill));
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        calls.add(s -> s.circle(cx, cy, r, fill));
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color fill, Align align) {
        calls.add(s -> s.text(text, x, y, size, bold, fill, align));
    }
}
