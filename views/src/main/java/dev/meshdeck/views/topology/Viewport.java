package dev.meshdeck.views.topology;

/**
 * Which part of the graph is on screen: the graph point at the top-left corner, the zoom, the screen size.
 */
public record Viewport(double originX, double originY, double scale, double width, double height) {

    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 3;

    public double screenX(double graphX) {
        return (graphX - originX) * scale;
    }

    public double screenY(double graphY) {
        return (graphY - originY) * scale;
    }

    public double graphX(double screenX) {
        return originX + screenX / scale;
    }

    public double graphY(double screenY) {
        return originY + screenY / scale;
    }

    /** Whether a graph-space rectangle shows on screen at all. */
    boolean shows(double x, double y, double w, double h) {
        return x + w >= originX && y + h >= originY && x <= graphX(width) && y <= graphY(height);
    }

    Viewport panned(double dxScreen, double dyScreen) {
        return new Viewport(originX - dxScreen / scale, originY - dyScreen / scale, scale, width, height);
    }

    /** Zooms by {@code factor} keeping the graph point under the screen point where it is. */
    Viewport zoomed(double factor, double screenX, double screenY) {
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double gx = graphX(screenX);
        double gy = graphY(screenY);
        return new Viewport(gx - screenX / s, gy - screenY / s, s, width, height);
    }

    Viewport resized(double newWidth, double newHeight) {
        return new Viewport(originX, originY, scale, newWidth, newHeight);
    }

    /** Shows the whole rectangle, centred, with a small margin, zoomed in at most to {@code maxScale}. */
    static Viewport fitting(double x, double y, double w, double h, double width, double height, double maxScale) {
        double s = Math.max(MIN_SCALE, Math.min(maxScale, 0.97 * Math.min(width / Math.max(w, 1), height / Math.max(h, 1))));
        return new Viewport(x + w / 2 - width / 2 / s, y + h / 2 - height / 2 / s, s, width, height);
    }
}
