package dev.meshdeck.views.topology;

import java.util.Arrays;
import javafx.scene.paint.Color;

/**
 * Draws into a plain ARGB array, on any thread: the overview level of the graph (boxes, one-pixel edges, plain
 * tiles), which {@link GraphPainter} draws without text, arrows or badges. Fills blend over what is there.
 */
final class PixelSurface implements DrawSurface {

    private final int width;
    private final int height;
    private final int[] pixels;

    PixelSurface(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int[] pixels() {
        return pixels;
    }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, double arc, Color fill) {
        int x0 = Math.max(0, (int) Math.floor(x));
        int y0 = Math.max(0, (int) Math.floor(y));
        int x1 = Math.min(width, (int) Math.ceil(x + w));
        int y1 = Math.min(height, (int) Math.ceil(y + h));
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int argb = argb(fill);
        int alpha = (int) Math.round(fill.getOpacity() * 256);
        for (int row = y0; row < y1; row++) {
            int from = row * width + x0;
            int to = row * width + x1;
            if (alpha >= 256) {
                Arrays.fill(pixels, from, to, argb);
            } else {
                for (int i = from; i < to; i++) {
                    pixels[i] = blend(pixels[i], argb, alpha);
                }
            }
        }
    }

    /** Source over an opaque destination, alpha in 0..256. */
    private static int blend(int under, int over, int alpha) {
        int keep = 256 - alpha;
        int r = (((over >> 16) & 0xff) * alpha + ((under >> 16) & 0xff) * keep) >> 8;
        int g = (((over >> 8) & 0xff) * alpha + ((under >> 8) & 0xff) * keep) >> 8;
        int b = ((over & 0xff) * alpha + (under & 0xff) * keep) >> 8;
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth) {
        int argb = argb(stroke);
        PixelLines.draw(pixels, width, height, x, y, x + w, y, argb);
        PixelLines.draw(pixels, width, height, x + w, y, x + w, y + h, argb);
        PixelLines.draw(pixels, width, height, x + w, y + h, x, y + h, argb);
        PixelLines.draw(pixels, width, height, x, y + h, x, y, argb);
    }

    @Override
    public void lines(double[] xy, int segments, Color stroke, double lineWidth, Dash dash) {
        int argb = argb(stroke);
        for (int i = 0; i < segments; i++) {
            PixelLines.draw(pixels, width, height, xy[4 * i], xy[4 * i + 1], xy[4 * i + 2], xy[4 * i + 3], argb);
        }
    }

    @Override
    public void rects(double[] xywh, int count, Color fill) {
        for (int i = 0; i < count; i++) {
            fillRect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3], 0, fill);
        }
    }

    @Override
    public void flush() {
        // every call already wrote its pixels
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color fill) {
        throw overviewOnly("arrows");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        throw overviewOnly("badges");
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color fill, Align align) {
        throw overviewOnly("text");
    }

    private static UnsupportedOperationException overviewOnly(String what) {
        return new UnsupportedOperationException("PixelSurface draws the graph's overview level, which has no " + what
                + "; GraphPainter asked for some at this zoom");
    }
}
