package org.activationlab.ui.chart;

import org.activationlab.training.Series;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data→pixel-column reduction, without JavaFX, against a brute-force reference. */
class ColumnDecimatorTest {

    /** The points the class promises, worked out by visiting every epoch. */
    private static List<float[]> reference(float[] values, int from, PlotViewport v) {
        List<float[]> points = new ArrayList<>();
        double scale = v.width() / (v.maxX() - v.minX());
        if (scale >= ColumnDecimator.RAW_PIXELS_PER_EPOCH) {
            for (int e = Math.max(0, from); e < values.length; e++) {
                points.add(new float[] {e, values[e]});
            }
            return points;
        }
        int e = Math.max(0, from);
        while (e < values.length) {
            long column = (long) Math.floor(v.pixelX(e));
            int start = e;
            while (e < values.length && (long) Math.floor(v.pixelX(e)) == column) {
                e++;
            }
            int first = -1;
            int last = -1;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < e; i++) {
                if (!Float.isNaN(values[i])) {
                    first = first < 0 ? i : first;
                    last = i;
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
            }
            if (first < 0) {
                points.add(new float[] {start, Float.NaN});
                continue;
            }
            float middle = (first + last) * 0.5f;
            points.add(new float[] {first, values[first]});
            boolean rising = values[first] <= values[last];
            points.add(new float[] {middle, rising ? min : max});
            points.add(new float[] {middle, rising ? max : min});
            points.add(new float[] {last, values[last]});
        }
        return points;
    }

    private static void assertSame(List<float[]> expected, ColumnDecimator d, String what) {
        assertEquals(expected.size(), d.size(), what + ": points");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], d.xs()[i], what + ": x of point " + i);
            assertEquals(expected.get(i)[1], d.ys()[i], what + ": y of point " + i);
        }
    }

    @Test
    void matchesTheBruteForceReferenceOnRandomHistoriesAndPlots() {
        SplittableRandom random = new SplittableRandom(11);
        ColumnDecimator decimator = new ColumnDecimator();
        for (int trial = 0; trial < 300; trial++) {
            int n = trial % 10 == 0 ? random.nextInt(1, 50) : random.nextInt(1, 120_000);
            float[] values = new float[n];
            double level = 1;
            boolean diverges = random.nextInt(8) == 0;
            int divergeAt = random.nextInt(n);
            for (int i = 0; i < n; i++) {
                level *= Math.exp(random.nextGaussian() * 0.05);
                double u = random.nextDouble();
                values[i] = diverges && i >= divergeAt ? Float.NaN
                        : u < 0.01 ? Float.NaN : u < 0.012 ? Float.POSITIVE_INFINITY
                        : (float) (level * (1 + 0.3 * random.nextGaussian()));
            }
            Series s = Series.of(values);
            double left = random.nextDouble(0, 80);
            double width = random.nextDouble(5, 1400);
            int maxEpoch = Math.max(n - 1 + random.nextInt(0, 2000), 10);
            PlotViewport v = new PlotViewport(left, 10, width, 300, 0, maxEpoch, 1e-6, 10, true);
            int from = random.nextInt(3) == 0 ? random.nextInt(0, Math.min(n, 40)) : 0;

            decimator.reduce(s, from, v);

            assertSame(reference(values, from, v), decimator,
                    "n=" + n + " left=" + left + " width=" + width + " maxEpoch=" + maxEpoch + " from=" + from);
        }
    }

    @Test
    void aLongHistoryGivesAtMostFourPointsPerPixelColumn() {
        float[] values = new float[100_001];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (1 / (1.0 + i) * (1 + 0.5 * Math.sin(i)));
        }
        ColumnDecimator decimator = new ColumnDecimator();
        PlotViewport v = new PlotViewport(40, 10, 600, 200, 0, 100_000, 1e-6, 10, true);

        int points = decimator.reduce(Series.of(values), 0, v);

        assertTrue(points <= 4 * 601, "points: " + points);
        assertTrue(points >= 4 * 599, "points: " + points);
        // The extremes of the whole history are among the points: nothing is lost to the eye.
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            lo = Math.min(lo, decimator.ys()[i]);
            hi = Math.max(hi, decimator.ys()[i]);
        }
        assertEquals(Series.of(values).rangeMin(0, values.length), lo);
        assertEquals(Series.of(values).rangeMax(0, values.length), hi);
    }

    @Test
    void aShortHistoryIsDrawnPointForPointWithNanAsAGap() {
        ColumnDecimator decimator = new ColumnDecimator();
        PlotViewport v = new PlotViewport(40, 10, 600, 200, 0, 100, 1e-6, 10, true);

        decimator.reduce(Series.of(1f, 0.5f, Float.NaN, 0.25f), 1, v);

        assertEquals(3, decimator.size());
        assertEquals(1f, decimator.xs()[0]);
        assertEquals(0.5f, decimator.ys()[0]);
        assertTrue(Float.isNaN(decimator.ys()[1]));
        assertEquals(0.25f, decimator.ys()[2]);
    }
}
