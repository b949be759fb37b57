package dev.meshdeck.views.topology;

import java.util.Locale;
import javafx.scene.paint.Color;

/** Writes the same drawing calls as SVG elements. */
final class SvgSurface implements DrawSurface {

    private final StringBuilder svg = new StringBuilder();
    private final double width;
    private final double height;

    SvgSurface(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, double arc, Color fill) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" %s/>%n",
                x, y, w, h, arc / 2, paint("fill", fill)));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, double arc, Color stroke, double lineWidth) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"none\" %s stroke-width=\"%.1f\"/>%n",
                x, y, w, h, arc / 2, paint("stroke", stroke), lineWidth));
    }

    @Override
    public void lines(double[] xy, int segments, Color stroke, double lineWidth, Dash dash) {
        if (segments == 0) {
            return;
        }
        svg.append("<path d=\"");
        for (int i = 0; i < segments; i++) {
            svg.append(String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1f", xy[4 * i], xy[4 * i + 1], xy[4 * i + 2], xy[4 * i + 3]));
        }
        svg.append(String.format(Locale.ROOT, "\" fill=\"none\" %s stroke-width=\"%.1f\"%s/>%n", paint("stroke", stroke), lineWidth,
                dash == Dash.DASHED ? " stroke-dasharray=\"6 4\"" : dash == Dash.DOTTED ? " stroke-dasharray=\"2 3\"" : ""));
    }

    @Override
    public void rects(double[] xywh, int count, Color fill) {
        for (int i = 0; i < count; i++) {
            fillRect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3], 0, fill);
        }
    }

    @Override
    public void flush() {
        // every element is written as it is drawn
    }

    @Override
    public void triangle(double x1, double y1, double x2, double y2, double x3, double y3, Color fill) {
        svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>%n",
                x1, y1, x2, y2, x3, y3, paint("fill", fill)));
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>%n", cx, cy, r, paint("fill", fill)));
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color fill, Align align) {
        String anchor = align == Align.LEFT ? "start" : align == Align.RIGHT ? "end" : "middle";
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-family=\"%s\" font-size=\"%.1f\"%s text-anchor=\"%s\" dominant-baseline=\"central\" %s>",
                x, y, GraphPainter.FONT_FAMILY, size, bold ? " font-weight=\"bold\"" : "", anchor, paint("fill", fill)));
        svg.append(escape(text)).append("</text>\n");
    }

    /** The finished document. */
    String document() {
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n",
                width, height, width, height) + svg + "</svg>\n";
    }

    private static String paint(String attribute, Color c) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        return c.getOpacity() < 1
                ? String.format(Locale.ROOT, "%s=\"%s\" %s-opacity=\"%.2f\"", attribute, rgb, attribute, c.getOpacity())
                : attribute + "=\"" + rgb + "\"";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
