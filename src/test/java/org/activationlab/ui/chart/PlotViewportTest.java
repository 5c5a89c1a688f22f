package org.activationlab.ui.chart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data-to-pixel mapping and the axis ticks, without JavaFX. */
class PlotViewportTest {

    private static final double EPS = 1e-9;

    /** A 400 × 200 plot at (50, 20) showing x in [−2π, 2π] and y in [−1.5, 1.5]. */
    private final PlotViewport linear = new PlotViewport(50, 20, 400, 200, -2 * Math.PI, 2 * Math.PI,
            -1.5, 1.5, false);
    /** The same area, y on a log scale over 1e−4 … 10. */
    private final PlotViewport log = new PlotViewport(50, 20, 400, 200, 0, 100, 1e-4, 10, true);

    @Test
    void cornersMapToThePlotAreasCorners() {
        assertEquals(50, linear.left(), EPS);
        assertEquals(20, linear.top(), EPS);
        assertEquals(450, linear.right(), EPS);
        assertEquals(220, linear.bottom(), EPS);
        assertEquals(50, linear.pixelX(-2 * Math.PI), EPS);
        assertEquals(450, linear.pixelX(2 * Math.PI), EPS);
        assertEquals(250, linear.pixelX(0), EPS);
        // y grows downwards: the minimum is at the bottom.
        assertEquals(220, linear.pixelY(-1.5), EPS);
        assertEquals(20, linear.pixelY(1.5), EPS);
        assertEquals(120, linear.pixelY(0), EPS);
        assertEquals(220, log.pixelY(1e-4), EPS);
        assertEquals(20, log.pixelY(10), EPS);
        assertEquals(50, log.pixelX(0), EPS);
        assertEquals(450, log.pixelX(100), EPS);
    }

    @Test
    void dataCoordinatesRoundTrip() {
        for (double x = -6.2; x <= 6.2; x += 0.37) {
            assertEquals(x, linear.dataX(linear.pixelX(x)), 1e-12);
        }
        for (double y = -3; y <= 3; y += 0.29) {
            assertEquals(y, linear.dataY(linear.pixelY(y)), 1e-12);
        }
        for (double y = 1e-5; y < 100; y *= 3.7) {
            assertEquals(y, log.dataY(log.pixelY(y)), y * 1e-12);
        }
        for (double px = 0; px <= 500; px += 12.5) {
            assertEquals(px, linear.pixelX(linear.dataX(px)), 1e-9);
            assertEquals(px, log.pixelY(log.dataY(px)), 1e-9);
        }
    }

    @Test
    void logAxisSpacesDecadesEvenly() {
        // Five decades over 200 px: 40 px each.
        for (int e = -4; e < 1; e++) {
            double step = log.pixelY(Math.pow(10, e)) - log.pixelY(Math.pow(10, e + 1));
            assertEquals(40, step, 1e-9, "decade 1e" + e);
        }
        // Within a decade the spacing is logarithmic: 2 is at log10(2) of the decade's height.
        assertEquals(log.pixelY(1) - 40 * Math.log10(2), log.pixelY(2), 1e-9);
        assertTrue(log.isLogY());
        assertFalse(linear.isLogY());
        // Values ≤ 0 fall below the plot rather than failing.
        assertTrue(log.pixelY(0) > log.bottom());
        assertTrue(log.pixelY(-1) > log.bottom());
        assertEquals(log.bottom() + 2, log.clampPixelY(log.pixelY(0)), EPS);
        assertEquals(log.top() - 2, log.clampPixelY(-1e9), EPS);
        List<PlotViewport.Tick> ticks = PlotViewport.logTicks(1e-4, 10);
        assertEquals(List.of("1e−4", "1e−3", "1e−2", "1e−1", "1", "10"), labels(ticks));
        for (int i = 1; i < ticks.size(); i++) {
            assertEquals(40, log.pixelY(ticks.get(i - 1).value()) - log.pixelY(ticks.get(i).value()), 1e-9);
        }
    }

    @Test
    void rejectsEmptyRangesAndLogAxesThroughZero() {
        assertThrows(IllegalArgumentException.class, () -> new PlotViewport(0, 0, 10, 10, 1, 1, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new PlotViewport(0, 0, 10, 10, 0, 1, 2, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new PlotViewport(0, 0, 10, 10, 0, 1, 0, 1, true));
    }

    @Test
    void piTicksOverTheClassicRangeAreWholeMultiplesOfPi() {
        List<PlotViewport.Tick> ticks = PlotViewport.piTicks(-2 * Math.PI, 2 * Math.PI, false);
        assertEquals(List.of("−2π", "−π", "0", "π", "2π"), labels(ticks));
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals((i - 2) * Math.PI, ticks.get(i).value(), 1e-12);
        }
        assertEquals(List.of("−2π", "−3π/2", "−π", "−π/2", "0", "π/2", "π", "3π/2", "2π"),
                labels(PlotViewport.piTicks(-2 * Math.PI, 2 * Math.PI, true)));
        // The float range of a dataset (−2π rounded to float) still gets both end ticks.
        assertEquals(List.of("−2π", "−π", "0", "π", "2π"),
                labels(PlotViewport.piTicks((float) (-2 * Math.PI), (float) (2 * Math.PI), false)));
    }

    @Test
    void linearTicksTakeNiceSteps() {
        assertEquals(List.of("0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"),
                labels(PlotViewport.linearTicks(0, 100, 8)));
        assertEquals(List.of("−1.5", "−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5"),
                labels(PlotViewport.linearTicks(-1.5, 1.5, 6)));
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), labels(PlotViewport.linearTicks(0, 10, 5)));
        assertEquals(List.of("0", "50", "100", "150", "200"), labels(PlotViewport.linearTicks(0, 200, 4)));
        assertEquals(List.of("−5", "0", "5"), labels(PlotViewport.linearTicks(-7, 7, 3)));
        for (double[] range : new double[][]{{0, 100}, {-1.5, 1.5}, {0, 37}, {-0.013, 0.02}, {3, 12345}}) {
            List<PlotViewport.Tick> ticks = PlotViewport.linearTicks(range[0], range[1], 6);
            assertTrue(ticks.size() >= 3 && ticks.size() <= 12, "tick count for " + List.of(range[0], range[1]));
            double step = ticks.get(1).value() - ticks.get(0).value();
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(List.of(1.0, 2.0, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-6),
                    "step " + step + " is 1, 2 or 5 × 10ⁿ");
            for (int i = 0; i < ticks.size(); i++) {
                double v = ticks.get(i).value();
                assertTrue(v >= range[0] - 1e-9 && v <= range[1] + 1e-9, "tick " + v + " inside the range");
                assertEquals(0, Math.abs(Math.IEEEremainder(v, step)), step * 1e-6, "tick " + v + " on the step");
                if (i > 0) {
                    assertEquals(step, v - ticks.get(i - 1).value(), step * 1e-6);
                }
            }
        }
        // Zero is labelled 0, not −0.
        assertTrue(labels(PlotViewport.linearTicks(-0.3, 0.3, 6)).contains("0.0"));
    }

    private static List<String> labels(List<PlotViewport.Tick> ticks) {
        return ticks.stream().map(PlotViewport.Tick::label).toList();
    }

    @Test
    void anEpochAxisWithoutLimitGrowsInRoundStepsOfAtMostAFifth() {
        assertEquals(10, PlotViewport.epochAxisEnd(0));
        assertEquals(10, PlotViewport.epochAxisEnd(10));
        assertEquals(12, PlotViewport.epochAxisEnd(11));
        assertEquals(40, PlotViewport.epochAxisEnd(37));
        assertEquals(100_000, PlotViewport.epochAxisEnd(100_000));
        assertEquals(120_000, PlotViewport.epochAxisEnd(100_001));
        int previous = 10;
        for (int epoch = 11; epoch < 2_000_000; epoch += 1 + epoch / 97) {
            int end = PlotViewport.epochAxisEnd(epoch);
            assertTrue(end >= epoch && end <= epoch * 1.2 + 1, epoch + " → " + end);
            assertTrue(end >= previous, "the axis never shrinks as the run grows: " + epoch + " → " + end);
            previous = end;
        }
    }
}
