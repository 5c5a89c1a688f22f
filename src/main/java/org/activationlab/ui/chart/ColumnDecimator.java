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
 * <p>Incremental: when a series only grew since it was last reduced here (same history, same
 * start, same horizontal mapping), the columns already reduced are kept and only the last one,
 * which may have been partial, and the new ones are worked out; a frame after 100,000 epochs
 * reduces a few columns, not all of them. Up to {@link #TRACKED} series are followed at once
 * (a chart draws one per network), the least recently reduced making way.
 *
 * <p>Reuses its arrays: one instance per chart, used on the FX thread.
 */
public final class ColumnDecimator {

    /** Below this many pixels per epoch the series is reduced per pixel column. */
    public static final double RAW_PIXELS_PER_EPOCH = 0.25;

    /** How many series' reductions are kept to be continued. */
    static final int TRACKED = 16;

    /** The points handed out: a copy, so callers may rescale them in place. */
    private float[] xs = new float[256];
    private float[] ys = new float[256];
    private int size;
    private boolean reduced;
    private final Track[] tracks = new Track[TRACKED];
    private long uses;
    /** The reduction under way. */
    private Track track;

    /** One series' reduced points and what they covered. */
    private static final class Track {
        float[] xs = new float[256];
        float[] ys = new float[256];
        int size;
        Series series;
        int from;
        double left, width, minX, maxX;
        /** Where the last column begins: its first point and its first epoch. */
        int lastColumnPoint;
        int lastColumnEpoch;
        long used;

        boolean continues(Series s, int from, PlotViewport v) {
            return s.continues(series) && from == this.from && v.left() == left && v.width() == width
                    && v.minX() == minX && v.maxX() == maxX && lastColumnEpoch >= from;
        }
    }

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
        from = Math.max(0, from);
        track = trackFor(s, from, v);
        reduced = false;
        int n = s.length();
        double scale = v.width() / (v.maxX() - v.minX());
        if (from >= n) {
            track.size = 0;
            track.series = null;
        } else if (scale >= RAW_PIXELS_PER_EPOCH) {
            track.size = 0;
            track.series = null; // cheap to redo: at most about four epochs per pixel
            ensure(n - from);
            for (int e = from; e < n; e++) {
                add(e, s.get(e));
            }
        } else {
            reduced = true;
            int e = from;
            if (track.continues(s, from, v)) {
                track.size = track.lastColumnPoint; // the columns before the last stay
                e = track.lastColumnEpoch;
            } else {
                track.size = 0;
            }
            while (e < n) {
                long column = column(v, e);
                int end = columnEnd(v, column, e, n);
                track.lastColumnPoint = track.size;
                track.lastColumnEpoch = e;
                reduceColumn(s, e, end);
                e = end;
            }
            track.series = s;
            track.from = from;
            track.left = v.left();
            track.width = v.width();
            track.minX = v.minX();
            track.maxX = v.maxX();
        }
        size = track.size;
        if (xs.length < size) {
            xs = new float[track.xs.length];
            ys = new float[track.xs.length];
        }
        System.arraycopy(track.xs, 0, xs, 0, size);
        System.arraycopy(track.ys, 0, ys, 0, size);
        return size;
    }

    /** The track that continues {@code s}, else the least recently used one. */
    private Track trackFor(Series s, int from, PlotViewport v) {
        Track oldest = null;
        for (int i = 0; i < tracks.length; i++) {
            Track t = tracks[i];
            if (t == null) {
                t = tracks[i] = new Track();
            }
            if (t.series != null && t.continues(s, from, v)) {
                t.used = ++uses;
                return t;
            }
            if (oldest == null || t.used < oldest.used) {
                oldest = t;
            }
        }
        oldest.used = ++uses;
        oldest.series = null;
        return oldest;
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
        Track t = track;
        t.xs[t.size] = x;
        t.ys[t.size] = y;
        t.size++;
    }

    private void ensure(int more) {
        Track t = track;
        if (t.size + more > t.xs.length) {
            int capacity = Math.max(t.size + more, t.xs.length * 2);
            t.xs = java.util.Arrays.copyOf(t.xs, capacity);
            t.ys = java.util.Arrays.copyOf(t.ys, capacity);
        }
    }
}
