package org.activationlab.cli;

import org.activationlab.engine.MatrixKernels;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.training.ExperimentConfig;
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
import java.util.stream.Stream;

/**
 * {@code bench}: times the seed experiment — a ReLU and a Linear model, 1-64-64-1, Adam 1e-3,
 * batch 32, seed 42, 1000 points of sin(x) — trained in lockstep from fresh weights, after
 * untimed warm-up repetitions, through the app's {@link TrainingSession}. Building the models is
 * not timed. Two figures, measured in alternating repetitions so that both see the same load from
 * other processes: training only, and with the per-epoch statistics the app gathers (every model
 * measured after every epoch).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class, sortOptions = false,
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

    /** The models' MSE after the last repetition, printed as a check that training worked. */
    private final double[] finalMse = new double[2];

    @Override
    public Integer call() {
        TrainCommand.checkRange("--repeat", repeat, 1, 100);
        TrainCommand.checkRange("--warmup", warmup, 0, 100);
        TrainCommand.checkRange("--epochs", epochs, 1, 10_000);
        PrintWriter out = spec.commandLine().getOut();
        Dataset data = Dataset.classic();
        NetworkSpec shape = NetworkSpec.classic(Activations.RELU);
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
        // Interleaved, so that both figures see the same competition from other processes.
        for (int i = 0; i < warmup; i++) {
            repetition(data, false);
            repetition(data, true);
        }
        double[] train = new double[repeat];
        double[] withStats = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            train[i] = repetition(data, false);
            withStats[i] = repetition(data, true);
        }
        double trainMedian = median(train);
        double statsMedian = median(withStats);
        out.printf(Locale.ROOT, "training only:             min %.3f s  median %.3f s  %7.1f epochs/s"
                        + "  %6.2f GFLOP/s (median; best %.2f)%n",
                min(train), trainMedian, epochs / trainMedian, flopsPerRepetition / trainMedian / 1e9,
                flopsPerRepetition / min(train) / 1e9);
        out.printf(Locale.ROOT, "with per-epoch statistics: min %.3f s  median %.3f s  %7.1f epochs/s"
                        + "  %6.2f GFLOP/s of training FLOPs (median); statistics cost %+.0f%%%n",
                min(withStats), statsMedian, epochs / statsMedian,
                flopsPerRepetition / statsMedian / 1e9, 100 * (statsMedian / trainMedian - 1));
        double loadAfter = loadAverage();
        if (loadBefore >= 0) {
            out.printf(Locale.ROOT, "system load average %.2f before, %.2f after, on %d processors%s%n",
                    loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(),
                    Math.max(loadBefore, loadAfter) > Runtime.getRuntime().availableProcessors() - 1
                            ? " (other processes competed: times are noisy)" : "");
        }
        out.printf(Locale.ROOT, "check: final mse relu=%.6f linear=%.6f%n", finalMse[0], finalMse[1]);
        out.flush();
        return ActivationLabCommand.EXIT_OK;
    }

    /**
     * One repetition from fresh weights: both models, {@link #epochs} epochs each, through the
     * app's {@link TrainingSession}; with statistics, every model is measured after every epoch.
     */
    private double repetition(Dataset data, boolean statistics) {
        TrainingSession session = TrainingSession.build(seedExperiment(data));
        long start = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            // Training writes the models' weights, so none of it can be optimised away.
            session.trainEpoch(NEVER, NEVER, i -> statistics);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        finalMse[0] = session.model(0).run().measure().mse();
        finalMse[1] = session.model(1).run().measure().mse();
        return seconds;
    }

    private static final java.util.function.BooleanSupplier NEVER = () -> false;

    /** The seed experiment, limited to nothing: the loop above counts the epochs. */
    private static ExperimentConfig seedExperiment(Dataset data) {
        return new ExperimentConfig(data, NetworkSpec.classic(Activations.RELU),
                List.of(Activations.RELU, Activations.LINEAR), OptimizerSpec.of(OptimizerKind.ADAM, 1e-3),
                BATCH, SEED, 0);
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
