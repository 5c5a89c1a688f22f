package org.activationlab.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePacingTest {

    private static final long MS = 1_000_000;

    @Test
    void lateFramesMakeTheTrainerRestAndFramesOnTimeLetItGoAgain() {
        FramePacing pacing = new FramePacing();
        assertEquals(0, pacing.restNanos());

        pacing.frameShown(17 * MS);
        assertEquals(0, pacing.restNanos(), "a frame on time asks for nothing");
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            pacing.frameShown(30 * MS);
            assertTrue(pacing.restNanos() > previous, "each late frame asks for more rest");
            previous = pacing.restNanos();
        }
        for (int i = 0; i < 100; i++) {
            pacing.frameShown(40 * MS);
        }
        assertEquals(FramePacing.MAX_REST_NANOS, pacing.restNanos(), "the rest is bounded");
        for (int i = 0; i < 200; i++) {
            pacing.frameShown(16 * MS);
        }
        assertEquals(0, pacing.restNanos(), "on time again, training runs flat out");
    }

    @Test
    void aPauseOfTheWholeWindowIsNotALateFrame() {
        FramePacing pacing = new FramePacing();
        pacing.frameShown(2_000 * MS);
        assertEquals(0, pacing.restNanos());
    }
}
