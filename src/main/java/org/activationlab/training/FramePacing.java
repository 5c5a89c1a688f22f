package org.activationlab.training;

import java.util.concurrent.TimeUnit;

/**
 * Frame-time feedback from the window to the trainer, so that training at Max speed never
 * starves the window. The UI reports how long each frame took ({@link #frameShown}); the trainer
 * asks how many of its workers may train ({@link #workersAllowed}) and how long to rest after an
 * epoch ({@link #restNanos()}).
 *
 * <p>A frame is late when it missed its turn (half an interval over), and one late frame alone
 * (a garbage collection, the JIT) says little about training: a second one within
 * {@link #LATE_WINDOW_FRAMES} frames does. Late frames first take a worker away from training, which hands the window a whole core;
 * only when a single worker is still too much does the trainer rest after each epoch, longer
 * while frames stay late. Frames on time melt the rest away and, after a while, try a worker more;
 * if that makes frames late again soon, the next try waits twice as long (up to
 * {@link #MAX_PROBE_FRAMES} frames), so a machine that cannot spare a core is not asked every
 * second. Thread-safe: written by the FX thread, read by the trainer.
 */
public final class FramePacing {

    /** The frame interval aimed at: 60 frames a second. */
    public static final long TARGET_NANOS = TimeUnit.MICROSECONDS.toNanos(16_667);
    /** A frame this much longer than the target missed its turn: it is late. */
    static final long LATE_NANOS = TARGET_NANOS * 3 / 2;
    /** A late frame counts only if another one came within this many frames (a second). */
    static final int LATE_WINDOW_FRAMES = 60;
    /** The longest rest after an epoch. */
    public static final long MAX_REST_NANOS = TimeUnit.MILLISECONDS.toNanos(12);
    private static final long STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    /** Frames on time before a worker more is tried, at first (one second). */
    static final int FIRST_PROBE_FRAMES = 60;
    /** The longest wait between tries (ten seconds). */
    static final int MAX_PROBE_FRAMES = 600;
    /** A late frame this soon after a worker was given back means the try failed. */
    static final int FAILED_TRY_FRAMES = 30;

    private volatile long restNanos;
    private volatile int workersAllowed = Integer.MAX_VALUE;
    private int workers = Integer.MAX_VALUE;
    private int onTimeStreak;
    private int probeFrames = FIRST_PROBE_FRAMES;
    /** Frames since a worker was given back; a late frame soon after means the try failed. */
    private int sinceProbe = Integer.MAX_VALUE;
    /** Frames since the last late one. */
    private int sinceLate = Integer.MAX_VALUE;

    /**
     * The window showed a frame {@code intervalNanos} after the one before. A frame much later
     * than two intervals (the window was hidden, or the system paused) says nothing about
     * training and is ignored.
     */
    public synchronized void frameShown(long intervalNanos) {
        if (intervalNanos >= 10 * TARGET_NANOS) {
            return;
        }
        sinceProbe = sinceProbe == Integer.MAX_VALUE ? sinceProbe : sinceProbe + 1;
        if (sinceProbe == FAILED_TRY_FRAMES + 1) {
            probeFrames = FIRST_PROBE_FRAMES; // the last try held: try again at the first pace
        }
        boolean lateBefore = sinceLate < LATE_WINDOW_FRAMES;
        sinceLate = sinceLate == Integer.MAX_VALUE ? sinceLate : sinceLate + 1;
        if (intervalNanos > LATE_NANOS) {
            onTimeStreak = 0;
            sinceLate = 0;
            if (!lateBefore) {
                return; // one late frame alone: a hiccup, not a pattern
            }
            if (sinceProbe <= FAILED_TRY_FRAMES) {
                probeFrames = Math.min(MAX_PROBE_FRAMES, probeFrames * 2); // the try failed
            }
            sinceProbe = Integer.MAX_VALUE;
            int allowed = Math.min(workersAllowed, workers);
            if (allowed > 1) {
                workersAllowed = allowed - 1;
            } else {
                long rest = restNanos;
                restNanos = Math.min(MAX_REST_NANOS, rest + rest / 2 + STEP_NANOS);
            }
            return;
        }
        long rest = restNanos * 7 / 8;
        restNanos = rest < STEP_NANOS / 8 ? 0 : rest;
        if (restNanos > 0) {
            return;
        }
        onTimeStreak++;
        if (onTimeStreak >= probeFrames && workersAllowed < workers) {
            workersAllowed++;
            onTimeStreak = 0;
            sinceProbe = 0;
        }
    }

    /** How long the trainer should rest after an epoch at Max speed (0 while frames are on time). */
    public long restNanos() {
        return restNanos;
    }

    /** The trainer has this many workers (at most that many are ever allowed). */
    public synchronized void setWorkers(int count) {
        workers = Math.max(1, count);
        workersAllowed = Math.min(workersAllowed, workers);
    }

    /** How many workers may train at Max speed now, at least 1. */
    public int workersAllowed() {
        return Math.max(1, Math.min(workersAllowed, workers));
    }
}
