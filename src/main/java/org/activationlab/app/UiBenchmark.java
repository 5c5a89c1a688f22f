package org.activationlab.app;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens the real window at 1280×800, trains at Max speed with no epoch limit, switches the
 * activation once a second, and measures what the class would see: frame rate, frame times,
 * snapshots published against drawn, and the latency from a switch command to the first frame
 * that shows the new activation training.
 */
public final class UiBenchmark {

    private static final List<Activation> CYCLE = List.of(Activations.TANH, Activations.RELU,
            Activations.GELU, Activations.SIGMOID, Activations.ELU, Activations.LEAKY_RELU);

    private final double seconds;
    /** Race mode: every activation trains, no switching. */
    private final boolean race;
    private final List<Long> frameTimes = new ArrayList<>();
    /** Frame intervals during the warm-up, printed apart: what the first seconds look like. */
    private final List<Long> warmUpFrameTimes = new ArrayList<>();
    private long lastWarmUpFrame = -1;
    private final List<Long> switchLatencies = new ArrayList<>();
    private LabModel model;
    private MainView view;
    private Stage stage;
    private long startNanos;
    private long lastFrame;
    private long firstSequence = -1;
    private long playingSince = -1;
    /**
     * Warm-up before measuring, as the engine benchmark does: the JIT compiles the drawing and
     * training code for about the first 25 seconds of switching (in the first ten it compiled
     * for 14 of every 15 seconds, a core of the two); the warm-up's frames are printed apart.
     */
    static final double DEFAULT_WARM_UP_SECONDS = 30;
    private long warmUpNanos = (long) (DEFAULT_WARM_UP_SECONDS * 1e9);
    /** JIT and garbage-collection time in the measured seconds. */
    private long compileMillisAtStart;
    private long compileMillis;
    private long gcMillisAtStart;
    private long gcMillis;
    private long gcCountAtStart;
    private long gcCount;
    private long snapshotsAtStart;
    private int nextSwitch;
    private long switchSentAt;
    private Activation pendingSwitch;
    private double epochsPerSecond;
    private long published;
    private long drawn;
    private double elapsedSeconds;
    private int models;
    /** CPU time of the FX, renderer and trainer threads at the start and their use since. */
    private final ThreadCpu cpu = new ThreadCpu();
    private int firstEpoch;
    private int epochs;
    /** Epochs of made-up history loaded before training starts (a long run, measured at once). */
    private int preloadEpochs;
    /** The network shape trained, null for the classic one. */
    private org.activationlab.engine.NetworkSpec network;

    public UiBenchmark(double seconds) {
        this(seconds, false);
    }

    /** With {@code race}, opens race mode (every activation) instead of switching activations. */
    public UiBenchmark(double seconds, boolean race) {
        this.race = race;
        if (!(seconds >= 1 && seconds <= 600)) {
            throw new IllegalArgumentException("--seconds must be 1–600, got " + seconds);
        }
        this.seconds = seconds;
    }

    /**
     * Starts with {@code epochs} epochs of history already there ({@link TrainerCommand.PreloadHistory}),
     * so the frame cost after a long run is measured in seconds.
     */
    public UiBenchmark withPreloadEpochs(int epochs) {
        if (epochs < 0 || epochs > 10_000_000) {
            throw new IllegalArgumentException("--preload-epochs must be 0–10000000, got " + epochs);
        }
        this.preloadEpochs = epochs;
        return this;
    }

    /** Seconds of training before measuring (0–120). */
    public UiBenchmark withWarmUp(double seconds) {
        if (!(seconds >= 0 && seconds <= 120)) {
            throw new IllegalArgumentException("--warmup must be 0–120 seconds, got " + seconds);
        }
        this.warmUpNanos = (long) (seconds * 1e9);
        return this;
    }

    /** Trains this network shape instead of the classic 1-64-64-1 (e.g. depth 8 × width 512). */
    public UiBenchmark withNetwork(org.activationlab.engine.NetworkSpec shape) {
        this.network = shape;
        return this;
    }

    /** Runs the benchmark (starting JavaFX), prints the figures and returns the exit code. */
    public int run(PrintWriter out) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> open(done));
        if (!done.await((long) (seconds + warmUpNanos / 1e9 + 60), TimeUnit.SECONDS)) {
            out.println("bench-ui: the window did not finish in time");
            return 1;
        }
        print(out);
        Platform.exit();
        return 0;
    }

    private void open(CountDownLatch done) {
        ExperimentConfig config = ExperimentConfig.classic().withEpochLimit(0);
        if (network != null) {
            config = config.withNetwork(network);
        }
        model = new LabModel(new Trainer(config,
                Double.POSITIVE_INFINITY));
        view = new MainView(model);
        stage = new Stage();
        stage.setTitle("Activation Lab — UI benchmark");
        stage.setScene(ActivationLabApp.createScene(view));
        stage.setOnHidden(e -> {
            view.stop();
            model.close();
            done.countDown();
        });
        view.setFrameListener(this::onFrame);
        view.start();
        stage.show();
        if (race) {
            view.race().setRacing(true);
        }
        if (preloadEpochs > 0) {
            model.trainer().send(new TrainerCommand.PreloadHistory(preloadEpochs));
        }
        model.play();
        startNanos = System.nanoTime();
    }

    private void onFrame(long pulse) {
        long now = System.nanoTime();
        Snapshot s = model.snapshot();
        if (firstSequence < 0 && s.playing() && (!race || s.models().size() > 2) && playingSince < 0) {
            playingSince = now;
        }
        if (playingSince < 0) {
            return;
        }
        // Switches start with training, so the warm-up compiles their code paths too.
        switchOnceASecond(s, now);
        if (firstSequence < 0) {
            if (lastWarmUpFrame >= 0) {
                warmUpFrameTimes.add(now - lastWarmUpFrame);
            }
            lastWarmUpFrame = now;
        }
        // The first seconds are JIT warm-up of the drawing and training code: not measured.
        if (firstSequence < 0 && now - playingSince >= warmUpNanos) {
            firstSequence = s.sequence();
            compileMillisAtStart = compileMillis();
            gcMillisAtStart = gcMillis(false);
            gcCountAtStart = gcMillis(true);
            snapshotsAtStart = model.snapshotsTaken();
            startNanos = now;
            lastFrame = now;
            firstEpoch = s.epoch();
            cpu.start();
            return;
        }
        if (firstSequence < 0) {
            return;
        }
        frameTimes.add(now - lastFrame);
        lastFrame = now;
        double elapsed = (now - startNanos) / 1e9;
        if (elapsed >= seconds) {
            models = s.models().size();
            epochs = model.trainer().latest().epoch() - firstEpoch;
            epochsPerSecond = epochs / elapsed;
            compileMillis = compileMillis() - compileMillisAtStart;
            gcMillis = gcMillis(false) - gcMillisAtStart;
            gcCount = gcMillis(true) - gcCountAtStart;
            cpu.stop();
            published = s.sequence() - firstSequence;
            drawn = model.snapshotsTaken() - snapshotsAtStart;
            elapsedSeconds = elapsed;
            stage.close();
        }
    }

    /**
     * Sends the next activation of {@link #CYCLE} a second after the last one arrived (not in
     * race mode), and records the latency of those sent and shown while measuring.
     */
    private void switchOnceASecond(Snapshot s, long now) {
        if (race) {
            return;
        }
        if (pendingSwitch != null) {
            ModelStats m = s.models().get(LabModel.SWITCHED_MODEL);
            if (m.activation() == pendingSwitch && m.epoch() >= 1) {
                if (firstSequence >= 0 && switchSentAt >= startNanos) {
                    switchLatencies.add(now - switchSentAt);
                }
                pendingSwitch = null;
            }
        }
        double sincePlaying = (now - playingSince) / 1e9;
        boolean nearTheEnd = firstSequence >= 0 && (now - startNanos) / 1e9 >= seconds - 0.5;
        if (pendingSwitch == null && sincePlaying >= nextSwitch + 1 && !nearTheEnd) {
            pendingSwitch = CYCLE.get(nextSwitch % CYCLE.size());
            nextSwitch++;
            switchSentAt = System.nanoTime();
            model.selectActivation(pendingSwitch);
        }
    }

    private void print(PrintWriter out) {
        long[] frames = frameTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] switches = switchLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "bench-ui: %.1f s measured after a %.0f s warm-up, in a %.0f×%.0f window, Max speed, %s%n",
                elapsedSeconds, warmUpNanos / 1e9, ActivationLabApp.WIDTH, ActivationLabApp.HEIGHT,
                race ? "race mode (" + models + " models)" : "an activation switch every second");
        if (network != null) {
            out.printf(Locale.ROOT, "network: %s%n", network.shapeText());
        }
        if (preloadEpochs > 0) {
            out.printf(Locale.ROOT, "history: %d epochs preloaded before training (made-up statistics, a switch"
                    + " marker every 150 epochs), %d at the end%n", preloadEpochs, firstEpoch + epochs);
        }
        out.printf(Locale.ROOT, "system load average %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "frames: %d, average %.1f FPS, frame time p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                frames.length, frames.length / elapsedSeconds, ms(percentile(frames, 50)),
                ms(percentile(frames, 99)), ms(frames.length == 0 ? 0 : frames[frames.length - 1]));
        long[] warmUp = warmUpFrameTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        if (warmUp.length > 0) {
            long warmUpLate = Arrays.stream(warmUp).filter(f -> f > LATE_FRAME_NANOS).count();
            out.printf(Locale.ROOT, "warm-up (not in the figures below): %d frames, p99 %.1f ms, %d over %.0f ms%n",
                    warmUp.length, ms(percentile(warmUp, 99)), warmUpLate, LATE_FRAME_NANOS / 1e6);
        }
        long late = Arrays.stream(frames).filter(f -> f > LATE_FRAME_NANOS).count();
        out.printf(Locale.ROOT, "frames over %.0f ms: %d (%.1f %%); in the measured time the JIT compiled for %d ms,"
                        + " %d garbage collections paused for %d ms%n", LATE_FRAME_NANOS / 1e6, late,
                100.0 * late / Math.max(1, frames.length), compileMillis, gcCount, gcMillis);
        out.printf(Locale.ROOT, "snapshots: %d published, %d drawn (latest wins: the rest were skipped)%n",
                published, drawn);
        int frameCount = Math.max(1, frames.length);
        out.printf(Locale.ROOT, "CPU time: FX thread %.1f ms/frame, renderer %.1f ms/frame, trainer %.1f ms/epoch"
                        + " (load-independent: the work itself)%n",
                cpu.fxNanos / 1e6 / frameCount, cpu.rendererNanos / 1e6 / frameCount,
                cpu.trainerNanos / 1e6 / Math.max(1, epochs));
        if (race) {
            out.printf(Locale.ROOT, "training: %.1f epochs/s per model over the measured time (all %d in lockstep),"
                    + " %.0f model-epochs/s%n", epochsPerSecond, models, epochsPerSecond * models);
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "training: %.0f epochs/s over the measured time, both models together%n",
                epochsPerSecond);
        out.printf(Locale.ROOT, "switch latency (command → first frame showing the new activation trained): "
                        + "p50 %.1f ms, max %.1f ms over %d switches%n",
                ms(percentile(switches, 50)), ms(switches.length == 0 ? 0 : switches[switches.length - 1]),
                switches.length);
        out.flush();
    }

    /** The p99 target of the frame time: frames over it count as late. */
    static final long LATE_FRAME_NANOS = 25_000_000L;

    private static long compileMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Total collection time in ms, or with {@code count} the number of collections. */
    private static long gcMillis(boolean count) {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            long v = count ? gc.getCollectionCount() : gc.getCollectionTime();
            total += Math.max(0, v);
        }
        return total;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** CPU time used by the threads that make a frame and by the trainer, between start and stop. */
    private static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean bean =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private long fxId = -1;
        private long rendererId = -1;
        /** The trainer thread and its workers (the models of an epoch train side by side). */
        private final List<Long> trainerIds = new ArrayList<>();
        private long fxNanos;
        private long rendererNanos;
        private long trainerNanos;

        void start() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t == Thread.currentThread()) {
                    fxId = t.getId();
                } else if (t.getName().startsWith("QuantumRenderer")) {
                    rendererId = t.getId();
                } else if (t.getName().startsWith("activation-lab-trainer")) {
                    trainerIds.add(t.getId());
                }
            }
            fxNanos = -time(fxId);
            rendererNanos = -time(rendererId);
            trainerNanos = 0;
            for (long id : trainerIds) {
                trainerNanos -= time(id);
            }
        }

        void stop() {
            fxNanos += time(fxId);
            rendererNanos += time(rendererId);
            for (long id : trainerIds) {
                trainerNanos += time(id);
            }
        }

        private long time(long id) {
            return id < 0 ? 0 : Math.max(0, bean.getThreadCpuTime(id));
        }
    }

    /** For tests: the frame intervals measured so far. */
    List<Long> frameTimes() {
        return Arrays.asList(frameTimes.toArray(new Long[0]));
    }
}
