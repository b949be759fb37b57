package dev.meshdeck.views.topology;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws on a JavaFX canvas. */
final class CanvasSurface implements DrawSurface {

    private static final double[] DASHED = {6, 4};
    private static final double[] DOTTED = {2, 3};

    private final GraphicsContext g;

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
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.setLineDashes(dash == Dash.DASHED ? DASHED : dash == Dash.DOTTED ? DOTTED : null);
        g.beginPath();
        for (int i = 0; i < segments; i++) {
            g.moveTo(xy[4 * i], xy[4 * i + 1]);
            g.lineTo(xy[4 * i + 2], xy[4 * i + 3]);
        }
        g.stroke();
        g.setLineDashes((double[]) null);
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
