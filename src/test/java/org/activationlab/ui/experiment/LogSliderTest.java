package org.activationlab.ui.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogSliderTest {

    @Test
    void learningRatesReadAsTheyAreWritten() {
        assertEquals("0.001", LogSlider.rate(0.001));
        assertEquals("0.0316", LogSlider.rate(0.0316227766));
        assertEquals("0.1", LogSlider.rate(0.1));
        assertEquals("1", LogSlider.rate(1.0));
        assertEquals("3.16e-05", LogSlider.rate(3.16227766e-5));
        assertEquals("1.00e-05", LogSlider.rate(1e-5));
    }
}
