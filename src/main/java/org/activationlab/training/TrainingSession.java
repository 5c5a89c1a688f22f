package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.OptimizerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * The one training loop: the models of an experiment ({@link ModelTrack}s), the session's epochs,
 * each model's own epoch count and the per-model epoch limit, statistics and their history,
 * divergence and activation switches. The app's trainer thread, the command line's {@code train},
 * the benchmark and the tests all train through it.
 *
 * <p>The session advances in <em>epochs of the session</em>: in each, every model that can train
 * (not diverged, its own epoch below the limit) trains one epoch of its own; when all have, the
 * session epoch ends and every model's history gets one entry (index = session epoch). A model
 * restarted by a switch thus trains to the limit like the others, in later session epochs.
 *
 * <p>Models step independently: {@link #trainEpoch(BooleanSupplier, BooleanSupplier, IntPredicate)} walks the
 * models of the epoch in order, but a caller may instead step each model of
 * {@link #modelsInEpoch()} on its own worker ({@link ModelTrack#trainUntilEpochEnd}) and then call
 * {@link #endEpoch}. Every long step asks a {@code stop} supplier between batches (and between
 * chunks of points while measuring or building), so a caller can interrupt and resume.
 *
 * <p>Not thread-safe: one thread coordinates the session; tracks are handed to workers whole.
 */
public final class TrainingSession {

    private static final BooleanSupplier NEVER = () -> false;
    /** No threads: everything runs on the caller (the one-thread path). */
    private static final EpochWorkers CALLING_THREAD = new EpochWorkers(1, "unused");

    private ExperimentConfig config;
    private final List<ModelTrack> tracks;
    private final List<SwitchEvent> switches = new ArrayList<>();
    private int epoch;
    /** Models taking part in the session epoch under way; null between session epochs. */
    private boolean[] inEpoch;
    private boolean[] epochDone;
    /** Each model's time for its last epoch of training, to hand the slowest out first. */
    private long[] epochNanos;
    /** Every model's grid predictions per session epoch (thinned to a memory budget). */
    private final PredictionTimeline.Builder timeline;

    private TrainingSession(ExperimentConfig config, List<ModelTrack> tracks) {
        this.config = config;
        this.tracks = tracks;
        this.epochNanos = new long[tracks.size()];
        this.timeline = new PredictionTimeline.Builder(tracks.size(), PredictionTimeline.DEFAULT_BUDGET);
        recordTimeline();
    }

    /** Appends every model's newest grid predictions as session epoch {@link #epoch}'s. */
    private void recordTimeline() {
        float[][] grids = new float[tracks.size()][];
        for (int i = 0; i < grids.length; i++) {
            grids[i] = tracks.get(i).stats().gridPredictions();
        }
        timeline.append(epoch, grids);
    }

    /** Every model's predictions on the plotting grid at the epochs kept (an immutable view). */
    public PredictionTimeline timeline() {
        return timeline.view();
    }

    /** Builds every model of {@code config} (at epoch 0, measured). */
    public static TrainingSession build(ExperimentConfig config) {
        return build(config, NEVER, Long.MAX_VALUE);
    }

    /**
     * Builds every model of {@code config}, or refuses it; nothing outside the new session changes.
     *
     * @param stop        asked while building; building then ends with a {@link CancellationException}
     * @param memoryBudget bytes the models may take ({@link #estimatedBytes}); more is refused
     * @throws IllegalArgumentException with a message for the user if it cannot be built
     */
    public static TrainingSession build(ExperimentConfig config, BooleanSupplier stop, long memoryBudget) {
        Objects.requireNonNull(config, "config");
        long bytes = estimatedBytes(config);
        if (bytes > memoryBudget) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s with %d model%s, %d points and batch %d would need about %d MiB, more than the"
                            + " %d MiB this app may use; make the network smaller, use fewer points or"
                            + " a smaller batch (or start Java with a larger -Xmx)",
                    config.network().shapeText(), config.models().size(),
                    config.models().size() == 1 ? "" : "s", config.data().size(), config.batchSize(),
                    bytes >> 20, memoryBudget >> 20));
        }
        List<String> names = config.modelNames();
        List<ModelTrack> tracks = new ArrayList<>();
        for (int i = 0; i < config.models().size(); i++) {
            if (stop.getAsBoolean()) {
                throw new CancellationException("building was stopped");
            }
            ModelRun run = new ModelRun(names.get(i), config.data(),
                    config.network().withActivation(config.models().get(i)), config.optimizer(),
                    config.batchSize(), config.seed());
            tracks.add(new ModelTrack(i, run, stop));
        }
        return new TrainingSession(config, tracks);
    }

    /**
     * Bytes that training {@code config} needs, estimated from its shape: per model the
     * parameters with their gradients, the optimiser's moments, the copy kept for update ratios
     * and the statistics' copies in flight; each layer's batch buffers; the predictions.
     */
    public static long estimatedBytes(ExperimentConfig config) {
        int[] sizes = config.network().layerSizes();
        long params = 0;
        long batchBuffers = 0;
        int widest = 1;
        for (int l = 1; l < sizes.length; l++) {
            params += (long) sizes[l - 1] * sizes[l] + sizes[l];
            batchBuffers += 4L * config.batchSize() * sizes[l];
            widest = Math.max(widest, sizes[l]);
        }
        long maxDim = Math.max(config.batchSize(), widest);
        long points = config.data().size();
        long perModelFloats = 8 * params + batchBuffers + maxDim * maxDim
                + 2L * config.batchSize() * widest + 4 * points;
        return 4 * (config.models().size() * perModelFloats + 4 * points);
    }

    /** A memory budget for experiments: half the heap this JVM may grow to. */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    public ExperimentConfig config() {
        return config;
    }

    /** Session epochs completed (the index of every model's newest history entry). */
    public int epoch() {
        return epoch;
    }

    public List<ModelTrack> models() {
        return List.copyOf(tracks);
    }

    public ModelTrack model(int index) {
        return tracks.get(index);
    }

    public int modelCount() {
        return tracks.size();
    }

    /** Whether any model can train on (a session epoch would train something). */
    public boolean canTrain() {
        for (ModelTrack t : tracks) {
            if (t.canTrain(config.epochLimit())) {
                return true;
            }
        }
        return false;
    }

    public int divergedCount() {
        int n = 0;
        for (ModelTrack t : tracks) {
            n += t.diverged() ? 1 : 0;
        }
        return n;
    }

    /** Whether every model that has not diverged has reached the epoch limit. */
    public boolean atLimit() {
        return config.epochLimit() > 0 && !canTrain() && divergedCount() < tracks.size();
    }

    /** Whether a session epoch has started and not ended (training stopped between batches). */
    public boolean epochUnderWay() {
        return inEpoch != null;
    }

    /**
     * Starts a session epoch if none is under way.
     *
     * @return the models that train in it (by index), empty if none can
     */
    public List<ModelTrack> modelsInEpoch() {
        if (inEpoch == null) {
            inEpoch = new boolean[tracks.size()];
            epochDone = new boolean[tracks.size()];
            for (int i = 0; i < tracks.size(); i++) {
                inEpoch[i] = tracks.get(i).canTrain(config.epochLimit());
            }
        }
        List<ModelTrack> list = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            if (inEpoch[i]) {
                list.add(tracks.get(i));
            }
        }
        return list;
    }

    /**
     * Trains the session epoch (starting it if needed) until it ends or {@code stop} says so;
     * then, if it ended, records it ({@link #endEpoch}).
     *
     * @param stopMeasuring asked while measuring at the end (an interrupted model is marked
     *                      as not measured at this epoch)
     * @param measure which models to measure at the end (by index)
     * @return true if the session epoch ended
     */
    public boolean trainEpoch(BooleanSupplier stop, BooleanSupplier stopMeasuring, IntPredicate measure) {
        List<ModelTrack> models = modelsInEpoch();
        if (models.isEmpty()) {
            inEpoch = null; // nothing can train: no session epoch passes
            epochDone = null;
            return false;
        }
        for (ModelTrack t : models) {
            int i = t.index();
            if (!epochDone[i]) {
                epochDone[i] = t.trainUntilEpochEnd(stop);
                if (!epochDone[i]) {
                    return false;
                }
            }
        }
        endEpoch(measure, stopMeasuring);
        return true;
    }

    /**
     * The same with the models side by side on {@code workers}: each model of the epoch trains
     * (and then is measured) on whichever worker takes it ({@link EpochWorkers}); models share
     * nothing, so its numbers are bit for bit those of {@link #trainEpoch(BooleanSupplier, BooleanSupplier, IntPredicate)}.
     * {@code measure} is asked on the calling thread; {@code stop} and {@code stopMeasuring} on
     * the workers, so they must be thread-safe.
     *
     * @throws InterruptedException if the calling thread is interrupted while the workers run
     */
    public boolean trainEpoch(EpochWorkers workers, BooleanSupplier stop, BooleanSupplier stopMeasuring,
                              IntPredicate measure) throws InterruptedException {
        List<ModelTrack> models = modelsInEpoch();
        if (models.isEmpty()) {
            inEpoch = null;
            epochDone = null;
            return false;
        }
        boolean[] done = epochDone;
        long[] cost = epochNanos;
        // Longest first, by the last epoch's time: the free worker takes the next model, so the
        // round ends soon after the slowest one (e.g. 13 race models of unequal cost on 2 cores).
        models.sort((a, b) -> Long.compare(cost[b.index()], cost[a.index()]));
        workers.run(models.size(), k -> {
            ModelTrack t = models.get(k);
            int i = t.index();
            if (!done[i]) {
                long started = System.nanoTime();
                done[i] = t.trainUntilEpochEnd(stop);
                cost[i] = System.nanoTime() - started;
            }
        });
        for (ModelTrack t : models) {
            if (!done[t.index()]) {
                return false;
            }
        }
        finishEpoch(measure, stopMeasuring, workers);
        return true;
    }

    /**
     * For the UI benchmark only: {@code epochs} session epochs of made-up history and switch
     * markers ({@link HistoryPreload}); nothing trains.
     */
    void preloadHistory(int epochs) {
        if (inEpoch != null) {
            throw new IllegalStateException("a session epoch is under way");
        }
        HistoryPreload.append(epochs, epoch + 1, tracks, switches,
                org.activationlab.engine.Activations.all());
        for (int e = 0; e < epochs; e++) {
            epoch++;
            recordTimeline(); // the same arrays each epoch: a long run's entries, few bytes
        }
    }

    /** One whole session epoch, every model measured (the command line, the benchmark, tests). */
    public void trainEpoch() {
        trainEpoch(NEVER, NEVER, i -> true);
    }

    /**
     * Ends the session epoch whose models have all trained their epoch: appends one history
     * entry per model, measuring those {@code measure} names (unless {@code stop} interrupts the
     * measuring; such entries are marked as not measured).
     */
    public void endEpoch(IntPredicate measure, BooleanSupplier stop) {
        try {
            finishEpoch(measure, stop, CALLING_THREAD);
        } catch (InterruptedException e) {
            throw new IllegalStateException("one worker never waits", e); // the caller runs it all
        }
    }

    /** Ends the session epoch: each model's history (measured on {@code workers}) and the timeline. */
    private void finishEpoch(IntPredicate measure, BooleanSupplier stop, EpochWorkers workers)
            throws InterruptedException {
        boolean[] trained = inEpoch == null ? new boolean[tracks.size()] : inEpoch;
        inEpoch = null;
        epochDone = null;
        epoch++;
        boolean[] measured = new boolean[tracks.size()];
        boolean anyMeasured = false;
        for (int i = 0; i < tracks.size(); i++) {
            measured[i] = trained[i] && measure.test(i); // asked on the calling thread
            anyMeasured |= measured[i];
        }
        // Recording an unmeasured epoch is a few appends: not worth a round on the workers.
        (anyMeasured ? workers : CALLING_THREAD).run(tracks.size(),
                i -> tracks.get(i).recordEpoch(trained[i], measured[i], stop));
        recordTimeline();
    }

    /** Fraction (0–1) of the batches of the session epoch under way already trained. */
    public double epochProgress() {
        if (inEpoch == null) {
            return 0;
        }
        long done = 0;
        long total = 0;
        for (int i = 0; i < tracks.size(); i++) {
            if (inEpoch[i]) {
                ModelRun run = tracks.get(i).run();
                total += run.batchesPerEpoch();
                done += epochDone[i] ? run.batchesPerEpoch() : run.batchInEpoch();
            }
        }
        return total == 0 ? 0 : (double) done / total;
    }

    /** Measures every model whose statistics are older than it, unless stopped. */
    public void measureStale(BooleanSupplier stop) {
        for (ModelTrack t : tracks) {
            if (!t.measureIfStale(stop)) {
                return;
            }
        }
    }

    /** A new epoch limit (0 = none) for every model. */
    public void setEpochLimit(int limit) {
        config = config.withEpochLimit(limit);
    }

    /**
     * Asking to train when every model is at the limit means "go on": the limit moves on by
     * {@code length} beyond the furthest model (100 of 100 becomes 100 of 200).
     */
    public void extendLimitIfReached(int length) {
        int limit = config.epochLimit();
        if (limit <= 0 || !atLimit()) {
            return;
        }
        int furthest = 0;
        for (ModelTrack t : tracks) {
            if (!t.diverged()) {
                furthest = Math.max(furthest, t.epoch());
            }
        }
        config = config.withEpochLimit(furthest + (length > 0 ? length : limit));
    }

    /** A new optimiser for every model, from the next step (their optimiser state starts afresh). */
    public void setOptimizer(OptimizerSpec optimizer) {
        config = config.withOptimizer(optimizer);
        for (ModelTrack t : tracks) {
            t.run().setOptimizer(optimizer);
        }
    }

    /**
     * Switches model {@code model}'s hidden activation, recording the switch at this session
     * epoch; nothing changes if the arguments are refused.
     *
     * @throws IllegalArgumentException for no such model or no activation
     */
    public void switchActivation(int model, Activation activation, SwitchMode mode) {
        if (model < 0 || model >= tracks.size()) {
            throw new IllegalArgumentException("no model " + model + " (the experiment has "
                    + tracks.size() + ")");
        }
        if (activation == null) {
            throw new IllegalArgumentException("no activation to switch model " + model + " to");
        }
        if (mode == null) {
            throw new IllegalArgumentException("no switch mode (restart or keep the weights)");
        }
        ModelTrack track = tracks.get(model);
        ModelRun run = track.run();
        if (run.activation() == activation && mode == SwitchMode.KEEP_WEIGHTS) {
            return;
        }
        switches.add(new SwitchEvent(epoch, model, run.activation(), activation, mode));
        timeline.markSwitch(epoch);
        if (mode == SwitchMode.RESTART) {
            run.restart(activation);
        } else {
            run.switchActivationKeepingWeights(activation);
        }
        config = config.withModel(model, activation);
        track.remeasure();
    }

    public List<SwitchEvent> switches() {
        return List.copyOf(switches);
    }

    /** Each model's newest statistics. */
    public List<ModelStats> stats() {
        List<ModelStats> list = new ArrayList<>(tracks.size());
        for (ModelTrack t : tracks) {
            list.add(t.stats());
        }
        return list;
    }

    /** Each model's own epoch count. */
    public List<Integer> modelEpochs() {
        List<Integer> list = new ArrayList<>(tracks.size());
        for (ModelTrack t : tracks) {
            list.add(t.epoch());
        }
        return list;
    }

    /** Each model's history (immutable views). */
    public List<ModelHistory> histories() {
        List<ModelHistory> list = new ArrayList<>(tracks.size());
        for (ModelTrack t : tracks) {
            list.add(t.history());
        }
        return list;
    }
}
