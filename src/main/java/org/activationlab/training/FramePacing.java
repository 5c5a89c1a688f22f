package org.activationlab.training;

import java.util.concurrent.TimeUnit;

/**
 * Frame-time feedback from the window to the trainer, so that training at Max speed never
 * starves the window: the UI reports how long each frame took ({@link #frameShown}), and the
 * trainer rests {@link #restNanos()} after every epoch. The rest grows while frames run late
 * and melts away while they are on time, so training takes whatever the frames leave.
 * Thread-safe: written by the FX thread, read by the trainer.
 */
public final class FramePacing {

    /** The frame interval aimed at: 60 frames a second. */
    public static final long TARGET_NANOS = TimeUnit.MICROSECONDS.toNanos(16_667);
    /** A frame this much longer than the target is late. */
    static final long LATE_NANOS = TARGET_NANOS + TimeUnit.MICROSECONDS.toNanos(2_500);
    /** The longest rest after an epoch. */
    public static final long MAX_REST_NANOS = TimeUnit.MILLISECONDS.toNanos(12);
    private static final long STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private volatile long restNanos;

    /**
     * The window showed a frame {@code intervalNanos} after the one before. A frame much later
     * than two intervals (the window was hidden, or the system paused) says nothing about
     * training and is ignored.
     */
    public void frameShown(long intervalNanos) {
        long rest = restNanos;
        if (intervalNanos > LATE_NANOS && intervalNanos < 10 * TARGET_NANOS) {
            rest = Math.min(MAX_REST_NANOS, rest + rest / 2 + STEP_NANOS);
        } else if (intervalNanos <= LATE_NANOS) {
            rest = rest * 7 / 8;
            rest = rest < STEP_NANOS / 8 ? 0 : rest;
        }
        restNanos = rest;
    }

    /** How long the trainer should rest after an epoch at Max speed (0 while frames are on time). */
    public long restNanos() {
        return restNanos;
    }
}
