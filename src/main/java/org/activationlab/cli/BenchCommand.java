package org.activationlab.cli;

import org.activationlab.engine.MatrixKernels;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.training.EpochWorkers;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.PredictionTimeline;
import org.activationlab.training.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * {@code bench}: times the seed experiment — a ReLU and a Linear model, 1-64-64-1, Adam 1e-3,
 * batch 32, seed 42, 1000 points of sin(x) — trained in lockstep from fresh weights, after
 * untimed warm-up repetitions, through the app's {@link TrainingSession}. Building the models is
 * not timed. Five figures, measured in alternating repetitions so that all see the same load
 * from other processes: training only, on one thread and with each model on its own worker
 * ({@link EpochWorkers}); with every model measured after every epoch, on one thread and on the
 * workers; and with the statistics the window needs at Max speed (each model measured at most 60
 * times a second, as many as frames are drawn). {@code --width}/{@code --depth} time another
 * shape.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class, sortOptions = false,
        resourceBundle = "org.activationlab.cli.SettingOptions$Help",
        description = "Time the seed experiment (ReLU + Linear, 1-64-64-1, Adam 1e-3, batch 32, "
                + "1000 points of sin(x)) and print seconds, epochs/s and GFLOP/s.")
public final class BenchCommand implements Callable<Integer> {

    static final long SEED = org.activationlab.engine.Setting.SEED.defaultLong();
    static final int BATCH = org.activationlab.engine.Setting.BATCH_SIZE.defaultInt();

    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", defaultValue = "5", paramLabel = "N",
            description = "Timed repetitions, 1–100 (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N",
            description = "Untimed repetitions before timing, 0–100 (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--epochs", defaultValue = "100", paramLabel = "N",
            description = "Epochs per model and repetition, 1–10000 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--width", defaultValue = "64", paramLabel = "N", descriptionKey = "WIDTH")
    int width;

    @Option(names = "--depth", defaultValue = "2", paramLabel = "N", descriptionKey = "DEPTH")
    int depth;

    /** The models' MSE after the last repetition, printed as a check that training worked. */
    private final double[] finalMse = new double[2];
    private final double[] oneThreadMse = new double[2];
    private boolean parallelDiffers;

    /** How often a figure measures the models' statistics. */
    enum Statistics {
        NONE,
        /** After every epoch, as the command line's {@code train} does. */
        EVERY_EPOCH,
        /**
         * What the window needs at Max speed: each model at most 60 times a second (the frame
         * rate), and after the last epoch.
         */
        WINDOW_RATE
    }

    /** One figure: its label, the threads it trains on, and its statistics. */
    record Figure(String label, int threads, Statistics statistics) {
    }

    /** What the window's timeline keeps per epoch of this experiment, and how many epochs fit. */
    private static void timelineFigures(PrintWriter out, NetworkSpec shape) {
        TrainingSession session = TrainingSession.build(
                ExperimentConfig.classic().withNetwork(shape).withEpochLimit(0));
        session.trainEpoch();
        PredictionTimeline t = session.timeline();
        long perEpoch = t.bytes() / t.size();
        long budget = PredictionTimeline.DEFAULT_BUDGET;
        out.printf(Locale.ROOT, "timeline: %d bytes per epoch (%d models x %d grid points), %d epochs"
                + " in its %d MiB before old epochs are thinned%n", perEpoch, t.modelCount(),
                t.predictions(0, 0).length, budget / perEpoch, budget >> 20);
    }

    private static final long FRAME_NANOS = 1_000_000_000L / 60;

    @Override
    public Integer call() {
        TrainCommand.checkRange("--repeat", repeat, 1, 100);
        TrainCommand.checkRange("--warmup", warmup, 0, 100);
        TrainCommand.checkRange("--epochs", epochs, 1, 10_000);
        TrainCommand.checkRange("--width", width, 1, NetworkSpec.MAX_WIDTH);
        TrainCommand.checkRange("--depth", depth, 1, NetworkSpec.MAX_DEPTH);
        PrintWriter out = spec.commandLine().getOut();
        Dataset data = Dataset.classic();
        NetworkSpec shape = network(Activations.RELU);
        FlopCount.Epoch flops = FlopCount.perEpoch(shape.layerSizes(), data.size(), BATCH);
        double flopsPerRepetition = 2.0 * epochs * flops.total();

        out.printf(Locale.ROOT, "bench: seed experiment, relu + linear, %s, adam lr=0.001, batch %d,"
                + " seed %d, %d points of %s, %d epochs per model%n", shape.shapeText(), BATCH, SEED,
                data.size(), data.description(), epochs);
        out.println(runtimeInfo());
        out.println(MatrixKernels.EJML_ONLY
                ? "matrix products: EJML CommonOps_FDRM (-Dactivationlab.kernels=ejml)"
                : "matrix products: tuned MatrixKernels (EJML only: -Dactivationlab.kernels=ejml)");
        out.printf(Locale.ROOT, "FLOPs per model-epoch: %.2f M (matrix products %.2f M, element-wise"
                + " and Adam %.2f M); %.3f GFLOP per repetition (both models)%n",
                flops.total() / 1e6, flops.matmul() / 1e6, flops.elementwise() / 1e6,
                flopsPerRepetition / 1e9);
        out.printf(Locale.ROOT, "%d warm-up + %d timed repetitions of each figure, alternating, fresh"
                + " weights each; times are for both models together%n", warmup, repeat);
        out.flush();

        double loadBefore = loadAverage();
        int threads = EpochWorkers.sizeFor(2);
        List<Figure> figures = List.of(
                new Figure("training only:", 1, Statistics.NONE),
                new Figure("training only, " + threads + " threads:", threads, Statistics.NONE),
                new Figure("with per-epoch statistics:", 1, Statistics.EVERY_EPOCH),
                new Figure("per-epoch statistics, " + threads + " threads:", threads, Statistics.EVERY_EPOCH),
                new Figure("statistics at 60 Hz, " + threads + " threads:", threads, Statistics.WINDOW_RATE));
        double[][] times = new double[figures.size()][repeat];
        try (EpochWorkers workers =
                     new EpochWorkers(threads, "bench-worker")) {
            // Interleaved, so that every figure sees the same competition from other processes.
            for (int i = 0; i < warmup; i++) {
                for (Figure f : figures) {
                    repetition(data, f, workers);
                }
            }
            for (int i = 0; i < repeat; i++) {
                for (int k = 0; k < figures.size(); k++) {
                    times[k][i] = repetition(data, figures.get(k), workers);
                    if (k == 0) {
                        oneThreadMse[0] = finalMse[0];
                        oneThreadMse[1] = finalMse[1];
                    } else if (figures.get(k).statistics() == Statistics.NONE
                            && (Double.doubleToRawLongBits(finalMse[0]) != Double.doubleToRawLongBits(oneThreadMse[0])
                            || Double.doubleToRawLongBits(finalMse[1]) != Double.doubleToRawLongBits(oneThreadMse[1]))) {
                        parallelDiffers = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("bench was interrupted");
        }
        for (int k = 0; k < figures.size(); k++) {
            Figure f = figures.get(k);
            double med = median(times[k]);
            String comparison = k == 0 ? String.format(Locale.ROOT, "  %6.2f GFLOP/s (median; best %.2f)",
                    flopsPerRepetition / med / 1e9, flopsPerRepetition / min(times[k]) / 1e9)
                    : f.statistics() == Statistics.NONE
                    ? String.format(Locale.ROOT, "  %6.2f GFLOP/s; %.2f× the one-thread figure",
                    flopsPerRepetition / med / 1e9, median(times[0]) / med)
                    : String.format(Locale.ROOT, "  statistics cost %+.0f%% over training on %s",
                    100 * (med / median(times[f.threads() == 1 ? 0 : 1]) - 1),
                    f.threads() == 1 ? "one thread" : f.threads() + " threads");
            out.printf(Locale.ROOT, "%-34s min %.3f s  median %.3f s  %7.1f epochs/s%s%n",
                    f.label(), min(times[k]), med, epochs / med, comparison);
        }
        out.printf(Locale.ROOT, "parallel and one-thread final MSE %s bit for bit%n",
                parallelDiffers ? "DIFFER" : "agree");
        double loadAfter = loadAverage();
        if (loadBefore >= 0) {
            out.printf(Locale.ROOT, "system load average %.2f before, %.2f after, on %d processors%s%n",
                    loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(),
                    Math.max(loadBefore, loadAfter) > Runtime.getRuntime().availableProcessors() - 1
                            ? " (other processes competed: times are noisy)" : "");
        }
        timelineFigures(out, shape);
        out.printf(Locale.ROOT, "check: final mse relu=%.6f linear=%.6f%n", finalMse[0], finalMse[1]);
        out.flush();
        return ActivationLabCommand.EXIT_OK;
    }

    /**
     * One repetition from fresh weights: both models, {@link #epochs} epochs each, through the
     * app's {@link TrainingSession}, each model on its fixed worker when the figure has more than
     * one thread.
     */
    private double repetition(Dataset data, Figure figure, EpochWorkers workers) throws InterruptedException {
        TrainingSession session = TrainingSession.build(seedExperiment(data));
        long[] lastMeasured = new long[session.modelCount()];
        IntPredicate measure = switch (figure.statistics()) {
            case NONE -> i -> false;
            case EVERY_EPOCH -> i -> true;
            case WINDOW_RATE -> i -> {
                long now = System.nanoTime();
                boolean due = now - lastMeasured[i] >= FRAME_NANOS || session.epoch() == epochs;
                if (due) {
                    lastMeasured[i] = now;
                }
                return due;
            };
        };
        long start = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            // Training writes the models' weights, so none of it can be optimised away.
            if (figure.threads() == 1) {
                session.trainEpoch(NEVER, NEVER, measure);
            } else {
                session.trainEpoch(workers, NEVER, NEVER, measure);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        finalMse[0] = session.model(0).run().measure().mse();
        finalMse[1] = session.model(1).run().measure().mse();
        return seconds;
    }

    private static final java.util.function.BooleanSupplier NEVER = () -> false;

    /** The seed experiment, limited to nothing: the loop above counts the epochs. */
    private ExperimentConfig seedExperiment(Dataset data) {
        return new ExperimentConfig(data, network(Activations.RELU),
                List.of(Activations.RELU, Activations.LINEAR), OptimizerSpec.of(OptimizerKind.ADAM, 1e-3),
                BATCH, SEED, 0);
    }

    /** The classic shape, or the {@code --width} × {@code --depth} one asked for. */
    private NetworkSpec network(Activation activation) {
        NetworkSpec classic = NetworkSpec.classic(activation);
        return new NetworkSpec(depth, width, activation, classic.initializer(), classic.initScale(),
                classic.biasInit());
    }

    /** The system load average of the last minute, or a negative value if unavailable. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Java version, VM, processors, heap and (on Linux) the CPU model. */
    static String runtimeInfo() {
        Runtime rt = Runtime.getRuntime();
        String cpu = cpuModel().map(m -> ", CPU " + m).orElse("");
        return String.format(Locale.ROOT, "Java %s (%s %s), %s %s, %d available processors%s,"
                        + " max heap %d MiB",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), rt.availableProcessors(), cpu,
                rt.maxMemory() / (1024 * 1024));
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
