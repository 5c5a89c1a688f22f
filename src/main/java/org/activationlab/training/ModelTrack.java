package org.activationlab.training;

import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One model of a {@link TrainingSession}: its run, its newest statistics and its history. A track
 * is independent of the other models, so each may be stepped on its own thread; a track is
 * touched by one thread at a time (the session's rounds hand it over, never share it).
 */
public final class ModelTrack {

    private final int index;
    private final ModelRun run;
    private final ModelHistory.Builder history;
    private ModelStats stats;
    /** Whether {@link #stats} is older than the model (training skipped a measurement). */
    private boolean stale;

    ModelTrack(int index, ModelRun run, BooleanSupplier stop) {
        this.index = index;
        this.run = run;
        this.stats = run.measure(stop);
        this.history = new ModelHistory.Builder(stats.layers().size());
        history.add(stats, true, run.epoch(), run.lastTrainLoss());
    }

    public int index() {
        return index;
    }

    public ModelRun run() {
        return run;
    }

    public String name() {
        return run.name();
    }

    /** Epochs this model has trained since it (re)started: its own count, not the session's. */
    public int epoch() {
        return run.epoch();
    }

    public boolean diverged() {
        return run.diverged();
    }

    /** The newest statistics (older than the model while {@link #stale()}). */
    public ModelStats stats() {
        return stats;
    }

    public boolean stale() {
        return stale;
    }

    /** Whether the model trains on under this epoch limit (0 = none): not diverged, below it. */
    public boolean canTrain(int epochLimit) {
        return !run.diverged() && (epochLimit <= 0 || run.epoch() < epochLimit);
    }

    /**
     * Trains batches until the model's epoch ends or {@code stop} says so, which is asked
     * before every batch.
     *
     * @return true if the epoch ended
     */
    public boolean trainUntilEpochEnd(BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            if (run.trainBatch()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Measures the model now, unless {@code stop} interrupts it (then it stays as it was).
     *
     * @return whether it was measured
     */
    public boolean measure(BooleanSupplier stop) {
        try {
            stats = run.measure(stop);
            stale = false;
            return true;
        } catch (CancellationException e) {
            return false;
        }
    }

    /**
     * Measures the model if its statistics are older than it: an ended session epoch left them
     * unmeasured, or the model finished an epoch of a session epoch that was interrupted (a
     * pause while slower models were still training).
     */
    public boolean measureIfStale(BooleanSupplier stop) {
        return !(stale || stats.epoch() != run.epoch()) || measure(stop);
    }

    /**
     * Appends this model's entry for a session epoch that just ended: measured if asked (and
     * not stopped), otherwise the previous values marked as not measured (when it trained) so
     * that exports do not pass them off as this epoch's.
     */
    void recordEpoch(boolean trained, boolean measure, BooleanSupplier stop) {
        if (trained) {
            stale = true;
            if (measure) {
                measure(stop);
            }
        }
        history.add(stats, !stale, run.epoch(), run.lastTrainLoss());
    }

    /** Appends a made-up entry ({@link HistoryPreload}, for the UI benchmark only). */
    void recordPreloaded(ModelStats made) {
        history.add(made, false, run.epoch(), made.trainLoss());
    }

    /** After a switch restarted or changed the model: its statistics must show it at once. */
    void remeasure() {
        stats = run.measure();
        stale = false;
    }

    ModelHistory history() {
        return history.view();
    }
}
