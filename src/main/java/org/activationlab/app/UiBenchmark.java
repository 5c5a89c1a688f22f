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
    private final List<Long> switchLatencies = new ArrayList<>();
    private LabModel model;
    private MainView view;
    private Stage stage;
    private long startNanos;
    private long lastFrame;
    private long firstSequence = -1;
    private long playingSince = -1;
    /** Warm-up before measuring, as the engine benchmark does. */
    static final long WARM_UP_NANOS = 2_000_000_000L;
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

    /** Runs the benchmark (starting JavaFX), prints the figures and returns the exit code. */
    public int run(PrintWriter out) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> open(done));
        if (!done.await((long) (seconds + 60), TimeUnit.SECONDS)) {
            out.println("bench-ui: the window did not finish in time");
            return 1;
        }
        print(out);
        Platform.exit();
        return 0;
    }

    private void open(CountDownLatch done) {
        model = new LabModel(new Trainer(ExperimentConfig.classic().withEpochLimit(0),
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
        // The first seconds are JIT warm-up of the drawing code (frames of 50–200 ms): not measured.
        if (firstSequence < 0 && playingSince >= 0 && now - playingSince >= WARM_UP_NANOS) {
            firstSequence = s.sequence();
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
        if (pendingSwitch != null) {
            ModelStats m = s.models().get(LabModel.SWITCHED_MODEL);
            if (m.activation() == pendingSwitch && m.epoch() >= 1) {
                switchLatencies.add(now - switchSentAt);
                pendingSwitch = null;
            }
        }
        double elapsed = (now - startNanos) / 1e9;
        if (!race && pendingSwitch == null && elapsed >= nextSwitch + 1 && elapsed < seconds - 0.5) {
            pendingSwitch = CYCLE.get(nextSwitch % CYCLE.size());
            nextSwitch++;
            switchSentAt = System.nanoTime();
            model.selectActivation(pendingSwitch);
        }
        if (elapsed >= seconds) {
            epochsPerSecond = s.measuredEpochsPerSecond();
            models = s.models().size();
            epochs = model.trainer().latest().epoch() - firstEpoch;
            cpu.stop();
            published = s.sequence() - firstSequence;
            drawn = model.snapshotsTaken() - snapshotsAtStart;
            elapsedSeconds = elapsed;
            stage.close();
        }
    }

    private void print(PrintWriter out) {
        long[] frames = frameTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] switches = switchLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "bench-ui: %.1f s measured after a %.0f s warm-up, in a %.0f×%.0f window, Max speed, %s%n",
                elapsedSeconds, WARM_UP_NANOS / 1e9, ActivationLabApp.WIDTH, ActivationLabApp.HEIGHT,
                race ? "race mode (" + models + " models)" : "an activation switch every second");
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
        out.printf(Locale.ROOT, "snapshots: %d published, %d drawn (latest wins: the rest were skipped)%n",
                published, drawn);
        int frameCount = Math.max(1, frames.length);
        out.printf(Locale.ROOT, "CPU time: FX thread %.1f ms/frame, renderer %.1f ms/frame, trainer %.1f ms/epoch"
                        + " (load-independent: the work itself)%n",
                cpu.fxNanos / 1e6 / frameCount, cpu.rendererNanos / 1e6 / frameCount,
                cpu.trainerNanos / 1e6 / Math.max(1, epochs));
        if (race) {
            out.printf(Locale.ROOT, "training: %.1f epochs/s per model (all %d in lockstep), %.0f model-epochs/s%n",
                    epochsPerSecond, models, epochsPerSecond * models);
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "training: %.0f epochs/s for both models together%n", epochsPerSecond);
        out.printf(Locale.ROOT, "switch latency (command → first frame showing the new activation trained): "
                        + "p50 %.1f ms, max %.1f ms over %d switches%n",
                ms(percentile(switches, 50)), ms(switches.length == 0 ? 0 : switches[switches.length - 1]),
                switches.length);
        out.flush();
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
        private long trainerId = -1;
        private long fxNanos;
        private long rendererNanos;
        private long trainerNanos;

        void start() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t == Thread.currentThread()) {
                    fxId = t.getId();
                } else if (t.getName().startsWith("QuantumRenderer")) {
                    rendererId = t.getId();
                } else if (t.getName().equals("activation-lab-trainer")) {
                    trainerId = t.getId();
                }
            }
            fxNanos = -time(fxId);
            rendererNanos = -time(rendererId);
            trainerNanos = -time(trainerId);
        }

        void stop() {
            fxNanos += time(fxId);
            rendererNanos += time(rendererId);
            trainerNanos += time(trainerId);
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
