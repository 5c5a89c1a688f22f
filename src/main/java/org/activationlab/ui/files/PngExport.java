package org.activationlab.ui.files;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import org.activationlab.training.AtomicOutput;
import org.activationlab.ui.chart.ChartCanvas;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node (the fit chart, or the window's content) as a PNG, at 1× or at 2× for slides: the node
 * is rendered again through a scale transform, and its canvas charts are drawn again at that
 * pixel density, so text and lines are sharp at 2×, not enlarged pixels. Call on the FX thread.
 */
public final class PngExport {

    /** Scales offered: as on screen, and twice that for slides and print. */
    public static final double[] SCALES = {1, 2};

    private PngExport() {
    }

    /**
     * The node as it is drawn, {@code scale} times its size: exactly round(width · scale) ×
     * round(height · scale) pixels, without a shadow or anything else outside its layout bounds.
     */
    public static BufferedImage render(Node node, double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
        }
        Bounds bounds = node.getLayoutBounds();
        int width = (int) Math.round(bounds.getWidth() * scale);
        int height = (int) Math.round(bounds.getHeight() * scale);
        if (width < 1 || height < 1) {
            throw new IllegalStateException("nothing to export: the view has no size yet");
        }
        // Node.snapshot works in the parent's coordinates (the node's own position included),
        // scaled by the parameters' transform; the viewport is cut out of those.
        Point2D origin = node.localToParent(bounds.getMinX(), bounds.getMinY());
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setViewport(new Rectangle2D(origin.getX() * scale, origin.getY() * scale, width, height));
        // Canvas charts are bitmaps: drawn again at the export's pixel density, then put back.
        List<ChartCanvas> charts = new ArrayList<>();
        for (Node n : node.lookupAll(".chart-canvas")) {
            if (n instanceof ChartCanvas chart) {
                charts.add(chart);
            }
        }
        double pixelScale = Math.max(1, scale);
        try {
            charts.forEach(c -> c.setPixelScale(pixelScale));
            WritableImage image = node.snapshot(params, new WritableImage(width, height));
            return SwingFXUtils.fromFXImage(image, null);
        } finally {
            charts.forEach(c -> c.setPixelScale(1));
        }
    }

    /**
     * Writes {@code image} as PNG, atomically (an old file stays as it was if this fails).
     *
     * @throws AtomicOutput.OutputFileException naming the file and the reason
     */
    public static void write(BufferedImage image, Path file) {
        try (AtomicOutput out = AtomicOutput.open(file, file.toString())) {
            write(image, out, file.toString());
            out.commit();
        }
    }

    /** Writes {@code image} as PNG into an open output (committed by the caller). */
    public static void write(BufferedImage image, AtomicOutput out, String label) {
        try {
            if (!ImageIO.write(image, "png", out.stream())) {
                throw new AtomicOutput.OutputFileException("cannot write " + label + ": no PNG writer available");
            }
        } catch (IOException e) {
            throw new AtomicOutput.OutputFileException("cannot write " + label + ": " + AtomicOutput.reason(e), e);
        }
    }

    /** Renders {@code node} at {@code scale} and writes it to {@code file}. */
    public static void export(Node node, double scale, Path file) {
        write(render(node, scale), file);
    }
}
