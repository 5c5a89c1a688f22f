package org.activationlab.ui.files;

import org.activationlab.ui.AnimationExport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the animation dialog accepts, and the message for what it does not. */
class AnimationSettingsTest {

    private static final AnimationExport.Part FIT = AnimationExport.Part.FIT_CHART;

    private static void refused(String expected, String from, String to, String fps) {
        AnimationSettings.Invalid e = assertThrows(AnimationSettings.Invalid.class,
                () -> AnimationSettings.parse(from, to, fps, 1, FIT));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "…', got: " + e.getMessage());
    }

    @Test
    void aRangeFromTheStartAndAFrameRateAreRead() throws AnimationSettings.Invalid {
        AnimationSettings s = AnimationSettings.parse(" 0 ", "100", "12,5", 2, AnimationExport.Part.WINDOW);
        assertEquals(new AnimationSettings(0, 100, 12.5, 2, AnimationExport.Part.WINDOW), s);
        assertEquals(101, s.frames());
        assertEquals("101 frames, 8.1 s at 12.5 fps", s.summary());
        assertEquals(1, AnimationSettings.parse("7", "7", "20", 1, FIT).frames());
    }

    @Test
    void badRangesAreRefusedNamingTheField() {
        refused("To epoch (5) must not be before From epoch (10)", "10", "5", "20");
        refused("From epoch must be from 0 to 2000, got -1", "-1", "5", "20");
        refused("To epoch must be from 1 to 2000, got 0", "0", "0", "20");
        refused("To epoch must be from 1 to 2000, got 2001", "0", "2001", "20");
        refused("From epoch must be a whole number from 0 to 2000, got 'ten'", "ten", "5", "20");
        refused("To epoch must be a whole number from 1 to 2000, got '2.5'", "0", "2.5", "20");
        refused("To epoch must be a whole number from 1 to 2000, got ''", "0", " ", "20");
    }

    @Test
    void badFrameRatesAreRefused() {
        refused("Frames per second must be from 1 to 50, got 0", "0", "5", "0");
        refused("Frames per second must be from 1 to 50, got 51", "0", "5", "51");
        refused("Frames per second must be a number from 1 to 50, got 'fast'", "0", "5", "fast");
        refused("Frames per second must be from 1 to 50, got NaN", "0", "5", "NaN");
        assertThrows(AnimationSettings.Invalid.class, () -> AnimationSettings.parse("0", "5", "20", 3, FIT));
    }
}
