package org.activationlab.training.lesson;

import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

/**
 * A lesson step's configuration trained the way the app trains it (same models, data, network,
 * optimiser, batch size, epoch limit), directly on the engine, once per seed; every epoch's
 * numbers that the Watch lines talk about are kept. Runs are shared between steps with the same
 * configuration and computed for the seeds in parallel.
 */
final class LessonRuns {

    static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final Map<String, List<List<Trace>>> CACHE = new ConcurrentHashMap<>();

    /**
     * One model's numbers per epoch 0…E (index = epoch; layers: hidden layers then the output),
     * measured at {@link #measured} epochs only (the others are null or NaN); innerOuter is the
     * MSE for |x| < π and for |x| ≥ π; last is the model's statistics at the end of the run, as
     * the window has them when a step's question is revealed.
     */
    record Trace(String model, double[] mse, double[][] dead, double[][] sparsity, double[][] saturated,
                 double[][] gradient, double[][] beyondSix, float[][] slopes, int[] pieces,
                 double[][] innerOuter, int divergedAt, ModelStats last) {
        int epochs() {
            return mse.length - 1;
        }

        double finalMse() {
            return mse[epochs()];
        }

        /** The measured epochs from {@code from} on, up to the divergence if there was one. */
        int[] epochsFrom(int from) {
            return java.util.stream.IntStream.rangeClosed(from, epochs())
                    .filter(e -> dead[e] != null && !Double.isNaN(mse[e])).toArray();
        }
    }

    private LessonRuns() {
    }

    static ExperimentConfig config(String file, int step) throws LessonFormatException {
        return LessonLoader.read(LessonLoader.bundled(), file).step(step).settings().config();
    }

    /** Per seed in {@link #SEEDS}, per model, the trace of the step's whole run. */
    static List<List<Trace>> run(String file, int step) throws LessonFormatException {
        ExperimentConfig c = config(file, step);
        String key = c.data().size() + "|" + c.network() + "|" + c.models() + "|" + c.optimizer() + "|"
                + c.batchSize() + "|" + c.epochLimit();
        return CACHE.computeIfAbsent(key, k -> LongStream.of(SEEDS).parallel()
                .mapToObj(seed -> runSeed(c, seed)).toList());
    }

    /** Per model, the trace of the step's whole run on the step's own seed (the one the window uses). */
    static List<Trace> runOwnSeed(String file, int step) throws LessonFormatException {
        ExperimentConfig c = config(file, step);
        return runSeed(c, c.seed());
    }

    private static List<Trace> runSeed(ExperimentConfig c, long seed) {
        List<Trace> traces = new ArrayList<>();
        List<String> names = c.modelNames();
        for (int i = 0; i < c.models().size(); i++) {
            ModelRun run = new ModelRun(names.get(i), c.data(), c.network().withActivation(c.models().get(i)),
                    c.optimizer(), c.batchSize(), seed);
            int epochs = c.epochLimit();
            double[] mse = new double[epochs + 1];
            double[][] dead = new double[epochs + 1][];
            double[][] sparsity = new double[epochs + 1][];
            double[][] saturated = new double[epochs + 1][];
            double[][] gradient = new double[epochs + 1][];
            double[][] beyond = new double[epochs + 1][];
            float[][] slopes = new float[epochs + 1][];
            int[] pieces = new int[epochs + 1];
            double[][] innerOuter = new double[epochs + 1][];
            java.util.Arrays.fill(mse, Double.NaN);
            ModelStats last = null;
            for (int e = 0; e <= epochs; e++) {
                if (e > 0 && !run.diverged()) {
                    run.trainEpoch();
                }
                if (!measured(e, epochs)) {
                    continue;
                }
                ModelStats s = run.measure();
                last = s;
                innerOuter[e] = innerOuter(c.data().x(), c.data().y(), s.predictions());
                mse[e] = s.diverged() ? Double.NaN : s.mse();
                List<LayerStats> layers = s.layers();
                int n = layers.size();
                dead[e] = new double[n];
                sparsity[e] = new double[n];
                saturated[e] = new double[n];
                gradient[e] = new double[n];
                beyond[e] = new double[n];
                slopes[e] = new float[n];
                for (int l = 0; l < n; l++) {
                    LayerStats layer = layers.get(l);
                    dead[e][l] = layer.deadFraction();
                    sparsity[e][l] = layer.sparsity();
                    saturated[e][l] = layer.saturatedShare();
                    gradient[e][l] = layer.gradientNorm();
                    int[] h = layer.histogram();
                    int total = 0;
                    for (int v : h) {
                        total += v;
                    }
                    beyond[e][l] = total == 0 ? 0 : (h[0] + h[h.length - 1]) / (double) total;
                    slopes[e][l] = layer.learnedSlope();
                }
                pieces[e] = s.shape().pieces();
            }
            traces.add(new Trace(names.get(i), mse, dead, sparsity, saturated, gradient, beyond, slopes, pieces,
                    innerOuter, run.diverged() ? run.measure().divergedAtEpoch() : -1,
                    run.diverged() ? run.measure() : last));
        }
        return traces;
    }

    /** Every epoch up to 20 (where most claims look), then every tenth, and the last. */
    static boolean measured(int epoch, int epochs) {
        return epoch <= 20 || epoch % 10 == 0 || epoch == epochs;
    }

    private static double[] innerOuter(float[] x, float[] y, float[] predictions) {
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < x.length; i++) {
            int k = Math.abs(x[i]) < Math.PI ? 0 : 1;
            double d = predictions[i] - y[i];
            sum[k] += d * d;
            n[k]++;
        }
        return new double[]{sum[0] / Math.max(1, n[0]), sum[1] / Math.max(1, n[1])};
    }

    /** The median of five (or any odd number of) values. */
    static double median(double... values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
