package org.activationlab.ui;

import org.activationlab.engine.Dataset;
import org.activationlab.ui.chart.PlotViewport;

/**
 * Training data edited by hand on the fit chart: a point added or removed gives a new
 * {@link Dataset} without a target function ("custom" data, drawn as points). Plain functions
 * with no JavaFX in them.
 */
public final class DataEdits {

    /** The description of data edited by hand. */
    public static final String CUSTOM = "custom";
    /** A right-click removes the nearest point only within this many pixels. */
    public static final double REMOVE_RADIUS_PX = 12;

    private DataEdits() {
    }

    /** {@code data} plus the point (x, y), as custom data. */
    public static Dataset withPoint(Dataset data, double x, double y) {
        int n = data.size();
        float[] xs = java.util.Arrays.copyOf(data.x(), n + 1);
        float[] ys = java.util.Arrays.copyOf(data.y(), n + 1);
        xs[n] = (float) x;
        ys[n] = (float) y;
        return new Dataset(xs, ys, CUSTOM);
    }

    /** {@code data} without point {@code index}, as custom data. */
    public static Dataset withoutPoint(Dataset data, int index) {
        int n = data.size();
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("no point " + index + " of " + n);
        }
        float[] xs = new float[n - 1];
        float[] ys = new float[n - 1];
        System.arraycopy(data.x(), 0, xs, 0, index);
        System.arraycopy(data.y(), 0, ys, 0, index);
        System.arraycopy(data.x(), index + 1, xs, index, n - 1 - index);
        System.arraycopy(data.y(), index + 1, ys, index, n - 1 - index);
        return new Dataset(xs, ys, CUSTOM);
    }

    /**
     * The index of the point drawn nearest to pixel (px, py) under {@code viewport}, or −1 if
     * none is within {@code radius} pixels.
     */
    public static int nearestPoint(Dataset data, PlotViewport viewport, double px, double py,
                                   double radius) {
        float[] xs = data.x();
        float[] ys = data.y();
        int best = -1;
        double bestSq = radius * radius;
        for (int i = 0; i < xs.length; i++) {
            double dx = viewport.pixelX(xs[i]) - px;
            double dy = viewport.pixelY(ys[i]) - py;
            double sq = dx * dx + dy * dy;
            if (sq <= bestSq) {
                bestSq = sq;
                best = i;
            }
        }
        return best;
    }
}
