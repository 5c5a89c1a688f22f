package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Trains a {@link TrainingSession} on one background daemon thread.
 *
 * <p>Other threads talk to it in two directions only. {@link #send} queues a
 * {@link TrainerCommand} and returns its id; commands are applied in order <em>between
 * batches</em>, and each gets a {@link CommandOutcome} (applied, failed and why, or superseded)
 * that every later snapshot keeps ({@link Snapshot#outcome}). The trainer publishes an immutable
 * {@link Snapshot} into a latest-wins hand-off that {@link #poll()} empties: after every session
 * epoch, after commands, every {@link #PUBLISH_INTERVAL_MILLIS} ms inside a long epoch (with its
 * progress) and while draining a flood of commands. A reader slower than training simply skips
 * snapshots, and publishing never waits for it.
 *
 * <p>Commands that edit the experiment ({@code SetNetwork}, {@code SetData}, {@code Load} …) and
 * arrive together are folded into one configuration and built once; the one being built is
 * checked against a memory budget first and built beside the running experiment, which stays
 * unchanged if building fails. A later {@code Load} or {@link #close()} cancels a build.
 */
public final class Trainer implements AutoCloseable {

    /** The speed the app starts at: the 100 epochs of the classic experiment in about 5 s. */
    public static final double DEFAULT_SPEED = org.activationlab.engine.Setting.SPEED.defaultValue();
    /** Longest time between snapshots while training inside an epoch or draining commands. */
    public static final long PUBLISH_INTERVAL_MILLIS = 40;
    private static final long PUBLISH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(PUBLISH_INTERVAL_MILLIS);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /**
     * How long {@link #close()} waits for the thread (on the FX thread, so briefly); the thread
     * stops at its next check between batches or chunks of points in any case.
     */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    /** A command and the id {@link #send} gave it. */
    private record Envelope(long id, TrainerCommand command) { }

    private final LinkedBlockingQueue<Envelope> commands = new LinkedBlockingQueue<>();
    private final AtomicLong nextId = new AtomicLong();
    /** Queued {@code Load}s, which cancel a build in progress. */
    private final AtomicInteger queuedLoads = new AtomicInteger();
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private final Object publishSignal = new Object();
    private volatile Snapshot latest;
    private volatile boolean running = true;
    private final long memoryBudget;
    private final Thread thread;
    private final FramePacing pacing = new FramePacing();
    /** The models of an epoch train side by side, one worker per core, the slowest handed out first. */
    private final EpochWorkers workers =
            new EpochWorkers(EpochWorkers.sizeFor(Integer.MAX_VALUE), "activation-lab-trainer-worker");

    // State below is owned by the trainer thread (set up before it starts).
    private TrainingSession session;
    private final CommandLog.Builder outcomes = new CommandLog.Builder();
    /** The epoch limit as the user set it, by which a reached limit is extended. */
    private int limitLength;
    private boolean playing;
    private int stepsRequested;
    private double speed;
    private long sequence;
    private String failure;
    private final long[] recentEpochTimes = new long[16];
    private int recentCount;
    private long lastPublishNanos;
    private long nextEpochAt;
    private boolean epochStartedLate;
    private int divergedBefore;

    // Suppliers made once: the training loop asks them between batches without allocating.
    private final BooleanSupplier closing = () -> !running;
    private final BooleanSupplier commandOrClose = () -> !running || !commands.isEmpty();
    private final BooleanSupplier stopTraining = () -> !running || !commands.isEmpty()
            || System.nanoTime() - lastPublishNanos >= PUBLISH_INTERVAL_NANOS;
    private final BooleanSupplier stopBuilding = () -> !running || queuedLoads.get() > 0;
    private final IntPredicate measurePolicy = this::measureModel;

    /** Builds the experiment (paused at epoch 0, its snapshot published) and starts the thread. */
    public Trainer(ExperimentConfig config) {
        this(config, DEFAULT_SPEED);
    }

    public Trainer(ExperimentConfig config, double epochsPerSecond) {
        this(config, epochsPerSecond, TrainingSession.defaultMemoryBudget());
    }

    /**
     * @param memoryBudget bytes an experiment may take ({@link TrainingSession#estimatedBytes});
     *                     loading a larger one is refused
     */
    public Trainer(ExperimentConfig config, double epochsPerSecond, long memoryBudget) {
        if (!(epochsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0 epochs/s");
        }
        this.memoryBudget = memoryBudget;
        this.speed = epochsPerSecond;
        this.session = TrainingSession.build(config, () -> false, memoryBudget);
        this.limitLength = config.epochLimit();
        pacing.setWorkers(workers.size());
        publish();
        thread = new Thread(this::run, "activation-lab-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a command; it is applied between batches. Never blocks.
     *
     * @return the command's id, by which {@link Snapshot#outcome} reports what became of it
     */
    public long send(TrainerCommand command) {
        if (command == null) {
            throw new IllegalArgumentException("no command");
        }
        long id = nextId.incrementAndGet();
        if (command instanceof TrainerCommand.Load) {
            queuedLoads.incrementAndGet();
        }
        commands.add(new Envelope(id, command));
        return id;
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

    /** Waits for the outcome of command {@code id} and returns it. */
    public CommandOutcome awaitOutcome(long id, long timeoutMillis)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        return await(s -> s.outcome(id).isPresent(), timeoutMillis).outcome(id).orElseThrow();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** The trainer thread, for tests that check it ends. */
    Thread thread() {
        return thread;
    }

    /**
     * Stops the thread: it notices between batches (and between chunks of points while building
     * or measuring). Waits for it a bounded time. Safe to call more than once.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.close();
    }

    /**
     * Waits up to {@code millis} for the thread to end (after {@link #close()}).
     *
     * @return whether it has ended
     */
    public boolean awaitTermination(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    private void publish() {
        Snapshot snapshot = new Snapshot(++sequence, session.epoch(), session.config(), session.stats(),
                session.histories(), session.switches(), playing, speed, measuredEpochsPerSecond(),
                failure, session.modelEpochs(), session.epochProgress(), outcomes.view());
        lastPublishNanos = System.nanoTime();
        latest = snapshot;
        pending.set(snapshot);
        synchronized (publishSignal) {
            publishSignal.notifyAll();
        }
    }

    private void run() {
        nextEpochAt = System.nanoTime();
        while (running) {
            try {
                if (!commands.isEmpty()) {
                    drain(null);
                    continue;
                }
                if (!wantsEpoch()) {
                    Envelope command = commands.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
                    if (command != null) {
                        drain(command);
                        nextEpochAt = System.nanoTime();
                    }
                    continue;
                }
                if (!session.epochUnderWay()) {
                    long wait = nextEpochAt - System.nanoTime();
                    if (wait > 0 && stepsRequested == 0) {
                        Envelope command = commands.poll(wait, TimeUnit.NANOSECONDS);
                        if (command != null) {
                            drain(command);
                        }
                        continue;
                    }
                    long started = System.nanoTime();
                    epochStartedLate = started - nextEpochAt > periodNanos(speed) / 4;
                    nextEpochAt = nextEpochTarget(nextEpochAt, started, speed);
                    divergedBefore = session.divergedCount();
                }
                // At Max speed a window whose frames run late gets a core back (FramePacing).
                workers.setActive(Double.isInfinite(speed) ? pacing.workersAllowed() : workers.size());
                if (session.trainEpoch(workers, stopTraining, commandOrClose, measurePolicy)) {
                    endedEpoch();
                }
                if (running) {
                    publish(); // an epoch ended, or progress inside one, or before commands
                }
                long rest = Double.isInfinite(speed) && !session.epochUnderWay() ? pacing.restNanos() : 0;
                if (rest > 0 && running) {
                    // At Max speed the window's frames come first: rest while they run late.
                    Envelope command = commands.poll(rest, TimeUnit.NANOSECONDS);
                    if (command != null) {
                        drain(command);
                    }
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (CancellationException e) {
                if (!running) {
                    break;
                }
            } catch (Throwable t) {
                // An error must reach the user: it is published, and training pauses.
                failure = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
                playing = false;
                stepsRequested = 0;
                publish();
            }
        }
    }

    private boolean wantsEpoch() {
        return (playing || stepsRequested > 0) && session.canTrain();
    }

    /**
     * The longest period (about 73 years): a tiny speed such as 1e-10 or {@link Double#MIN_VALUE}
     * epochs/s waits this long, and adding it to a {@code nanoTime} cannot overflow a difference.
     */
    static final long MAX_PERIOD_NANOS = Long.MAX_VALUE / 4;

    /** Nanoseconds from one epoch's start to the next's at {@code epochsPerSecond}. */
    static long periodNanos(double epochsPerSecond) {
        if (Double.isInfinite(epochsPerSecond)) {
            return 0;
        }
        double period = 1e9 / epochsPerSecond;
        return period >= MAX_PERIOD_NANOS ? MAX_PERIOD_NANOS : (long) period;
    }

    /**
     * When the epoch after one started at {@code started} should start: one period after the
     * previous target, or at once if training fell behind. {@code System.nanoTime} values, so
     * compared by difference.
     */
    static long nextEpochTarget(long previousTarget, long started, double epochsPerSecond) {
        long target = previousTarget + periodNanos(epochsPerSecond);
        return target - started < 0 ? started : target;
    }

    /**
     * Up to this many models, every model is measured after every epoch (the classic app's two).
     * {@link org.activationlab.engine.ModelRun#measure()} costs about half an epoch of training,
     * so with more models (a race of 13) trained at Max speed or falling behind the requested
     * one, each is measured only every {@link #STATS_INTERVAL}-th epoch, staggered so that every
     * epoch measures a few of them, and always when training stops or pauses. With fewer models
     * at Max speed, each is measured at the rate the window draws ({@link #measureModel}).
     */
    static final int FULL_STATS_MODELS = 4;
    static final int STATS_INTERVAL = 12;

    /**
     * In a hurry with few models, a model is measured when a reader (the window) has taken the
     * last snapshot, or at the latest after this long: the statistics are gathered at the rate
     * they are drawn, not for epochs no frame shows.
     */
    static final long MEASURE_AT_LEAST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private long[] lastMeasuredNanos = new long[0];

    /** Whether model {@code i} is measured at the end of the session epoch just trained. */
    private boolean measureModel(int i) {
        boolean lastEpoch = (!playing && stepsRequested <= 1) || !session.canTrain()
                || session.divergedCount() > divergedBefore;
        boolean hurry = epochStartedLate || Double.isInfinite(speed);
        if (lastEpoch || !hurry) {
            return true;
        }
        if (session.modelCount() > FULL_STATS_MODELS) {
            return (session.epoch() + i) % STATS_INTERVAL == 0;
        }
        if (!playing) {
            return true; // steps: the class looks at each one
        }
        if (lastMeasuredNanos.length != session.modelCount()) {
            lastMeasuredNanos = new long[session.modelCount()];
        }
        long now = System.nanoTime();
        boolean due = pending.get() == null || now - lastMeasuredNanos[i] >= MEASURE_AT_LEAST_NANOS;
        if (due) {
            lastMeasuredNanos[i] = now;
        }
        return due;
    }

    private void endedEpoch() {
        if (stepsRequested > 0) {
            stepsRequested--;
        }
        // A diverged model pauses everything, so the class sees it happen; Play trains the rest on.
        if (!session.canTrain() || session.divergedCount() > divergedBefore) {
            playing = false;
            stepsRequested = 0;
        }
        if (!playing && stepsRequested == 0) {
            session.measureStale(commandOrClose); // a divergence that only measuring found
        }
        recentEpochTimes[recentCount % recentEpochTimes.length] = System.nanoTime();
        recentCount++;
    }

    private double measuredEpochsPerSecond() {
        int n = Math.min(recentCount, recentEpochTimes.length);
        if (n < 2 || !playing) {
            return 0;
        }
        long newest = recentEpochTimes[(recentCount - 1) % recentEpochTimes.length];
        long oldest = recentEpochTimes[(recentCount - n) % recentEpochTimes.length];
        return newest == oldest ? 0 : (n - 1) * 1e9 / (newest - oldest);
    }

    // ---------------------------------------------------------------------------------------
    // Commands

    /**
     * Applies {@code first} (if given) and every command queued behind it, publishing at least
     * every {@link #PUBLISH_INTERVAL_MILLIS} ms while the queue lasts and once at the end.
     * Consecutive edits of the experiment are folded and built once.
     */
    private void drain(Envelope first) {
        Fold fold = new Fold();
        Envelope e = first != null ? first : commands.poll();
        while (e != null && running) {
            if (e.command() instanceof TrainerCommand.Load) {
                queuedLoads.decrementAndGet();
            }
            if (isEdit(e.command())) {
                fold.add(e);
            } else {
                fold.flush();
                fold = new Fold();
                Envelope next = commands.peek();
                if (next != null && supersedes(next.command(), e.command())) {
                    outcomes.add(CommandOutcome.superseded(e.id(), e.command(), next.id()));
                } else {
                    applyNow(e);
                }
            }
            if (System.nanoTime() - lastPublishNanos >= PUBLISH_INTERVAL_NANOS) {
                publish();
            }
            e = commands.poll();
        }
        fold.flush();
        if (running) {
            if (!playing && stepsRequested == 0) {
                session.measureStale(commandOrClose); // what a command in the queue interrupted
            }
            publish();
        }
    }

    /**
     * Whether {@code later}, queued right behind {@code earlier}, makes it pointless: a switch of
     * the same model in the same mode ends where the later one alone would (a spinner or a held
     * key sends many), and a later speed replaces an earlier one.
     */
    private static boolean supersedes(TrainerCommand later, TrainerCommand earlier) {
        if (earlier instanceof TrainerCommand.SwitchActivation a
                && later instanceof TrainerCommand.SwitchActivation b) {
            return a.activation() != null && b.activation() != null && a.model() == b.model()
                    && a.mode() == b.mode() && b.mode() != null;
        }
        return earlier instanceof TrainerCommand.SetSpeed && later instanceof TrainerCommand.SetSpeed;
    }

    private static boolean isEdit(TrainerCommand c) {
        return c instanceof TrainerCommand.Load || c instanceof TrainerCommand.Reset
                || c instanceof TrainerCommand.SetNetwork || c instanceof TrainerCommand.SetData
                || c instanceof TrainerCommand.SetBatchSize || c instanceof TrainerCommand.SetSeed
                || c instanceof TrainerCommand.SetLearningRate || c instanceof TrainerCommand.SetOptimizer
                || c instanceof TrainerCommand.SetEpochLimit;
    }

    /** A command that does not edit the experiment, applied at once. */
    private void applyNow(Envelope e) {
        try {
            TrainerCommand command = e.command();
            if (command instanceof TrainerCommand.Play) {
                session.extendLimitIfReached(limitLength);
                playing = session.canTrain();
                recentCount = 0;
            } else if (command instanceof TrainerCommand.Pause) {
                playing = false;
                stepsRequested = 0;
                session.measureStale(commandOrClose);
            } else if (command instanceof TrainerCommand.TogglePlay) {
                if (!playing) {
                    session.extendLimitIfReached(limitLength);
                }
                playing = !playing && session.canTrain();
                recentCount = 0;
                if (!playing) {
                    stepsRequested = 0;
                    session.measureStale(commandOrClose);
                }
            } else if (command instanceof TrainerCommand.Step) {
                playing = false;
                session.extendLimitIfReached(limitLength);
                if (session.canTrain()) {
                    stepsRequested++;
                }
            } else if (command instanceof TrainerCommand.SetSpeed s) {
                speed = s.epochsPerSecond();
                recentCount = 0;
            } else if (command instanceof TrainerCommand.SwitchActivation s) {
                session.switchActivation(s.model(), s.activation(), s.mode());
            } else if (command instanceof TrainerCommand.PreloadHistory p) {
                session.preloadHistory(p.epochs());
            } else {
                throw new IllegalArgumentException("unknown command " + command);
            }
            outcomes.add(CommandOutcome.applied(e.id(), command));
        } catch (RuntimeException ex) {
            outcomes.add(CommandOutcome.failed(e.id(), e.command(), message(ex)));
        }
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /**
     * Consecutive edits of the experiment: each is checked as it comes (a refused one gets its
     * failure and changes nothing), the result is built once when the fold ends.
     */
    private final class Fold {
        private final List<Envelope> members = new ArrayList<>();
        /** Failure message per member, null if it was accepted. */
        private final List<String> refusals = new ArrayList<>();
        private ExperimentConfig target;
        private int targetLimitLength;
        private boolean rebuild;

        void add(Envelope e) {
            if (target == null) {
                target = session.config();
                targetLimitLength = limitLength;
            }
            members.add(e);
            try {
                ExperimentConfig next = edited(e.command());
                boolean nextRebuild = rebuild || rebuilds(e.command());
                if (nextRebuild && !(e.command() instanceof TrainerCommand.SetEpochLimit)) {
                    check(next);
                }
                target = next;
                rebuild = nextRebuild;
                if (e.command() instanceof TrainerCommand.SetEpochLimit l) {
                    targetLimitLength = l.limit();
                } else if (e.command() instanceof TrainerCommand.Load l
                        && l.config().epochLimit() != session.config().epochLimit()) {
                    targetLimitLength = l.config().epochLimit();
                }
                refusals.add(null);
            } catch (RuntimeException ex) {
                refusals.add(message(ex));
            }
        }

        private ExperimentConfig edited(TrainerCommand command) {
            if (command instanceof TrainerCommand.Load l) {
                if (l.config() == null) {
                    throw new IllegalArgumentException("no experiment to load");
                }
                return l.config();
            } else if (command instanceof TrainerCommand.Reset) {
                return target.withEpochLimit(targetLimitLength);
            } else if (command instanceof TrainerCommand.SetNetwork n) {
                return target.withNetwork(n.network());
            } else if (command instanceof TrainerCommand.SetData d) {
                return target.withData(d.data());
            } else if (command instanceof TrainerCommand.SetBatchSize b) {
                return target.withBatchSize(b.batchSize());
            } else if (command instanceof TrainerCommand.SetSeed s) {
                return target.withSeed(s.seed());
            } else if (command instanceof TrainerCommand.SetLearningRate lr) {
                return target.withOptimizer(target.optimizer().withLearningRate(lr.learningRate()));
            } else if (command instanceof TrainerCommand.SetOptimizer o) {
                if (o.optimizer() == null) {
                    throw new IllegalArgumentException("no optimizer");
                }
                return target.withOptimizer(o.optimizer());
            } else if (command instanceof TrainerCommand.SetEpochLimit l) {
                return target.withEpochLimit(l.limit());
            }
            throw new IllegalArgumentException("unknown command " + command);
        }

        private boolean rebuilds(TrainerCommand c) {
            return !(c instanceof TrainerCommand.SetLearningRate || c instanceof TrainerCommand.SetOptimizer
                    || c instanceof TrainerCommand.SetEpochLimit);
        }

        private void check(ExperimentConfig config) {
            long bytes = TrainingSession.estimatedBytes(config);
            if (bytes > memoryBudget) {
                // build() words the refusal; nothing is built for this check
                TrainingSession.build(config, () -> true, memoryBudget);
            }
        }

        /** Builds (or applies) the folded edits and records every member's outcome, in order. */
        void flush() {
            if (members.isEmpty()) {
                return;
            }
            String failedAll = null;
            long supersededBy = 0;
            boolean anyAccepted = refusals.stream().anyMatch(r -> r == null);
            if (anyAccepted) {
                try {
                    apply();
                } catch (CancellationException ex) {
                    if (!running) {
                        throw ex;
                    }
                    supersededBy = firstQueuedLoad();
                } catch (RuntimeException | OutOfMemoryError ex) {
                    failedAll = "the experiment could not be built, nothing changed: " + message(ex);
                }
            }
            for (int i = 0; i < members.size(); i++) {
                Envelope e = members.get(i);
                String refusal = refusals.get(i);
                if (refusal != null) {
                    outcomes.add(CommandOutcome.failed(e.id(), e.command(), refusal));
                } else if (failedAll != null) {
                    outcomes.add(CommandOutcome.failed(e.id(), e.command(), failedAll));
                } else if (supersededBy != 0) {
                    outcomes.add(CommandOutcome.superseded(e.id(), e.command(), supersededBy));
                } else {
                    long laterSameKind = laterOfSameKind(i);
                    outcomes.add(laterSameKind != 0
                            ? CommandOutcome.superseded(e.id(), e.command(), laterSameKind)
                            : CommandOutcome.applied(e.id(), e.command()));
                }
            }
            members.clear();
            refusals.clear();
        }

        /** An accepted later member that overrides member {@code i}, or 0. */
        private long laterOfSameKind(int i) {
            TrainerCommand c = members.get(i).command();
            if (c instanceof TrainerCommand.Reset) {
                return 0;
            }
            for (int j = members.size() - 1; j > i; j--) {
                TrainerCommand later = members.get(j).command();
                if (refusals.get(j) == null && (later.getClass() == c.getClass()
                        || later instanceof TrainerCommand.Load)) {
                    return members.get(j).id();
                }
            }
            return 0;
        }

        private void apply() {
            if (rebuild) {
                TrainingSession built = TrainingSession.build(target, stopBuilding, memoryBudget);
                session = built;
                playing = false;
                stepsRequested = 0;
                recentCount = 0;
                failure = null;
            } else {
                ExperimentConfig current = session.config();
                if (!target.optimizer().equals(current.optimizer())) {
                    session.setOptimizer(target.optimizer());
                }
                if (target.epochLimit() != current.epochLimit()) {
                    session.setEpochLimit(target.epochLimit());
                    playing = playing && session.canTrain();
                    if (!playing) {
                        session.measureStale(commandOrClose);
                    }
                }
            }
            limitLength = targetLimitLength;
        }
    }

    /** The id of the first queued {@code Load} (the command that cancelled a build), or 0. */
    private long firstQueuedLoad() {
        for (Envelope e : commands) {
            if (e.command() instanceof TrainerCommand.Load) {
                return e.id();
            }
        }
        return 0;
    }
}
