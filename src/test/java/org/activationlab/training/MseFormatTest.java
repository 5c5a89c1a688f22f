package org.activationlab.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MseFormatTest {

    @Test
    void threeSignificantDigits() {
        assertEquals("0.0123", MseFormat.format(0.0123456));
        assertEquals("0.500", MseFormat.format(0.4995));
        assertEquals("0.424", MseFormat.format(0.42391));
        assertEquals("12.3", MseFormat.format(12.345));
        assertEquals("123000", MseFormat.format(123456.7));
    }

    @Test
    void scientificBelowOneThousandth() {
        assertEquals("0.00100", MseFormat.format(1e-3));
        assertEquals("0.00100", MseFormat.format(0.0010004));
        assertEquals("9.99e-4", MseFormat.format(0.000999));
        assertEquals("4.56e-4", MseFormat.format(0.000456));
        assertEquals("5.40e-4", MseFormat.format(0.00054));
        assertEquals("1.23e-7", MseFormat.format(1.234e-7));
        assertEquals("0", MseFormat.format(0));
    }

    @Test
    void divergedValues() {
        assertEquals("diverged", MseFormat.format(854515359197.77));
        assertEquals("diverged", MseFormat.format(Double.NaN));
        assertEquals("diverged", MseFormat.format(Double.POSITIVE_INFINITY));
        assertEquals("diverged", MseFormat.format(Double.NEGATIVE_INFINITY));
        assertEquals("diverged", MseFormat.format(1.0000001e6));
        assertEquals("1000000", MseFormat.format(1e6));
    }
}
