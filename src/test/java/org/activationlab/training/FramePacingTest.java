package org.activationlab.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePacingTest {

    private static final long MS = 1_000_000;

    private static void frames(FramePacing pacing, int count, long millis) {
        for (int i = 0; i < count; i++) {
            pacing.frameShown(millis * MS);
        }
    }

    @Test
    void aLateFrameFirstTakesAWorkerAwayThenTheTrainerRests() {
        FramePacing pacing = new FramePacing();
        pacing.setWorkers(2);
        assertEquals(2, pacing.workersAllowed());
        pacing.frameShown(17 * MS);
        assertEquals(2, pacing.workersAllowed(), "a frame on time asks for nothing");
        assertEquals(0, pacing.restNanos());

        pacing.frameShown(30 * MS);
        assertEquals(2, pacing.workersAllowed(), "one late frame alone is a hiccup");
        frames(pacing, 30, 16);
        pacing.frameShown(30 * MS);
        assertEquals(1, pacing.workersAllowed(), "a second late frame within a second hands the window a core");
        assertEquals(0, pacing.restNanos(), "no rest while a worker could be given up");
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            pacing.frameShown(30 * MS);
            assertTrue(pacing.restNanos() > previous, "each late frame with one worker asks for more rest");
            previous = pacing.restNanos();
        }
        frames(pacing, 100, 40);
        assertEquals(FramePacing.MAX_REST_NANOS, pacing.restNanos(), "the rest is bounded");
        assertEquals(1, pacing.workersAllowed(), "never fewer than one worker");
    }

    @Test
    void framesOnTimeMeltTheRestThenGiveTheWorkerBack() {
        FramePacing pacing = new FramePacing();
        pacing.setWorkers(2);
        frames(pacing, 20, 40);
        assertEquals(1, pacing.workersAllowed());
        assertTrue(pacing.restNanos() > 0);
        int frames = 0;
        while (pacing.workersAllowed() == 1 && frames < 10_000) {
            pacing.frameShown(16 * MS);
            frames++;
        }
        assertEquals(0, pacing.restNanos(), "rest melts away before a worker is tried again");
        assertEquals(2, pacing.workersAllowed());
        assertTrue(frames >= FramePacing.FIRST_PROBE_FRAMES, "after a second of frames on time, not at once");
    }

    @Test
    void aTryThatMakesFramesLateAgainWaitsTwiceAsLongNextTime() {
        FramePacing pacing = new FramePacing();
        pacing.setWorkers(2);
        frames(pacing, 2, 30);
        int first = framesUntilSecondWorker(pacing);
        frames(pacing, 2, 30); // the try failed at once
        assertEquals(1, pacing.workersAllowed());
        int second = framesUntilSecondWorker(pacing);
        assertEquals(2 * first, second);
        frames(pacing, FramePacing.FIRST_PROBE_FRAMES, 16); // this try held
        frames(pacing, 2, 30);
        assertEquals(first, framesUntilSecondWorker(pacing), "a try that held resets the wait");
    }

    @Test
    void lateFramesFarApartAreHiccupsAndFramesJustOverTheIntervalAreNotLate() {
        FramePacing pacing = new FramePacing();
        pacing.setWorkers(2);
        for (int i = 0; i < 10; i++) {
            pacing.frameShown(40 * MS);
            frames(pacing, FramePacing.LATE_WINDOW_FRAMES, 16);
        }
        frames(pacing, 200, 24);
        assertEquals(2, pacing.workersAllowed(), "a late frame a second, or frames under 1.5 intervals");
        assertEquals(0, pacing.restNanos());
    }

    private static int framesUntilSecondWorker(FramePacing pacing) {
        int frames = 0;
        while (pacing.workersAllowed() == 1) {
            pacing.frameShown(16 * MS);
            frames++;
            assertTrue(frames <= FramePacing.MAX_PROBE_FRAMES + 200, "the worker never came back");
        }
        return frames;
    }

    @Test
    void oneWorkerRestsAtOnce() {
        FramePacing pacing = new FramePacing();
        pacing.setWorkers(1);
        frames(pacing, 2, 30);
        assertTrue(pacing.restNanos() > 0);
        assertEquals(1, pacing.workersAllowed());
    }

    @Test
    void aPauseOfTheWholeWindowIsNotALateFrame() {
        FramePacing pacing = new FramePacing();
        pacing.setWorkers(2);
        pacing.frameShown(2_000 * MS);
        assertEquals(0, pacing.restNanos());
        assertEquals(2, pacing.workersAllowed());
    }
}
