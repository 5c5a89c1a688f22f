package org.activationlab.training;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeriesTest {

    /** Values with NaN, infinities, zeros and negatives among ordinary ones. */
    static float[] awkwardValues(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            values[i] = u < 0.05 ? Float.NaN : u < 0.06 ? Float.POSITIVE_INFINITY
                    : u < 0.07 ? Float.NEGATIVE_INFINITY : u < 0.1 ? 0f
                    : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-6, 3)));
        }
        return values;
    }

    @Test
    void rangeMinAndMaxMatchAScanOfEveryStretch() {
        SplittableRandom random = new SplittableRandom(7);
        // Long enough for every summary level (16, 256, 4096, 65,536) and for the top level's scan.
        float[] values = awkwardValues(random, 140_000);
        Series s = Series.of(values);
        for (int trial = 0; trial < 3000; trial++) {
            int a = random.nextInt(values.length + 1);
            int b = trial % 3 == 0 ? Math.min(values.length, a + random.nextInt(40))
                    : a + random.nextInt(values.length - a + 1);
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = a; i < b; i++) {
                if (!Float.isNaN(values[i])) {
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                }
            }
            assertEquals(lo, s.rangeMin(a, b), "min of [" + a + ", " + b + ")");
            assertEquals(hi, s.rangeMax(a, b), "max of [" + a + ", " + b + ")");
        }
    }

    @Test
    void aViewKeepsItsRangesWhileTheBuilderGoesOn() {
        Series.Builder b = new Series.Builder();
        for (int i = 0; i < 20; i++) {
            b.add(i);
        }
        Series early = b.view();
        for (int i = 0; i < 5000; i++) {
            b.add(-1000 - i); // completes the early view's open block and grows every array
        }
        assertEquals(0f, early.rangeMin(0, 20));
        assertEquals(19f, early.rangeMax(0, 20));
        assertEquals(0f, early.finiteMin());
        assertEquals(20, early.length());
        assertEquals(-5999f, b.view().rangeMin(0, 5020));
    }

    @Test
    void runningRangesIgnoreNanInfinityAndNonPositiveValuesWhereTheySay() {
        Series s = Series.of(Float.NaN, 3f, -2f, 0f, Float.POSITIVE_INFINITY, 0.5f, Float.NEGATIVE_INFINITY);

        assertEquals(-2f, s.finiteMin());
        assertEquals(3f, s.finiteMax());
        assertEquals(0.5f, s.positiveMin());
        assertEquals(3f, s.positiveMax());
        Series none = Series.of(Float.NaN, 0f, -1f);
        assertEquals(Float.NaN, none.positiveMin());
        assertEquals(Float.NaN, none.positiveMax());
        assertEquals(Float.NaN, Series.of().finiteMin());
    }
}
