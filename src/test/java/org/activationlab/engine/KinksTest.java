package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kinks of piecewise-linear networks, against x = −b/w and against a dense brute-force scan. */
class KinksTest {

    @Test
    void firstHiddenLayerKinksAreMinusBiasOverWeight() {
        PlainNet net = PlainNet.random(3, 1.0, 1, 12, 1);
        float[] w = net.weights.get(0);
        float[] b = net.biases.get(0);
        w[5] = 0; // a unit that never crosses
        List<Double> expected = new ArrayList<>();
        for (int u = 0; u < b.length; u++) {
            if (w[u] != 0) {
                double x = -(double) b[u] / w[u];
                if (x > -3 && x < 3) {
                    expected.add(x);
                }
            }
        }
        double[] want = expected.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        for (double slope : new double[]{0, 0.01, 0.3}) {
            double[] kinks = Kinks.of(net.weights, net.biases, new double[]{slope}, -3, 3);
            assertArrayEquals(want, kinks, 1e-12, "slope " + slope);
        }
        assertTrue(want.length >= 3, "the test needs kinks in range, has " + want.length);
    }

    @Test
    void oneUnitByHand() {
        // z = 2x − 1 crosses 0 at x = 0.5; outside (0, 1) nothing.
        List<float[]> w = List.of(new float[]{2}, new float[]{1});
        List<float[]> b = List.of(new float[]{-1}, new float[]{0});
        assertArrayEquals(new double[]{0.5}, Kinks.of(w, b, new double[]{0}, -1, 1), 1e-15);
        assertEquals(0, Kinks.of(w, b, new double[]{0}, 0.5, 2).length, "a kink on the range's edge is not inside");
        assertEquals(0, Kinks.of(w, b, new double[]{1}, -1, 1).length, "slope 1 is linear: no kink");
    }

    @Test
    void deepNetworksAgreeWithADenseScan() {
        double[][] slopeSets = {{0, 0, 0}, {0.2, 0.2, 0.2}, {0, 0.3, 0.01}, {1, 0, 1}};
        for (long seed = 1; seed <= 12; seed++) {
            for (double[] slopes : slopeSets) {
                PlainNet net = PlainNet.random(seed, 1.5, 1, 6, 5, 4, 1);
                double[] kinks = Kinks.of(net.weights, net.biases, slopes, -4, 4);
                assertMatchesScan(net, slopes, kinks, -4, 4, "seed " + seed + " slopes " + Arrays.toString(slopes));
            }
        }
    }

    /**
     * Scans n cells: every kink must lie in a cell where some unit's pre-activation changes sign
     * (or on its edge); and the output must be straight between kinks, so that no bend is missed
     * (a unit that switches behind a blocked path bends nothing and is no kink).
     */
    private static void assertMatchesScan(PlainNet net, double[] slopes, double[] kinks, double min,
                                          double max, String what) {
        int n = 200_000;
        double h = (max - min) / n;
        boolean[] changes = new boolean[n];
        boolean[][] previous = signs(net.evaluateLeaky(min, slopes), slopes);
        for (int k = 1; k <= n; k++) {
            boolean[][] now = signs(net.evaluateLeaky(min + k * h, slopes), slopes);
            for (int l = 0; l < now.length; l++) {
                if (!Arrays.equals(now[l], previous[l])) {
                    changes[k - 1] = true;
                }
            }
            previous = now;
        }
        for (int i = 1; i < kinks.length; i++) {
            assertTrue(kinks[i] > kinks[i - 1], what + ": kinks not increasing");
        }
        for (double k : kinks) {
            assertTrue(k > min && k < max, what + ": kink " + k + " outside the range");
            int cell = (int) Math.floor((k - min) / h);
            boolean near = changes[Math.min(cell, n - 1)] || (cell > 0 && changes[cell - 1])
                    || (cell + 1 < n && changes[cell + 1]);
            assertTrue(near, what + ": no sign change near the kink at " + k);
        }
        // No bend is missed: between two kinks the output is one straight line.
        assertStraightBetweenKinks(net, slopes, kinks, min, max, what);
    }

    /** Per hidden layer whose slope differs from 1, whether each unit is on. */
    private static boolean[][] signs(double[][] pre, double[] slopes) {
        boolean[][] s = new boolean[slopes.length][];
        for (int l = 0; l < slopes.length; l++) {
            s[l] = new boolean[slopes[l] == 1 ? 0 : pre[l].length];
            for (int j = 0; j < s[l].length; j++) {
                s[l][j] = pre[l][j] > 0;
            }
        }
        return s;
    }

    /** 1 → units → 1 with hidden weights w, biases b, output weights v and output bias 0. */
    private static double[] kinksOf(double slope, float[] w, float[] b, float[] v) {
        return Kinks.of(List.of(w, v), List.of(b, new float[]{0}), new double[]{slope}, -5, 5);
    }

    @Test
    void onlyBendsOfTheOutputAreKinks() {
        // relu(x) − relu(x − 1): slopes 0, 1, 0, bends at 0 and 1.
        assertArrayEquals(new double[]{0, 1}, kinksOf(0, new float[]{1, 1}, new float[]{0, -1}, new float[]{1, -1}), 0);
        // relu(x) + 0·relu(x − 1): the second unit's switch does not reach the output.
        assertArrayEquals(new double[]{0}, kinksOf(0, new float[]{1, 1}, new float[]{0, -1}, new float[]{1, 0}), 0);
        // relu(x) − relu(x) = 0: one flat piece although both units switch at 0.
        assertArrayEquals(new double[0], kinksOf(0, new float[]{1, 1}, new float[]{0, 0}, new float[]{1, -1}), 0);
        // relu(x) + relu(−x) = |x|: one bend where two units switch.
        assertArrayEquals(new double[]{0}, kinksOf(0, new float[]{1, -1}, new float[]{0, 0}, new float[]{1, 1}), 0);
        // Leaky (a = 0.5): leaky(x) + leaky(−x) = |x|/2; leaky(x) + 2·leaky(−x − 2) has slopes
        // 0.5 − 2 = −1.5 for x < −2, 0.5 − 1 = −0.5 on (−2, 0) and 1 − 1 = 0 for x > 0.
        assertArrayEquals(new double[]{0}, kinksOf(0.5, new float[]{1, -1}, new float[]{0, 0}, new float[]{1, 1}), 0);
        assertArrayEquals(new double[]{-2, 0}, kinksOf(0.5, new float[]{1, -1}, new float[]{0, -2}, new float[]{1, 2}), 1e-15);
        // A slope change far below the output's own slopes is not a visible bend.
        assertArrayEquals(new double[]{0}, kinksOf(0, new float[]{1, 1}, new float[]{0, -1}, new float[]{1, 1e-12f}), 0);
    }

    @Test
    void aLayerThatIsOffEverywhereLeavesOnePiece() {
        // Layer 1 has kinks at −1, 0.5 and 2, but layer 2's units are negative for every x in
        // [−5, 5] (|weights| ≤ 1, inputs ≤ 15, bias −100): the output is its bias, one flat piece.
        List<float[]> w = List.of(new float[]{1, 2, -1}, new float[]{1, -1, 0.5f, 1, 1, 1}, new float[]{3, -2});
        List<float[]> b = List.of(new float[]{1, -1, 2}, new float[]{-100, -100}, new float[]{0.25f});
        assertEquals(0, Kinks.of(w, b, new double[]{0, 0}, -5, 5).length);
        // With one of them alive (bias +100) the three bends of layer 1 come through.
        List<float[]> alive = List.of(b.get(0), new float[]{100, -100}, b.get(2));
        assertArrayEquals(new double[]{-1, 0.5, 2}, Kinks.of(w, alive, new double[]{0, 0}, -5, 5), 1e-15);
    }

    /**
     * Brute force: the output's slope from finite differences on both sides of every kink must
     * differ, and between two kinks the output must be one straight line (its slope at the two
     * ends agrees).
     */
    @Test
    void everyKinkBendsTheOutputAndNoBendIsMissed() {
        for (long seed = 1; seed <= 8; seed++) {
            for (double[] slopes : new double[][]{{0, 0}, {0.1, 0}}) {
                PlainNet net = PlainNet.random(seed, 1.5, 1, 6, 5, 1);
                double[] kinks = Kinks.of(net.weights, net.biases, slopes, -4, 4);
                String what = "seed " + seed + " slopes " + Arrays.toString(slopes);
                assertStraightBetweenKinks(net, slopes, kinks, -4, 4, what);
                for (double k : kinks) {
                    double h = 1e-6;
                    double left = (out(net, k, slopes) - out(net, k - h, slopes)) / h;
                    double right = (out(net, k + h, slopes) - out(net, k, slopes)) / h;
                    assertTrue(Math.abs(left - right) > 1e-6, what + ": no bend at " + k);
                }
            }
        }
    }

    /** Within each piece the output is affine: interior points lie on the chord of its ends. */
    private static void assertStraightBetweenKinks(PlainNet net, double[] slopes, double[] kinks, double min,
                                                   double max, String what) {
        double[] edges = new double[kinks.length + 2];
        edges[0] = min;
        System.arraycopy(kinks, 0, edges, 1, kinks.length);
        edges[edges.length - 1] = max;
        for (int i = 0; i + 1 < edges.length; i++) {
            double a = edges[i];
            double c = edges[i + 1];
            double x1 = a + 1e-7 * (c - a);
            double x2 = c - 1e-7 * (c - a);
            double y1 = out(net, x1, slopes);
            double y2 = out(net, x2, slopes);
            for (double t : new double[]{0.13, 0.5, 0.87}) {
                double x = a + t * (c - a);
                double chord = y1 + (x - x1) / (x2 - x1) * (y2 - y1);
                assertEquals(chord, out(net, x, slopes), 1e-9 * (1 + Math.abs(chord)),
                        what + ": the output bends inside (" + a + ", " + c + ")");
            }
        }
    }

    private static double out(PlainNet net, double x, double[] slopes) {
        double[][] pre = net.evaluateLeaky(x, slopes);
        return pre[pre.length - 1][0];
    }

    @Test
    void nonFiniteWeightsHaveNoKinks() {
        PlainNet net = PlainNet.random(5, 1.0, 1, 4, 1);
        net.weights.get(1)[2] = Float.NaN;
        assertEquals(0, Kinks.of(net.weights, net.biases, new double[]{0}, -5, 5).length);
        assertEquals(0, Kinks.of(PlainNet.random(5, 1, 1, 4, 1).weights, PlainNet.random(5, 1, 1, 4, 1).biases,
                new double[]{Double.NaN}, -5, 5).length);
    }

    @Test
    void trainedReluModelIsStraightBetweenItsKinks() {
        Dataset data = Dataset.classic();
        ModelRun run = new ModelRun("relu", data, NetworkSpec.classic(Activations.RELU),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42);
        for (int e = 0; e < 10; e++) {
            run.trainEpoch();
        }
        ModelStats stats = run.measure();
        FunctionShape shape = stats.shape();
        double[] kinks = shape.kinks();
        assertTrue(shape.piecewiseLinear());
        assertEquals(kinks.length + 1, shape.pieces());
        assertTrue(kinks.length > 10, "a trained 64-64 ReLU net bends more than 10 times: " + kinks.length);
        assertMatchesScan(PlainNet.of(stats), new double[]{0, 0}, kinks, data.minX(), data.maxX(), "trained relu");
        // Between two kinks the network's own output is a straight line.
        PlainNet net = PlainNet.of(stats);
        for (int i = 0; i + 1 < kinks.length; i++) {
            double a = kinks[i];
            double c = kinks[i + 1];
            double m = (a + c) / 2;
            double x1 = a + (c - a) * 0.1;
            double x2 = a + (c - a) * 0.9;
            double y1 = net.output(x1, Activations.RELU);
            double y2 = net.output(x2, Activations.RELU);
            double ym = net.output(m, Activations.RELU);
            assertEquals((y1 + y2) / 2, ym, 1e-9 * (1 + Math.abs(ym)), "bends between kinks " + a + " and " + c);
        }
    }

    @Test
    void preluUsesTheLearnedSlopeAndSmoothActivationsHaveNoKinks() {
        Dataset data = Dataset.classic();
        ModelRun prelu = new ModelRun("prelu", data, NetworkSpec.classic(Activations.PRELU),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-2), 32, 42);
        for (int e = 0; e < 3; e++) {
            prelu.trainEpoch();
        }
        ModelStats stats = prelu.measure();
        double[] slopes = Kinks.negativeSlopes(Activations.PRELU, stats.layers());
        assertEquals(stats.layers().get(0).learnedSlope(), slopes[0], 0);
        assertFalse(slopes[0] == Activations.PRELU_INITIAL_SLOPE, "the slope has been learned");
        assertArrayEquals(Kinks.of(stats.weights(), stats.biases(), slopes, data.minX(), data.maxX()),
                stats.shape().kinks());
        ModelRun gelu = new ModelRun("gelu", data, NetworkSpec.classic(Activations.GELU),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42);
        assertFalse(gelu.measure().shape().piecewiseLinear());
        assertEquals(0, gelu.measure().shape().kinks().length);
    }
}
