package dev.meshdeck.views.topology;

import javafx.geometry.VPos;
import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws on a JavaFX canvas. */
final class CanvasSurface implements DrawSurface {

    private static final double[] DASHED = {6, 4};
    private static final double[] DOTTED = {2, 3};

    /**
     * Above this many thin solid lines or plain tiles (the whole graph in view) they are set pixel by pixel into
     * an image drawn at once: JavaFX's software pipeline takes seconds to stroke ten thousand antialiased lines.
     */
    private static final int RASTER_THRESHOLD = 300;

    private final GraphicsContext g;
    private WritableImage image;
    private int[] pixels;
    private boolean layerUsed;

    CanvasSurface(GraphicsContext g) {
        this.g = g;
        g.setTextBaseline(VPos.CENTER);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, double arc, Color fill) {
        g.setFill(fill);
        if (arc > 0) {
            g.fillRoundRect(x, y, w, h, arc, arc);
        } else {
            g.fillRect(x, y, w, h);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.setLineDashes((double[]) null);
        if (arc > 0) {
            g.strokeRoundRect(x, y, w, h, arc, arc);
        } else {
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void lines(double[] xy, int segments, Color stroke, double lineWidth, Dash dash) {
        if (segments == 0) {
            return;
        }
        if (segments > RASTER_THRESHOLD && lineWidth <= 1 && dash == Dash.SOLID) {
            raster(xy, segments, stroke);
            return;
        }
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.setLineDashes(dash == Dash.DASHED ? DASHED : dash == Dash.DOTTED ? DOTTED : null);
        for (int i = 0; i < segments; i++) {
            g.strokeLine(xy[4 * i], xy[4 * i + 1], xy[4 * i + 2], xy[4 * i + 3]);
        }
        g.setLineDashes((double[]) null);
    }

    /** The pixel layer of this frame, cleared on first use; {@link #flush()} draws it. */
    private boolean layer() {
        int w = (int) g.getCanvas().getWidth();
        int h = (int) g.getCanvas().getHeight();
        if (w <= 0 || h <= 0) {
            return false;
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        } else if (!layerUsed) {
            Arrays.fill(pixels, 0);
        }
        layerUsed = true;
        return true;
    }

    private void raster(double[] xy, int segments, Color colour) {
        if (!layer()) {
            return;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int argb = PixelSurface.argb(colour);
        for (int i = 0; i < segments; i++) {
            PixelLines.draw(pixels, w, h, xy[4 * i], xy[4 * i + 1], xy[4 * i + 2], xy[4 * i + 3], argb);
        }
    }

    @Override
    public void rects(double[] xywh, int count, Color fill) {
        if (count <= RASTER_THRESHOLD) {
            for (int i = 0; i < count; i++) {
                fillRect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3], 0, fill);
            }
            return;
        }
        if (!layer()) {
            return;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int argb = PixelSurface.argb(fill);
        for (int i = 0; i < count; i++) {
            int x0 = Math.max(0, (int) xywh[4 * i]);
            int y0 = Math.max(0, (int) xywh[4 * i + 1]);
            int x1 = Math.min(w, (int) Math.ceil(xywh[4 * i] + xywh[4 * i + 2]));
            int y1 = Math.min(h, (int) Math.ceil(xywh[4 * i + 1] + xywh[4 * i + 3]));
            for (int y = y0; y < y1; y++) {
                Arrays.fill(pixels, y * w + x0, Math.max(y * w + x0, y * w + x1), argb);
            }
        }
    }

    @Override
    public void flush() {
        if (layerUsed) {
            int w = (int) image.getWidth();
            image.getPixelWriter().setPixels(0, 0, w, (int) image.getHeight(), PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
            g.drawImage(image, 0, 0);
            layerUsed = false;
        }
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color fill) {
        g.setFill(fill);
        g.fillPolygon(new double[] {x1, x2, x3}, new double[] {y1, y2, y3}, 3);
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        g.setFill(fill);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color fill, Align align) {
        g.setFont(Font.font(GraphPainter.FONT_FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        g.setFill(fill);
        g.setTextAlign(align == Align.LEFT ? TextAlignment.LEFT : align == Align.RIGHT ? TextAlignment.RIGHT : TextAlignment.CENTER);
        g.fillText(text, x, y);
    }
}
