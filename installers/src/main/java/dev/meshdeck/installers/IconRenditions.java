package dev.meshdeck.installers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the MeshDeck icon from its SVG source into the renditions the installers need: PNGs (Linux desktop
 * entry, window icons), an ICO (Windows) and an ICNS (macOS). Only the JDK is needed, so every platform's
 * build makes the same files from the same source.
 *
 * <p>It understands the SVG subset the icon uses and refuses anything else by name, so a rendition never
 * silently differs from the source.
 *
 * <p>Usage: {@code IconRenditions SOURCE.svg OUTPUT_DIR} writes {@code meshdeck-<size>.png},
 * {@code meshdeck.png} (256), {@code meshdeck.ico} and {@code meshdeck.icns}.
 */
public final class IconRenditions {

    static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 256};
    /** ICNS element types holding PNG data, by pixel size. */
    static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put("icp4", 16);
        ICNS_TYPES.put("icp5", 32);
        ICNS_TYPES.put("icp6", 64);
        ICNS_TYPES.put("ic07", 128);
        ICNS_TYPES.put("ic08", 256);
        ICNS_TYPES.put("ic09", 512);
        ICNS_TYPES.put("ic10", 1024); // 512@2x
        ICNS_TYPES.put("ic11", 32);   // 16@2x
        ICNS_TYPES.put("ic12", 64);   // 32@2x
        ICNS_TYPES.put("ic13", 256);  // 128@2x
        ICNS_TYPES.put("ic14", 512);  // 256@2x
    }

    private static final Set<String> IGNORED = Set.of("title", "desc", "metadata");

    private final Element root;
    private final double viewX;
    private final double viewY;
    private final double viewWidth;
    private final double viewHeight;

    IconRenditions(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            throw new IllegalArgumentException(svg + ": the root element is <" + root.getTagName() + ">, not <svg>");
        }
        String[] box = root.getAttribute("viewBox").trim().split("[\\s,]+");
        if (box.length != 4) {
            throw new IllegalArgumentException(svg + ": the <svg> element needs a viewBox of four numbers");
        }
        viewX = Double.parseDouble(box[0]);
        viewY = Double.parseDouble(box[1]);
        viewWidth = Double.parseDouble(box[2]);
        viewHeight = Double.parseDouble(box[3]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IconRenditions SOURCE.svg OUTPUT_DIR");
            System.exit(2);
        }
        IconRenditions icon = new IconRenditions(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            byte[] png = icon.png(size);
            pngs.put(size, png);
            Files.write(out.resolve("meshdeck-" + size + ".png"), png);
        }
        Files.write(out.resolve("meshdeck.png"), pngs.get(256));
        Files.write(out.resolve("meshdeck.ico"), ico(pngs));
        Files.write(out.resolve("meshdeck.icns"), icns(pngs));
        System.out.println("icon renditions written to " + out);
    }

    /** The icon drawn at {@code size} x {@code size} pixels, as PNG bytes. */
    byte[] png(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / viewWidth, size / viewHeight);
            g.translate(-viewX, -viewY);
            drawChildren(g, root, 1.0);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private void drawChildren(Graphics2D g, Element parent, double opacity) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                draw(g, e, opacity);
            }
        }
    }

    private void draw(Graphics2D g, Element e, double inherited) {
        String name = e.getLocalName();
        if (IGNORED.contains(name)) {
            return;
        }
        if (e.hasAttribute("transform")) {
            throw unsupported(e, "the transform attribute");
        }
        double opacity = inherited * number(e, "opacity", 1.0);
        if ("g".equals(name)) {
            drawChildren(g, e, opacity);
            return;
        }
        Shape shape = switch (name) {
            case "rect" -> new RoundRectangle2D.Double(number(e, "x", 0), number(e, "y", 0),
                    number(e, "width", 0), number(e, "height", 0),
                    2 * number(e, "rx", number(e, "ry", 0)), 2 * number(e, "ry", number(e, "rx", 0)));
            case "circle" -> {
                double r = number(e, "r", 0);
                yield new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r, 2 * r, 2 * r);
            }
            case "line" -> new Line2D.Double(number(e, "x1", 0), number(e, "y1", 0),
                    number(e, "x2", 0), number(e, "y2", 0));
            case "polyline", "polygon" -> points(e, "polygon".equals(name));
            case "path" -> path(e);
            default -> throw unsupported(e, "the element <" + name + ">");
        };
        Color fill = colour(e, "fill", "line".equals(name) ? "none" : "#000000");
        if (fill != null) {
            g.setColor(withAlpha(fill, opacity * number(e, "fill-opacity", 1.0)));
            g.fill(shape);
        }
        Color stroke = colour(e, "stroke", "none");
        if (stroke != null) {
            g.setColor(withAlpha(stroke, opacity * number(e, "stroke-opacity", 1.0)));
            g.setStroke(new BasicStroke((float) number(e, "stroke-width", 1.0), cap(e), join(e)));
            g.draw(shape);
        }
    }

    private static Shape points(Element e, boolean close) {
        String[] p = e.getAttribute("points").trim().split("[\\s,]+");
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 1 < p.length; i += 2) {
            double x = Double.parseDouble(p[i]);
            double y = Double.parseDouble(p[i + 1]);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        if (close) {
            path.closePath();
        }
        return path;
    }

    /** Path data with the commands M, L, H, V, C, Q and Z, absolute or relative. */
    private static Shape path(Element e) {
        List<String> tokens = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("[A-Za-z]|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?")
                .matcher(e.getAttribute("d"));
        while (m.find()) {
            tokens.add(m.group());
        }
        Path2D.Double path = new Path2D.Double();
        double x = 0;
        double y = 0;
        char command = 0;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                i++;
                if (command == 'Z' || command == 'z') {
                    path.closePath();
                    var current = path.getCurrentPoint();
                    x = current.getX();
                    y = current.getY();
                    continue;
                }
            }
            boolean rel = Character.isLowerCase(command);
            double ox = rel ? x : 0;
            double oy = rel ? y : 0;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.moveTo(x, y);
                    command = rel ? 'l' : 'L'; // further pairs are line-tos
                }
                case 'L' -> {
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.lineTo(x, y);
                }
                case 'H' -> {
                    x = ox + num(tokens, i++);
                    path.lineTo(x, y);
                }
                case 'V' -> {
                    y = oy + num(tokens, i++);
                    path.lineTo(x, y);
                }
                case 'C' -> {
                    double x1 = ox + num(tokens, i++);
                    double y1 = oy + num(tokens, i++);
                    double x2 = ox + num(tokens, i++);
                    double y2 = oy + num(tokens, i++);
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.curveTo(x1, y1, x2, y2, x, y);
                }
                case 'Q' -> {
                    double x1 = ox + num(tokens, i++);
                    double y1 = oy + num(tokens, i++);
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.quadTo(x1, y1, x, y);
                }
                default -> throw unsupported(e, "the path command '" + command + "'");
            }
        }
        return path;
    }

    private static double num(List<String> tokens, int i) {
        return Double.parseDouble(tokens.get(i));
    }

    private static double number(Element e, String attribute, double fallback) {
        String v = e.getAttribute(attribute).trim();
        return v.isEmpty() ? fallback : Double.parseDouble(v.endsWith("px") ? v.substring(0, v.length() - 2) : v);
    }

    private static Color colour(Element e, String attribute, String fallback) {
        String v = e.getAttribute(attribute).trim();
        if (v.isEmpty()) {
            v = fallback;
        }
        if ("none".equals(v)) {
            return null;
        }
        if (v.matches("#[0-9a-fA-F]{3}")) {
            v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        if (!v.matches("#[0-9a-fA-F]{6}")) {
            throw unsupported(e, attribute + "=\"" + v + "\" (only #rgb, #rrggbb and none)");
        }
        return new Color(Integer.parseInt(v.substring(1), 16));
    }

    private static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }

    private static int cap(Element e) {
        return switch (e.getAttribute("stroke-linecap")) {
            case "round" -> BasicStroke.CAP_ROUND;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_BUTT;
        };
    }

    private static int join(Element e) {
        return switch (e.getAttribute("stroke-linejoin")) {
            case "round" -> BasicStroke.JOIN_ROUND;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_MITER;
        };
    }

    private static IllegalArgumentException unsupported(Element e, String what) {
        return new IllegalArgumentException("meshdeck.svg: IconRenditions does not draw " + what
                + " (in <" + e.getTagName() + ">); keep the icon to the SVG subset listed in IconRenditions");
    }

    /** An ICO file whose images are PNGs (read by Windows Vista and later, and by WiX/jpackage). */
    static byte[] ico(Map<Integer, byte[]> pngs) {
        int headerSize = 6 + 16 * ICO_SIZES.length;
        int total = headerSize;
        for (int size : ICO_SIZES) {
            total += pngs.get(size).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.length);
        int offset = headerSize;
        for (int size : ICO_SIZES) {
            byte[] png = pngs.get(size);
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            b.put((byte) 0).put((byte) 0);                  // no palette, reserved
            b.putShort((short) 1).putShort((short) 32);     // planes, bits per pixel
            b.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int size : ICO_SIZES) {
            b.put(pngs.get(size));
        }
        return b.array();
    }

    /** An ICNS file whose elements are PNGs (macOS 10.7 and later). */
    static byte[] icns(Map<Integer, byte[]> pngs) {
        int total = 8;
        for (int size : ICNS_TYPES.values()) {
            total += 8 + pngs.get(size).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        for (Map.Entry<String, Integer> type : ICNS_TYPES.entrySet()) {
            byte[] png = pngs.get(type.getValue());
            b.put(type.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length).put(png);
        }
        return b.array();
    }
}
