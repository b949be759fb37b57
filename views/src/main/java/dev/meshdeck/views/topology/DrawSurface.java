package dev.meshdeck.views.topology;

import javafx.scene.paint.Color;

/**
 * The few drawing calls the graph needs, in screen coordinates. One painter draws through it onto the canvas
 * and into SVG, so the export is the picture on screen.
 */
interface DrawSurface {

    enum Align { LEFT, CENTRE, RIGHT }

    enum Dash { SOLID, DASHED, DOTTED }

    void fillRect(double x, double y, double w, double h, double arc, Color fill);

    void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth);

    /** Many segments of one style at once: {@code xy} holds x1, y1, x2, y2 per segment. */
    void lines(double[] xy, int segments, Color stroke, double lineWidth, Dash dash);

    /** Many plain rectangles of one colour: {@code xywh} holds x, y, width, height per rectangle. */
    void rects(double[] xywh, int count, Color fill);

    /** Ends a frame: whatever was batched is put on the surface. */
    void flush();

    void triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color fill);

    void circle(double cx, double cy, double r, Color fill);

    void text(String text, double x, double y, double size, boolean bold, Color fill, Align align);
}
