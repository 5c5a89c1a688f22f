package org.activationlab.ui.fit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hover read-out's numbers: interpolation between the evaluated x, and their text. */
class FitProbeTest {

    @Test
    void interpolatesLinearlyBetweenNeighboursAndClampsAtTheEnds() {
        float[] xs = {-2, -1, 0, 1, 3};
        float[] ys = {4, 1, 0, 1, 9};
        // Between 1 and 3 the polyline runs from (1, 1) to (3, 9): at 2.5 it is 1 + 0.75·8 = 7.
        assertEquals(7.0, FitProbe.interpolate(xs, ys, 2.5), 1e-12);
        assertEquals(2.5, FitProbe.interpolate(xs, ys, -1.5), 1e-12);
        assertEquals(1.0, FitProbe.interpolate(xs, ys, -1.0), 1e-12, "at a grid x, its value");
        assertEquals(4.0, FitProbe.interpolate(xs, ys, -7), 1e-12, "left of the grid: the first value");
        assertEquals(9.0, FitProbe.interpolate(xs, ys, 12), 1e-12, "right of the grid: the last value");
    }

    @Test
    void valuesReadWithThreeDecimalsAndARealMinus() {
        assertEquals("0.841", FitProbe.format(Math.sin(1)));
        assertEquals("−0.500", FitProbe.format(-0.5));
        assertEquals("0.000", FitProbe.format(-0.0001));
        assertEquals("—", FitProbe.format(Double.NaN));
    }
}
