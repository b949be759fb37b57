package dev.meshdeck.views.topology;

import java.nio.IntBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The whole graph zoomed out, rendered once into an image per zoom bucket (a power of two at or above the zoom)
 * and drawn scaled and shifted while the user pans and zooms: a frame is then one image copy, whatever the size
 * of the graph. The FX thread only copies what is drawn ({@link GraphScene#freeze}, a few milliseconds at 5,000
 * functions); a background thread paints the copy into pixels, again only when what is drawn changed (a new
 * {@code content} number) or the zoom left the bucket. Until a changed picture is ready the previous image stays
 * on screen (a poll's colours or a selection show a moment later, rather than a frame painting thousands of
 * nodes on the FX thread); a new bucket shows the previous one scaled.
 */
final class OverviewImage {

    /** Above this many pixels (about 4 MP, 16 MB) an image costs more than it saves: a coarser one is made. */
    private static final long MAX_PIXELS = 4_000_000;
    private static final double MARGIN = 4;

    private final Runnable onReady;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "meshdeck-topology-overview");
        t.setDaemon(true);
        return t;
    });
    private WritableImage image;
    private Viewport imageViewport;
    private long imageContent = -1;
    private long pendingContent = -1;
    private double pendingScale;
    private long lastRenderNanos;
    private long lastCopyNanos;

    /** @param onReady called on the FX thread when a new image is ready (to draw again) */
    OverviewImage(Runnable onReady) {
        this.onReady = onReady;
    }

    /**
     * The zoom the overview is rendered at for {@code scale}: the power of two at or above it, but below the zoom
     * where names and arrows appear (an image with them would cost as much as drawing directly), and halved until
     * the image of the whole graph stays within {@link #MAX_PIXELS}. The image is drawn enlarged in between.
     */
    static double bucket(double scale, double graphWidth, double graphHeight) {
        double b = Math.min(Math.pow(2, Math.ceil(Math.log(scale) / Math.log(2))), 0.99 * GraphPainter.LABEL_SCALE);
        while (b > Viewport.MIN_SCALE && (graphWidth * b + 2 * MARGIN) * (graphHeight * b + 2 * MARGIN) > MAX_PIXELS) {
            b /= 2;
        }
        return b;
    }

    /** Whether the overview serves this zoom: below the one that shows names. */
    static boolean serves(double scale, double graphWidth) {
        return scale < GraphPainter.LABEL_SCALE && graphWidth > 0;
    }

    /**
     * Draws the graph from the overview when it can; false when the caller must draw directly (zoomed in, graph
     * too large for an image, or no image made yet). FX thread.
     */
    boolean draw(GraphicsContext g, Viewport vp, long content, GraphPainter.Picture picture) {
        double graphWidth = picture.layout().width();
        double graphHeight = picture.layout().height();
        if (!serves(vp.scale(), graphWidth)) {
            return false;
        }
        double b = bucket(vp.scale(), graphWidth, graphHeight);
        boolean current = image != null && imageContent == content;
        if ((!current || imageViewport.scale() != b) && !(pendingContent == content && pendingScale == b)) {
            render(content, b, picture.view(), picture.palette(), graphWidth, graphHeight);
        }
        if (image == null) {
            return false;
        }
        double k = vp.scale() / imageViewport.scale();
        g.setFill(picture.palette().background());
        g.fillRect(0, 0, vp.width(), vp.height());
        g.drawImage(image, vp.screenX(imageViewport.originX()), vp.screenY(imageViewport.originY()),
                image.getWidth() * k, image.getHeight() * k);
        return true;
    }

    /** Makes the image for what is drawn now: copied here, on the FX thread, painted in the background. */
    private void render(long content, double scale, TopologyViewModel view, GraphPalette palette, double graphWidth,
                        double graphHeight) {
        pendingContent = content;
        pendingScale = scale;
        int w = (int) Math.ceil(graphWidth * scale + 2 * MARGIN);
        int h = (int) Math.ceil(graphHeight * scale + 2 * MARGIN);
        Viewport at = new Viewport(-MARGIN / scale, -MARGIN / scale, scale, w, h);
        long start = System.nanoTime();
        GraphScene frozen = GraphScene.freeze(view, scale);
        long copied = System.nanoTime() - start;
        worker.execute(() -> {
            long t = System.nanoTime();
            PixelSurface pixels = new PixelSurface(w, h);
            GraphPainter.paintGraph(pixels, at, frozen, palette);
            long painted = System.nanoTime() - t;
            Platform.runLater(() -> {
                if (pendingContent != content || pendingScale != scale) {
                    return; // a newer picture is on its way
                }
                lastCopyNanos = copied;
                lastRenderNanos = copied + painted;
                // the image reads the painted array itself: no copy of millions of pixels on the FX thread
                image = new WritableImage(new PixelBuffer<>(w, h, IntBuffer.wrap(pixels.pixels()), PixelFormat.getIntArgbPreInstance()));
                imageViewport = at;
                imageContent = content;
                pendingContent = -1;
                onReady.run();
            });
        });
    }

    /** How long the last image on screen took: the copy on the FX thread plus the painting in the background. */
    long lastRenderNanos() {
        return lastRenderNanos;
    }

    /** How long the FX thread spent on the last image: copying what is drawn. */
    long lastCopyNanos() {
        return lastCopyNanos;
    }

    void close() {
        worker.shutdownNow();
    }
}
