package org.activationlab.ui.chart;

import org.activationlab.training.Series;

/**
 * Turns a history of one value per epoch into the points of a polyline that looks the same at
 * pixel resolution, so that a chart's frame costs the same after 100,000 epochs as after 1,000.
 * A plain class with no JavaFX in it, tested against a brute-force reference.
 *
 * <p>While an epoch takes at least {@link #RAW_PIXELS_PER_EPOCH} pixels, every epoch is a point
 * (a NaN point breaks the line). Denser than that, the epochs are grouped by the pixel column
 * {@code floor(v.pixelX(epoch))} they fall in, and each column with any non-NaN value gives four
 * points: its first value, its minimum and maximum (in the order that follows the line from
 * first to last) and its last value, NaN ignored. A column of NaN only gives one NaN point: a
 * gap. The ranges come from the series' block summaries ({@link Series#rangeMin}), so a column
 * costs O(log n) whatever it covers.
 *
 * <p>Reuses its arrays: one instance per chart, used on the FX thread.
 */
public final class ColumnDecimator {

    /** Below this many pixels per epoch the series is reduced per pixel column. */
    public static final double RAW_PIXELS_PER_EPOCH = 0.25;

    private float[] xs = new float[256];
    private float[] ys = new float[256];
    private int size;
    private boolean reduced;

    /** Epochs (data x) of the points of the last {@link #reduce}. Valid up to {@link #size()}. */
    public float[] xs() {
        return xs;
    }

    /** Values (data y, NaN = a gap) of the points of the last {@link #reduce}. */
    public float[] ys() {
        return ys;
    }

    public int size() {
        return size;
    }

    /**
     * Whether the last {@link #reduce} grouped epochs by column: then the points come in groups
     * of four (first, min/max, max/min, last) per column, or a single NaN point for a column of
     * NaN only.
     */
    public boolean reduced() {
        return reduced;
    }

    /**
     * Reduces indices {@code [from, s.length())} of {@code s}, index = epoch, for drawing in
     * {@code v}.
     *
     * @return the number of points
     */
    public int reduce(Series s, int from, PlotViewport v) {
        size = 0;
        reduced = false;
        int n = s.length();
        from = Math.max(0, from);
        if (from >= n) {
            return 0;
        }
        double scale = v.width() / (v.maxX() - v.minX());
        if (scale >= RAW_PIXELS_PER_EPOCH) {
            ensure(n - from);
            for (int e = from; e < n; e++) {
                add(e, s.get(e));
            }
            return size;
        }
        reduced = true;
        int e = from;
        while (e < n) {
            long column = column(v, e);
            int end = columnEnd(v, column, e, n);
            reduceColumn(s, e, end);
            e = end;
        }
        return size;
    }

    private void reduceColumn(Series s, int from, int to) {
        float min = s.rangeMin(from, to);
        float max = s.rangeMax(from, to);
        ensure(4);
        if (!(min <= max)) {
            add(from, Float.NaN);
            return;
        }
        int first = from;
        while (Float.isNaN(s.get(first))) {
            first++;
        }
        int last = to - 1;
        while (Float.isNaN(s.get(last))) {
            last--;
        }
        float firstValue = s.get(first);
        float lastValue = s.get(last);
        float middle = (first + last) * 0.5f;
        add(first, firstValue);
        if (firstValue <= lastValue) {
            add(middle, min);
            add(middle, max);
        } else {
            add(middle, max);
            add(middle, min);
        }
        add(last, lastValue);
    }

    /** The pixel column of epoch {@code e}. */
    static long column(PlotViewport v, int e) {
        return (long) Math.floor(v.pixelX(e));
    }

    /** The first epoch after {@code e} (which is in {@code column}) in a later column, at most n. */
    private static int columnEnd(PlotViewport v, long column, int e, int n) {
        // The exact boundary from the inverse mapping, then corrected for rounding.
        double boundary = v.dataX(column + 1);
        long end = Math.max(e + 1L, Math.min(n, (long) Math.ceil(boundary)));
        while (end > e + 1 && column(v, (int) end - 1) > column) {
            end--;
        }
        while (end < n && column(v, (int) end) <= column) {
            end++;
        }
        return (int) end;
    }

    private void add(float x, float y) {
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    private void ensure(int more) {
        if (size + more > xs.length) {
            int capacity = Math.max(size + more, xs.length * 2);
            xs = java.util.Arrays.copyOf(xs, capacity);
            ys = java.util.Arrays.copyOf(ys, capacity);
        }
    }
}
