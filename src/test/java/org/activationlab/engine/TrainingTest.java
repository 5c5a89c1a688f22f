package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training as a whole: what it converges to, determinism, Keras-like batching, divergence, data. */
class TrainingTest {

    private static final long SEED = 42;

    private static ModelRun classicRun(Activation activation, long seed) {
        return new ModelRun(activation.id(), Dataset.classic(), NetworkSpec.classic(activation),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, seed);
    }

    @Test
    void linearModelReachesTheLeastSquaresLine() {
        Dataset data = Dataset.classic();
        // Closed-form simple linear regression in double: slope = Sxy / Sxx.
        float[] x = data.x();
        float[] y = data.y();
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double optimum = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (slope * x[i] + intercept);
            optimum += r * r;
        }
        optimum /= n;
        // Sanity: on [−2π, 2π], cov(x, sin x) → −1 and var(x) → (4π)²/12, so the slope → −3/(4π²).
        assertEquals(-3 / (4 * Math.PI * Math.PI), slope, 2e-3);
        assertEquals(0.5 - 3 / (4 * Math.PI * Math.PI), optimum, 2e-3);

        ModelRun run = classicRun(Activations.LINEAR, SEED);
        for (int e = 0; e < 100; e++) {
            run.trainEpoch();
        }
        ModelStats stats = run.measure();
        assertEquals(100, stats.epoch());
        assertTrue(stats.mse() >= optimum * (1 - 1e-5), "below the least-squares optimum?! " + stats.mse());
        assertTrue(stats.mse() <= optimum * 1.01,
                "linear model MSE " + stats.mse() + " not within 1% of the least-squares optimum " + optimum);
        // It is a straight line: the grid predictions have a constant slope close to the optimum.
        float[] gx = data.gridX();
        float[] gp = stats.gridPredictions();
        double fitted = (gp[gp.length - 1] - gp[0]) / (gx[gx.length - 1] - gx[0]);
        assertEquals(slope, fitted, 0.1 * Math.abs(slope));
        for (int i = 1; i < gp.length; i++) {
            double local = (gp[i] - gp[i - 1]) / (gx[i] - gx[i - 1]);
            assertEquals(fitted, local, 1e-3, "not a straight line at grid point " + i);
        }
    }

    @Test
    void reluModelFitsTheSineInTheClassicExperiment() {
        ModelRun run = classicRun(Activations.RELU, SEED);
        double initial = run.measure().mse();
        double loss = Double.NaN;
        for (int e = 0; e < 100; e++) {
            loss = run.trainEpoch();
        }
        ModelStats stats = run.measure();
        assertTrue(initial > 0.1, "initial MSE " + initial);
        assertTrue(stats.mse() < 0.01, "ReLU MSE after 100 epochs: " + stats.mse());
        assertTrue(loss < 0.02, "last epoch's training loss " + loss);
        assertFalse(stats.diverged());
        assertEquals(-1, stats.divergedAtEpoch());
    }

    @Test
    void sameSeedGivesBitIdenticalLossesAndAnotherSeedDoes_not() {
        long[] a = losses(SEED, 6);
        long[] b = losses(SEED, 6);
        long[] c = losses(SEED + 1, 6);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        // the initial weights themselves depend on the seed
        assertFalse(Arrays.equals(classicRun(Activations.RELU, 1).predict(new float[] {0.5f, 2f}),
                classicRun(Activations.RELU, 2).predict(new float[] {0.5f, 2f})));
        assertArrayEquals(classicRun(Activations.RELU, 1).predict(new float[] {0.5f, 2f}),
                classicRun(Activations.RELU, 1).predict(new float[] {0.5f, 2f}));
    }

    private static long[] losses(long seed, int epochs) {
        ModelRun run = classicRun(Activations.RELU, seed);
        long[] bits = new long[epochs + 1];
        for (int e = 0; e < epochs; e++) {
            bits[e] = Double.doubleToLongBits(run.trainEpoch());
        }
        bits[epochs] = Double.doubleToLongBits(run.measure().mse());
        return bits;
    }

    @Test
    void restartReturnsToTheSameInitialWeights() {
        ModelRun run = classicRun(Activations.RELU, SEED);
        float[] grid = run.data().gridX();
        float[] before = run.predict(grid);
        run.trainEpoch();
        run.trainEpoch();
        assertFalse(Arrays.equals(before, run.predict(grid)));
        run.restart(Activations.RELU);
        assertEquals(0, run.epoch());
        assertArrayEquals(before, run.predict(grid));
        // ...and then trains exactly as the first time
        long[] fresh = losses(SEED, 3);
        for (int e = 0; e < 3; e++) {
            assertEquals(fresh[e], Double.doubleToLongBits(run.trainEpoch()), "epoch " + (e + 1));
        }
    }

    /**
     * With every training point identical, every batch — full or partial, in any order — has the
     * same gradient, so one epoch of SGD equals k plain gradient steps on one point, which the
     * test computes by hand: k tells how many optimizer steps the epoch took.
     */
    @Test
    void oneEpochTakesCeilPointsOverBatchStepsIncludingThePartialLastBatch() {
        assertEquals(32, stepsInOneEpoch(1000, 32));
        assertEquals(3, stepsInOneEpoch(5, 2));
        assertEquals(1, stepsInOneEpoch(7, 32));
        assertEquals(4, stepsInOneEpoch(4, 1));
    }

    private static int stepsInOneEpoch(int points, int batch) {
        float x0 = 0.5f;
        float y0 = 2f;
        float[] xs = new float[points];
        float[] ys = new float[points];
        Arrays.fill(xs, x0);
        Arrays.fill(ys, y0);
        Dataset data = new Dataset(xs, ys, "one point, repeated");
        double lr = 0.02;
        ModelRun run = new ModelRun("tiny", data,
                new NetworkSpec(1, 1, Activations.LINEAR, Initializer.GLOROT_UNIFORM, 1.0, 0.0),
                OptimizerSpec.of(OptimizerKind.SGD, lr), batch, 7);
        List<Parameter> params = run.network().parameters(); // W1, b1, W2, b2, each 1×1
        double[] initial = new double[4];
        for (int i = 0; i < 4; i++) {
            initial[i] = params.get(i).value().data[0];
        }
        double loss = run.trainEpoch();
        double[] trained = new double[4];
        for (int i = 0; i < 4; i++) {
            trained[i] = params.get(i).value().data[0];
        }
        int steps = -1;
        for (int k = 0; k <= 40; k++) {
            double[] w = initial.clone();
            double lossSum = 0;
            int remaining = points;
            for (int s = 0; s < k; s++) {
                // y = w2·(w1·x + b1) + b2; L = (y − t)²
                double h = w[0] * x0 + w[1];
                double e = w[2] * h + w[3] - y0;
                int rows = Math.min(batch, remaining);
                remaining -= rows;
                lossSum += e * e * rows;
                double g = 2 * e;
                double gw1 = g * w[2] * x0;
                double gb1 = g * w[2];
                double gw2 = g * h;
                double gb2 = g;
                w[0] -= lr * gw1;
                w[1] -= lr * gb1;
                w[2] -= lr * gw2;
                w[3] -= lr * gb2;
            }
            boolean match = true;
            for (int i = 0; i < 4; i++) {
                match &= Math.abs(w[i] - trained[i]) < 1e-5;
            }
            if (match) {
                assertEquals(-1, steps, "ambiguous: the step count is not identifiable");
                steps = k;
                // the epoch loss is the batch losses' mean weighted by batch size
                assertEquals(lossSum / points, loss, 1e-5 * Math.max(1, loss));
            }
        }
        assertEquals(1, run.epoch());
        return steps;
    }

    @Test
    void aHugeLearningRateDivergesAndThenTrainingStops() {
        ModelRun run = new ModelRun("wild", Dataset.classic(),
                new NetworkSpec(2, 64, Activations.RELU, Initializer.GLOROT_UNIFORM, 100, 0),
                OptimizerSpec.of(OptimizerKind.SGD, 10), 32, SEED);
        assertFalse(run.diverged());
        assertEquals(-1, run.measure().divergedAtEpoch());
        double loss = 0;
        for (int e = 0; e < 5 && !run.diverged(); e++) {
            loss = run.trainEpoch();
        }
        assertTrue(run.diverged(), "still finite: " + loss);
        assertFalse(Double.isFinite(loss));
        int at = run.epoch();
        ModelStats stats = run.measure();
        assertTrue(stats.diverged());
        assertEquals(at, stats.divergedAtEpoch());
        assertTrue(at >= 1 && at <= 5);
        float[] w = run.network().weights(0).data.clone();
        assertTrue(Double.isNaN(run.trainEpoch()));
        assertTrue(Double.isNaN(run.trainEpoch()));
        assertEquals(at, run.epoch(), "a diverged model must not train on");
        assertArrayEquals(w, run.network().weights(0).data);
        assertEquals(at, run.measure().divergedAtEpoch());
        // restarting clears the divergence
        run.restart(Activations.RELU);
        assertFalse(run.diverged());
        assertEquals(-1, run.measure().divergedAtEpoch());
    }

    @Test
    void targetFunctionsMatchTheirClosedForms() {
        double[] xs = {-5.5, -Math.PI / 2, -0.3, 0, 0.7, Math.PI / 2, 2.5, 4};
        for (double x : xs) {
            assertEquals(Math.sin(x), TargetFunction.SIN.apply(x), 1e-15);
            assertEquals(Math.abs(x), TargetFunction.ABS.apply(x), 1e-15);
            assertEquals(x * x, TargetFunction.SQUARE.apply(x), 1e-15);
            assertEquals(x * Math.sin(x), TargetFunction.X_SIN_X.apply(x), 1e-15);
            assertEquals(Math.exp(-x * x / 2), TargetFunction.GAUSSIAN_BUMP.apply(x), 1e-15);
            assertEquals(x >= 0 ? 1 : 0, TargetFunction.STEP.apply(x), 0.0);
        }
        assertEquals(1.0, TargetFunction.SQUARE_WAVE.apply(1), 0.0);
        assertEquals(-1.0, TargetFunction.SQUARE_WAVE.apply(4), 0.0);
        assertEquals(1.0, TargetFunction.SQUARE_WAVE.apply(-4), 0.0);
        assertEquals(-1.0, TargetFunction.SQUARE_WAVE.apply(-1), 0.0);
        // sawtooth of period 2π rising from −1 to 1: x/π on (−π, π)
        assertEquals(0.0, TargetFunction.SAWTOOTH.apply(0), 1e-15);
        assertEquals(0.5, TargetFunction.SAWTOOTH.apply(Math.PI / 2), 1e-15);
        assertEquals(-0.25, TargetFunction.SAWTOOTH.apply(-Math.PI / 4), 1e-15);
        assertEquals(0.9, TargetFunction.SAWTOOTH.apply(0.9 * Math.PI), 1e-12);
        assertEquals(0.5, TargetFunction.SAWTOOTH.apply(2 * Math.PI + Math.PI / 2), 1e-12);
        assertEquals(-0.9, TargetFunction.SAWTOOTH.apply(1.1 * Math.PI), 1e-12);
        assertEquals(Math.exp(-0.5), TargetFunction.GAUSSIAN_BUMP.apply(1), 1e-15);

        for (TargetFunction t : TargetFunction.values()) {
            assertEquals(t, TargetFunction.byId(t.id()).orElseThrow());
        }
        assertEquals(TargetFunction.SQUARE_WAVE, TargetFunction.byId("Square-Wave").orElseThrow());
        assertTrue(TargetFunction.byId("cos").isEmpty());
    }

    @Test
    void generatedDataIsEvenlySpacedTargetPlusSeededNoise() {
        Dataset classic = Dataset.classic();
        assertEquals(1000, classic.size());
        assertEquals((float) (-2 * Math.PI), classic.x()[0]);
        assertEquals((float) (2 * Math.PI), classic.x()[999]);
        for (int i = 0; i < 1000; i += 111) {
            double x = -2 * Math.PI + 4 * Math.PI * i / 999;
            assertEquals((float) x, classic.x()[i]);
            assertEquals((float) Math.sin(x), classic.y()[i]);
        }
        // 1000 sorted points are their own plotting grid
        assertSame(classic.x(), classic.gridX());
        // sparse or unsorted points get an evenly spaced grid over their range
        Dataset sparse = Dataset.generate(TargetFunction.SIN, 50, -1, 3, 0, 1);
        float[] grid = sparse.gridX();
        assertEquals(Dataset.GRID_POINTS, grid.length);
        assertEquals(-1, grid[0], 1e-6);
        assertEquals(3, grid[Dataset.GRID_POINTS - 1], 1e-6);
        for (int i = 1; i < grid.length; i++) {
            assertEquals(4.0 / (Dataset.GRID_POINTS - 1), grid[i] - grid[i - 1], 1e-5);
        }

        Dataset a = Dataset.generate(TargetFunction.SQUARE, 5000, -1, 1, 0.2, 9);
        Dataset b = Dataset.generate(TargetFunction.SQUARE, 5000, -1, 1, 0.2, 9);
        Dataset c = Dataset.generate(TargetFunction.SQUARE, 5000, -1, 1, 0.2, 10);
        assertArrayEquals(a.y(), b.y());
        assertEquals(a, b);
        assertFalse(Arrays.equals(a.y(), c.y()));
        assertArrayEquals(a.x(), c.x());
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < a.size(); i++) {
            double r = a.y()[i] - a.x()[i] * (double) a.x()[i];
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / a.size();
        double sd = Math.sqrt(sumSq / a.size() - mean * mean);
        assertEquals(0, mean, 0.02);
        assertEquals(0.2, sd, 0.01);
        assertNotEquals(a.description(), Dataset.generate(TargetFunction.SQUARE, 5000, -1, 1, 0, 9).description());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.generate(TargetFunction.SIN, 1, -1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.generate(TargetFunction.SIN, Dataset.MAX_POINTS + 1, -1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.generate(TargetFunction.SIN, 10, 1, -1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset(new float[] {0, Float.NaN}, new float[] {1, 2}, "nan"));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelRun("x", Dataset.classic(), NetworkSpec.classic(Activations.RELU),
                        OptimizerSpec.of(OptimizerKind.ADAM), 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(0, 64, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0));
    }
}
