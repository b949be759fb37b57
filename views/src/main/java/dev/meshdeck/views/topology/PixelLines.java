package dev.meshdeck.views.topology;

/** One-pixel lines set straight into an ARGB buffer (Bresenham), clipped to the buffer first (Liang–Barsky). */
final class PixelLines {

    private PixelLines() {
    }

    static void draw(int[] pixels, int width, int height, double x1, double y1, double x2, double y2, int argb) {
        double[] t = {0, 1};
        double dx = x2 - x1;
        double dy = y2 - y1;
        if (!clip(-dx, x1, t) || !clip(dx, width - 1 - x1, t) || !clip(-dy, y1, t) || !clip(dy, height - 1 - y1, t)) {
            return;
        }
        int ax = (int) Math.round(x1 + t[0] * dx);
        int ay = (int) Math.round(y1 + t[0] * dy);
        int bx = (int) Math.round(x1 + t[1] * dx);
        int by = (int) Math.round(y1 + t[1] * dy);
        int sx = ax < bx ? 1 : -1;
        int sy = ay < by ? 1 : -1;
        int ex = Math.abs(bx - ax);
        int ey = -Math.abs(by - ay);
        int err = ex + ey;
        while (true) {
            pixels[ay * width + ax] = argb;
            if (ax == bx && ay == by) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= ey) {
                err += ey;
                ax += sx;
            }
            if (e2 <= ex) {
                err += ex;
                ay += sy;
            }
        }
    }

    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }
}
