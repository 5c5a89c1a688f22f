package org.activationlab.training;

import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Trains every model of an experiment in lockstep on one background daemon thread.
 *
 * <p>Other threads talk to it in two directions only: {@link #send} queues a
 * {@link TrainerCommand}, applied in order at the next epoch boundary; after every epoch (and
 * every command) the trainer publishes an immutable {@link Snapshot} into a latest-wins hand-off
 * that {@link #poll()} empties, so a reader that is slower than training simply skips snapshots
 * and publishing never waits for it.
 */
public final class Trainer implements AutoCloseable {

    /** The speed the app starts at: the 100 epochs of the classic experiment in about 5 s. */
    public static final double DEFAULT_SPEED = 20;
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final LinkedBlockingQueue<TrainerCommand> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private final Object publishSignal = new Object();
    private volatile Snapshot latest;
    private volatile boolean running = true;
    private final Thread thread;
    private final FramePacing pacing = new FramePacing();

    // State below is owned by the trainer thread (set up before it starts).
    private final TrainerState state;

    /** Builds the experiment (paused at epoch 0, its snapshot published) and starts the thread. */
    public Trainer(ExperimentConfig config) {
        this(config, DEFAULT_SPEED);
    }

    public Trainer(ExperimentConfig config, double epochsPerSecond) {
        if (!(epochsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0 epochs/s");
        }
        state = new TrainerState(config, epochsPerSecond);
        publish();
        thread = new Thread(this::run, "activation-lab-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a command; it is applied at the next epoch boundary. Never blocks. */
    public void send(TrainerCommand command) {
        commands.add(command);
    }

    /** Takes the newest unread snapshot, or null if none was published since the last poll. */
    public Snapshot poll() {
        return pending.getAndSet(null);
    }

    /** The newest snapshot, read or not. */
    public Snapshot latest() {
        return latest;
    }

    /**
     * Waits until a published snapshot satisfies {@code condition} (for the command line and
     * tests), and returns it.
     *
     * @throws java.util.concurrent.TimeoutException if none does within the timeout
     */
    public Snapshot await(Predicate<Snapshot> condition, long timeoutMillis)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (publishSignal) {
            while (true) {
                Snapshot s = latest;
                if (condition.test(s)) {
                    return s;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new java.util.concurrent.TimeoutException(
                            "no matching snapshot within " + timeoutMillis + " ms (epoch " + s.epoch() + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(publishSignal, left);
            }
        }
    }

    /** Where a window reports its frame times, so that training at Max speed leaves it enough. */
    public FramePacing pacing() {
        return pacing;
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** The trainer thread, for tests that check it ends. */
    Thread thread() {
        return thread;
    }

    /** Stops the thread, waiting at most one second. Safe to call more than once. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish() {
        Snapshot snapshot = state.snapshot();
        latest = snapshot;
        pending.set(snapshot);
        synchronized (publishSignal) {
            publishSignal.notifyAll();
        }
    }

    private void run() {
        long nextEpochAt = System.nanoTime();
        while (running) {
            try {
                if (!state.wantsEpoch()) {
                    TrainerCommand command = commands.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
                    if (command != null) {
                        applyQueued(command);
                        nextEpochAt = System.nanoTime();
                    }
                    continue;
                }
                long wait = nextEpochAt - System.nanoTime();
                if (wait > 0 && !state.stepRequested()) {
                    TrainerCommand command = commands.poll(wait, TimeUnit.NANOSECONDS);
                    if (command != null) {
                        applyQueued(command);
                        continue;
                    }
                }
                TrainerCommand queued = commands.poll();
                if (queued != null) {
                    applyQueued(queued);
                    continue;
                }
                long started = System.nanoTime();
                long period = state.periodNanos();
                state.trainEpoch(started, started - nextEpochAt > period / 4);
                publish();
                nextEpochAt = Math.max(nextEpochAt + period, started);
                long rest = period == 0 ? pacing.restNanos() : 0;
                if (rest > 0) {
                    // At Max speed the window's frames come first: rest while they run late.
                    TrainerCommand command = commands.poll(rest, TimeUnit.NANOSECONDS);
                    if (command != null) {
                        applyQueued(command);
                    }
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (Throwable t) {
                // An error must reach the user: it is published, and training pauses.
                state.fail(t);
                publish();
            }
        }
    }

    /** Applies this command and every other one already queued, then publishes once. */
    private void applyQueued(TrainerCommand first) {
        TrainerCommand command = first;
        while (command != null) {
            try {
                state.apply(command);
            } catch (RuntimeException e) {
                state.fail(e);
            }
            command = commands.poll();
        }
        publish();
    }

    /**
     * Up to this many models, every model is measured after every epoch (the classic app's two).
     * {@link ModelRun#measure()} costs about half an epoch of training, so with more models (a
     * race of 13) trained at Max speed or falling behind the requested one, each is measured
     * only every {@link #STATS_INTERVAL}-th epoch, staggered so that every epoch measures a few
     * of them, and always when training stops or pauses.
     */
    static final int FULL_STATS_MODELS = 4;
    static final int STATS_INTERVAL = 12;

    /** The experiment's mutable state, touched only by the trainer thread. */
    private static final class TrainerState {
        /** Models whose statistics are older than the epoch (see {@link #FULL_STATS_MODELS}). */
        private boolean[] stale = new boolean[0];
        private ExperimentConfig config;
        private final List<ModelRun> runs = new ArrayList<>();
        private final List<ModelStats> stats = new ArrayList<>();
        private final List<ModelHistory.Builder> histories = new ArrayList<>();
        private final List<SwitchEvent> switches = new ArrayList<>();
        private int epoch;
        /** The limit as the user set it, by which a reached limit is extended. */
        private int limitLength;
        private boolean playing;
        private int stepsRequested;
        private double speed;
        private long sequence;
        private String failure;
        private final long[] recentEpochTimes = new long[16];
        private int recentCount;

        TrainerState(ExperimentConfig config, double speed) {
            this.speed = speed;
            load(config);
        }

        void load(ExperimentConfig newConfig) {
            if (config == null || newConfig.epochLimit() != config.epochLimit()) {
                limitLength = newConfig.epochLimit();
            }
            config = newConfig;
            runs.clear();
            stats.clear();
            histories.clear();
            switches.clear();
            List<String> names = config.modelNames();
            for (int i = 0; i < config.models().size(); i++) {
                ModelRun run = new ModelRun(names.get(i), config.data(),
                        config.network().withActivation(config.models().get(i)), config.optimizer(),
                        config.batchSize(), config.seed());
                runs.add(run);
                ModelStats s = run.measure();
                stats.add(s);
                ModelHistory.Builder history = new ModelHistory.Builder(s.layers().size());
                history.add(s);
                histories.add(history);
            }
            stale = new boolean[runs.size()];
            epoch = 0;
            playing = false;
            stepsRequested = 0;
            recentCount = 0;
            failure = null;
        }

        boolean canTrain() {
            if (config.epochLimit() > 0 && epoch >= config.epochLimit()) {
                return false;
            }
            for (ModelRun run : runs) {
                if (!run.diverged()) {
                    return true;
                }
            }
            return false;
        }

        boolean wantsEpoch() {
            return (playing || stepsRequested > 0) && canTrain();
        }

        boolean stepRequested() {
            return stepsRequested > 0;
        }

        long periodNanos() {
            return Double.isInfinite(speed) ? 0 : (long) (1e9 / speed);
        }

        /** @param late whether this epoch started late for the requested speed */
        void trainEpoch(long startedNanos, boolean late) {
            int divergedBefore = divergedCount();
            for (ModelRun run : runs) {
                run.trainEpoch();
            }
            epoch++;
            if (stepsRequested > 0) {
                stepsRequested--;
            }
            boolean lastEpoch = (!playing && stepsRequested == 0) || !canTrain()
                    || divergedCount() > divergedBefore;
            boolean hurry = late || Double.isInfinite(speed);
            boolean everyModel = lastEpoch || !hurry || runs.size() <= FULL_STATS_MODELS;
            for (int i = 0; i < runs.size(); i++) {
                if (everyModel || (epoch + i) % STATS_INTERVAL == 0) {
                    stats.set(i, runs.get(i).measure());
                    stale[i] = false;
                } else {
                    stale[i] = true;
                }
                // An unmeasured epoch repeats the model's last value, so history index = epoch.
                histories.get(i).add(stats.get(i));
            }
            // A diverged model pauses everything, so the class sees it happen; Play trains the rest on.
            if (!canTrain()) {
                playing = false;
            }
            if (divergedCount() > divergedBefore) {
                playing = false;
                stepsRequested = 0;
            }
            if (!playing && stepsRequested == 0) {
                measureStale(); // a divergence that only measuring found
            }
            recentEpochTimes[recentCount % recentEpochTimes.length] = startedNanos;
            recentCount++;
        }

        private int divergedCount() {
            int n = 0;
            for (ModelRun run : runs) {
                n += run.diverged() ? 1 : 0;
            }
            return n;
        }

        double measuredEpochsPerSecond() {
            int n = Math.min(recentCount, recentEpochTimes.length);
            if (n < 2 || !playing) {
                return 0;
            }
            long newest = recentEpochTimes[(recentCount - 1) % recentEpochTimes.length];
            long oldest = recentEpochTimes[(recentCount - n) % recentEpochTimes.length];
            return newest == oldest ? 0 : (n - 1) * 1e9 / (newest - oldest);
        }

        void apply(TrainerCommand command) {
            // Whatever the user does next answers an earlier error; a new one is set again below.
            failure = null;
            if (command instanceof TrainerCommand.Play) {
                extendLimitIfReached();
                playing = canTrain();
                recentCount = 0;
            } else if (command instanceof TrainerCommand.Pause) {
                playing = false;
                stepsRequested = 0;
                measureStale();
            } else if (command instanceof TrainerCommand.TogglePlay) {
                if (!playing) {
                    extendLimitIfReached();
                }
                playing = !playing && canTrain();
                recentCount = 0;
                if (!playing) {
                    measureStale();
                }
            } else if (command instanceof TrainerCommand.Step) {
                playing = false;
                extendLimitIfReached();
                if (canTrain()) {
                    stepsRequested++;
                }
            } else if (command instanceof TrainerCommand.Reset) {
                load(config.withEpochLimit(limitLength));
            } else if (command instanceof TrainerCommand.SetSpeed s) {
                speed = s.epochsPerSecond();
                recentCount = 0;
            } else if (command instanceof TrainerCommand.SetEpochLimit l) {
                config = config.withEpochLimit(l.limit());
                limitLength = l.limit();
                playing = playing && canTrain();
                if (!playing) {
                    measureStale();
                }
            } else if (command instanceof TrainerCommand.SwitchActivation s) {
                switchActivation(s);
            } else if (command instanceof TrainerCommand.SetLearningRate lr) {
                setOptimizer(config.optimizer().withLearningRate(lr.learningRate()));
            } else if (command instanceof TrainerCommand.SetOptimizer o) {
                setOptimizer(o.optimizer());
            } else if (command instanceof TrainerCommand.SetBatchSize b) {
                load(config.withBatchSize(b.batchSize()));
            } else if (command instanceof TrainerCommand.SetSeed s) {
                load(config.withSeed(s.seed()));
            } else if (command instanceof TrainerCommand.SetNetwork n) {
                load(config.withNetwork(n.network()));
            } else if (command instanceof TrainerCommand.SetData d) {
                load(config.withData(d.data()));
            } else if (command instanceof TrainerCommand.Load l) {
                load(l.config());
            } else if (command instanceof TrainerCommand.PreloadHistory p) {
                HistoryPreload.append(p.epochs(), epoch + 1, stats, histories, switches,
                        org.activationlab.engine.Activations.all());
                epoch += p.epochs();
            } else {
                throw new IllegalArgumentException("unknown command " + command);
            }
        }

        /** Paused, the views show every model as it is now (its history keeps what it had). */
        private void measureStale() {
            for (int i = 0; i < runs.size(); i++) {
                if (stale[i]) {
                    stats.set(i, runs.get(i).measure());
                    stale[i] = false;
                }
            }
        }

        /**
         * Asking to train at the limit means "go on": the limit moves on by the run's original
         * length (epoch 100 of 100 becomes epoch 100 of 200), so a switched model can be watched.
         */
        private void extendLimitIfReached() {
            int limit = config.epochLimit();
            if (limit > 0 && epoch >= limit) {
                int length = limitLength > 0 ? limitLength : limit;
                config = config.withEpochLimit(epoch + length);
            }
        }

        private void switchActivation(TrainerCommand.SwitchActivation s) {
            if (s.model() < 0 || s.model() >= runs.size()) {
                throw new IllegalArgumentException("no model " + s.model());
            }
            ModelRun run = runs.get(s.model());
            if (run.activation() == s.activation() && s.mode() == SwitchMode.KEEP_WEIGHTS) {
                return;
            }
            switches.add(new SwitchEvent(epoch, s.model(), run.activation(), s.activation(), s.mode()));
            if (s.mode() == SwitchMode.RESTART) {
                run.restart(s.activation());
            } else {
                run.switchActivationKeepingWeights(s.activation());
            }
            config = config.withModel(s.model(), s.activation());
            stats.set(s.model(), run.measure());
            stale[s.model()] = false;
        }

        private void setOptimizer(org.activationlab.engine.OptimizerSpec optimizer) {
            config = config.withOptimizer(optimizer);
            for (ModelRun run : runs) {
                run.setOptimizer(optimizer);
            }
        }

        void fail(Throwable t) {
            failure = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            playing = false;
            stepsRequested = 0;
        }

        Snapshot snapshot() {
            List<ModelHistory> views = new ArrayList<>(histories.size());
            for (ModelHistory.Builder b : histories) {
                views.add(b.view());
            }
            return new Snapshot(++sequence, epoch, config, stats, views, switches, playing, speed,
                    measuredEpochsPerSecond(), failure);
        }
    }
}
