package org.activationlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.activationlab.ui.chart.PlotViewport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The pixels of one colour inside a chart's plot area, column by column: what a curve of that
 * colour looks like on screen. Pixel (x, y) covers the chart's coordinates [x, x+1) × [y, y+1).
 */
public final class CurvePixels {

    /** One plot column that contains pixels of the colour: x, and the rows of those pixels. */
    public record Column(int x, int[] rows) {

        /** The centre of the column as a data-to-pixel mapping sees it. */
        public double centreX() {
            return x + 0.5;
        }

        public double medianRow() {
            int[] sorted = rows.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) + 0.5;
        }

        /** Distance in pixels from the nearest pixel of the colour to {@code py}. */
        double distanceTo(double py) {
            double best = Double.POSITIVE_INFINITY;
            for (int r : rows) {
                best = Math.min(best, Math.abs(r + 0.5 - py));
            }
            return best;
        }
    }

    private final List<Column> columns;
    private final int pixelCount;
    private final int columnsScanned;

    private CurvePixels(List<Column> columns, int pixelCount, int columnsScanned) {
        this.columns = columns;
        this.pixelCount = pixelCount;
        this.columnsScanned = columnsScanned;
    }

    /**
     * Scans the plot area of {@code v}, less an inset of {@code inset} pixels (its frame) and
     * less {@code exclude} (a legend, or null), for pixels within {@code tolerance} of {@code colour}.
     */
    public static CurvePixels scan(WritableImage image, PlotViewport v, Color colour, int tolerance,
                            Rectangle2D exclude, int inset) {
        PixelReader reader = image.getPixelReader();
        int x0 = (int) Math.ceil(v.left()) + inset;
        int x1 = Math.min((int) Math.floor(v.right()) - inset, (int) image.getWidth() - 1);
        int y0 = (int) Math.ceil(v.top()) + inset;
        int y1 = Math.min((int) Math.floor(v.bottom()) - inset, (int) image.getHeight() - 1);
        List<Column> columns = new ArrayList<>();
        int count = 0;
        int scanned = 0;
        int[] buffer = new int[y1 - y0 + 1];
        for (int x = x0; x <= x1; x++) {
            boolean columnExcluded = exclude != null && x + 1 > exclude.getMinX() && x < exclude.getMaxX();
            scanned++;
            int n = 0;
            for (int y = y0; y <= y1; y++) {
                if (columnExcluded && y + 1 > exclude.getMinY() && y < exclude.getMaxY()) {
                    continue;
                }
                if (FxTestSupport.near(reader.getArgb(x, y), colour, tolerance)) {
                    buffer[n++] = y;
                }
            }
            if (n > 0) {
                columns.add(new Column(x, Arrays.copyOf(buffer, n)));
                count += n;
            }
        }
        return new CurvePixels(columns, count, scanned);
    }

    public List<Column> columns() {
        return columns;
    }

    int pixelCount() {
        return pixelCount;
    }

    /** Columns of the plot area that were scanned. */
    public int columnsScanned() {
        return columnsScanned;
    }

    /** Share of the columns whose nearest pixel of the colour lies within {@code px} of {@code curve}. */
    public double shareNear(PlotViewport v, DoubleUnaryOperator curve, double px) {
        if (columns.isEmpty()) {
            return 0;
        }
        int near = 0;
        for (Column c : columns) {
            double expected = v.pixelY(curve.applyAsDouble(v.dataX(c.centreX())));
            if (c.distanceTo(expected) <= px) {
                near++;
            }
        }
        return (double) near / columns.size();
    }

    /** Linear interpolation of the polyline (xs, ys), xs increasing, at x. */
    public static double interpolate(float[] xs, float[] ys, double x) {
        int n = xs.length;
        if (x <= xs[0]) {
            return ys[0];
        }
        if (x >= xs[n - 1]) {
            return ys[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] * (1 - f) + ys[hi] * f;
    }

    @Override
    public String toString() {
        return pixelCount + " pixels in " + columns.size() + " of " + columnsScanned + " columns";
    }
}
