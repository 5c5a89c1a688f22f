package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stack of linear layers is one line: the multiplied-out line and the least-squares line. */
class LinearCollapseTest {

    @Test
    void oneHiddenLayerByHand() {
        // y = 4·(2x + 0.5) + 0.25·(−x + 3) − 1 = 7.75x + 1.75
        List<float[]> weights = List.of(new float[]{2, -1}, new float[]{4, 0.25f});
        List<float[]> biases = List.of(new float[]{0.5f, 3}, new float[]{-1});
        LinearCollapse.Line line = LinearCollapse.of(weights, biases);
        assertEquals(7.75, line.slope(), 1e-12);
        assertEquals(1.75, line.intercept(), 1e-12);
        assertEquals(7.75 * 2 + 1.75, line.at(2), 1e-12);
    }

    @Test
    void deepNetworksAgreeWithPointByPointEvaluation() {
        for (long seed = 1; seed <= 20; seed++) {
            PlainNet net = PlainNet.random(seed, 1.2, 1, 7, 5, 6, 1);
            LinearCollapse.Line line = LinearCollapse.of(net.weights, net.biases);
            for (double x = -7; x <= 7; x += 0.37) {
                double expected = net.output(x, Activations.LINEAR);
                assertEquals(expected, line.at(x), 1e-9 * (1 + Math.abs(expected)), "seed " + seed + ", x " + x);
            }
        }
    }

    @Test
    void leastSquaresByHand() {
        // mean x 1.5, mean y 2.75, Sxy 5.5, Sxx 5: slope 1.1, intercept 2.75 − 1.65 = 1.1
        LinearCollapse.Line line = LinearCollapse.leastSquares(new float[]{0, 1, 2, 3}, new float[]{1, 3, 2, 5});
        assertEquals(1.1, line.slope(), 1e-12);
        assertEquals(1.1, line.intercept(), 1e-12);
        // All x equal: the mean of y, flat.
        LinearCollapse.Line flat = LinearCollapse.leastSquares(new float[]{2, 2}, new float[]{1, 4});
        assertEquals(0, flat.slope());
        assertEquals(2.5, flat.intercept(), 1e-12);
    }

    @Test
    void leastSquaresResidualsAreOrthogonalToOneAndX() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 500;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(95, 105);
            y[i] = (float) (3 - 0.5 * x[i] + random.nextGaussian());
        }
        LinearCollapse.Line line = LinearCollapse.leastSquares(x, y);
        double sum = 0;
        double sumX = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - line.at(x[i]);
            sum += r;
            sumX += r * (x[i] - 100);
        }
        // The normal equations of min Σ r²: Σ r = 0 and Σ r·x = 0.
        assertEquals(0, sum, 1e-6);
        assertEquals(0, sumX, 1e-5);
        assertEquals(-0.5, line.slope(), 0.05);
    }

    @Test
    void classicDataBestLineIsTheClosedFormForSine() {
        Dataset data = Dataset.classic();
        LinearCollapse.Line line = LinearCollapse.leastSquares(data.x(), data.y());
        // On [−2π, 2π]: cov(x, sin x) → −1 and var(x) → (4π)²/12, so slope → −3/(4π²); sin is odd.
        assertEquals(-3 / (4 * Math.PI * Math.PI), line.slope(), 2e-3);
        assertEquals(0, line.intercept(), 1e-6);
    }

    @Test
    void aTrainedLinearModelCarriesItsLineAndTheBestLine() {
        ModelRun run = new ModelRun("linear", Dataset.classic(), NetworkSpec.classic(Activations.LINEAR),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42);
        for (int e = 0; e < 5; e++) {
            run.trainEpoch();
        }
        ModelStats stats = run.measure();
        FunctionShape shape = stats.shape();
        assertNotNull(shape.line());
        assertEquals(1, shape.pieces());
        assertEquals(0, shape.kinks().length);
        PlainNet net = PlainNet.of(stats);
        for (double x : new double[]{-6, -1, 0, 2.5, 6}) {
            double expected = net.output(x, Activations.LINEAR);
            assertEquals(expected, shape.line().at(x), 1e-9 * (1 + Math.abs(expected)));
        }
        LinearCollapse.Line best = shape.bestLine();
        assertEquals(-3 / (4 * Math.PI * Math.PI), best.slope(), 2e-3);
    }

    @Test
    void onlyTheIdentityCollapses() {
        ModelRun run = new ModelRun("relu", Dataset.classic(), NetworkSpec.classic(Activations.RELU),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42);
        assertNull(run.measure().shape().line());
        ModelRun tanh = new ModelRun("tanh", Dataset.classic(), NetworkSpec.classic(Activations.TANH),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42);
        FunctionShape shape = tanh.measure().shape();
        assertNull(shape.line());
        assertEquals(0, shape.pieces());
        assertTrue(shape.bestLine().isFinite());
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> LinearCollapse.of(List.of(new float[]{1, 2}), List.of(new float[]{0})));
        assertThrows(IllegalArgumentException.class,
                () -> LinearCollapse.of(List.of(new float[]{1, 2}), List.of(new float[]{0, 0})));
    }
}
