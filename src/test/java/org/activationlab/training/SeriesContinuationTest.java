package org.activationlab.training;

import org.activationlab.ui.chart.ColumnDecimator;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chart reduces a growing history frame after frame, continuing from its last column; what it
 * draws must be exactly what reducing the whole history afresh gives (in this package because
 * only the trainer's builder grows one history).
 */
class SeriesContinuationTest {

    @Test
    void aViewContinuesEarlierViewsOfItsOwnHistoryOnly() {
        Series.Builder b = new Series.Builder();
        b.add(1);
        Series first = b.view();
        b.add(2);
        Series second = b.view();
        assertTrue(second.continues(first));
        assertTrue(second.continues(second));
        assertFalse(first.continues(second), "shorter");
        assertFalse(second.continues(Series.of(1, 2)), "another history with the same values");
        assertFalse(second.continues(null));
    }

    @Test
    void reducingAGrowingHistoryStepByStepDrawsWhatAFreshReductionDraws() {
        SplittableRandom random = new SplittableRandom(7);
        Series.Builder loss = new Series.Builder();
        Series.Builder other = new Series.Builder();
        ColumnDecimator growing = new ColumnDecimator();
        int epochs = 0;
        for (int frame = 0; frame < 400; frame++) {
            int more = 1 + random.nextInt(frame < 300 ? 40 : 2000);
            for (int i = 0; i < more; i++, epochs++) {
                loss.add(random.nextInt(50) == 0 ? Float.NaN : (float) random.nextDouble());
                other.add((float) random.nextDouble() * 3);
            }
            // The epoch axis grows in steps, as the charts' does; between steps it stays.
            double axisEnd = Math.max(100, Math.pow(2, Math.ceil(Math.log(epochs) / Math.log(2))));
            PlotViewport v = new PlotViewport(40.5, 10, 900, 300, 0, axisEnd, 0, 3, false);
            for (Series s : new Series[]{loss.view(), other.view()}) {
                int from = 1;
                ColumnDecimator fresh = new ColumnDecimator();
                int n = fresh.reduce(s, from, v);
                assertEquals(n, growing.reduce(s, from, v), "points at frame " + frame);
                assertArrayEquals(Arrays.copyOf(fresh.xs(), n), Arrays.copyOf(growing.xs(), n), "x at frame " + frame);
                assertArrayEquals(Arrays.copyOf(fresh.ys(), n), Arrays.copyOf(growing.ys(), n), "y at frame " + frame);
                assertEquals(fresh.reduced(), growing.reduced());
                // A caller may rescale the points it gets in place: the next frame must not see it.
                Arrays.fill(growing.ys(), 0, n, -1f);
            }
        }
        assertTrue(epochs > 100_000, "long enough to reduce by columns: " + epochs);
    }
}
