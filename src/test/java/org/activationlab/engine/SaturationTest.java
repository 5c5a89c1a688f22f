package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saturated share per layer against a brute-force count, and the info cards' facts against
 * the functions they describe.
 */
class SaturationTest {

    private static ModelStats measured(Activation activation, double initScale, int epochs) {
        Dataset data = Dataset.generate(TargetFunction.SIN, 300, -2 * Math.PI, 2 * Math.PI, 0, 0);
        NetworkSpec spec = new NetworkSpec(2, 16, activation, Initializer.GLOROT_UNIFORM, initScale, 0);
        ModelRun run = new ModelRun(activation.id(), data, spec, OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 9);
        for (int e = 0; e < epochs; e++) {
            run.trainEpoch();
        }
        return run.measure();
    }

    /** f′ by central finite differences of f: independent of the code's derivative. */
    static double slope(Activation a, double x) {
        double h = 1e-5;
        return (a.value(x + h) - a.value(x - h)) / (2 * h);
    }

    /**
     * The saturated tails by brute force: walking in from ±30 on a 0.001 grid, the tail lasts
     * while |f′| < 0.05, and only on a side where f′ tends to 0 without being 0 throughout.
     * Returns {below, above}.
     */
    static double[] bruteForceTails(Activation a) {
        double[] tails = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int side = 0; side < 2; side++) {
            int sign = side == 0 ? -1 : 1;
            boolean vanishes = Math.abs(slope(a, sign * 30)) < 1e-6;
            boolean flat = true;
            for (double d = 0.01; d <= 30; d += 0.01) {
                flat &= a.derivative(sign * d) == 0 && Math.abs(slope(a, sign * d)) < 1e-9;
            }
            if (!vanishes || flat) {
                continue;
            }
            double d = 30;
            while (d > 0 && Math.abs(slope(a, sign * d)) < 0.05) {
                d -= 0.001;
            }
            tails[side] = sign * d;
        }
        return tails;
    }

    /** Per hidden layer, the share of pre-activations in the brute-force tails, in double. */
    private static double[] bruteForceShares(ModelStats stats, Activation activation, Dataset data) {
        PlainNet net = PlainNet.of(stats);
        int hidden = net.hiddenLayers();
        double[] tails = bruteForceTails(activation);
        double[] shares = new double[hidden];
        for (float x : data.x()) {
            double[][] pre = net.evaluate(x, l -> activation::value);
            for (int l = 0; l < hidden; l++) {
                for (double z : pre[l]) {
                    shares[l] += z < tails[0] || z > tails[1] ? 1 : 0;
                }
            }
        }
        for (int l = 0; l < hidden; l++) {
            shares[l] /= (double) data.size() * stats.layers().get(l).units();
        }
        return shares;
    }

    @Test
    void saturatedShareMatchesABruteForceCount() {
        Dataset data = Dataset.generate(TargetFunction.SIN, 300, -2 * Math.PI, 2 * Math.PI, 0, 0);
        List<Activation> activations = List.of(Activations.SIGMOID, Activations.TANH, Activations.RELU,
                Activations.ELU, Activations.GELU, Activations.SILU, Activations.MISH, Activations.leakyRelu(0.01));
        for (Activation a : activations) {
            ModelStats stats = measured(a, 4, 2);
            double[] expected = bruteForceShares(stats, a, data);
            // float against double and the 0.001 grid may tip a value on a tail's edge: allow 3 of 4800.
            double tolerance = 3.0 / (300 * 16);
            for (int l = 0; l < expected.length; l++) {
                assertEquals(expected[l], stats.layers().get(l).saturatedShare(), tolerance, a + " layer " + (l + 1));
            }
            assertEquals(0, stats.layers().get(2).saturatedShare(), "the output layer has no activation");
        }
    }

    @Test
    void largeInitialWeightsSaturateSigmoidAndTanhButNotLinear() {
        assertTrue(measured(Activations.SIGMOID, 8, 0).layers().get(1).saturatedShare() > 0.5);
        assertTrue(measured(Activations.TANH, 8, 0).layers().get(0).saturatedShare() > 0.5);
        assertEquals(0, measured(Activations.LINEAR, 8, 0).layers().get(0).saturatedShare());
        assertTrue(Double.isNaN(measured(Activations.SOFTMAX, 1, 0).layers().get(0).saturatedShare()));
    }

    /** A network whose hidden pre-activations are all negative: biases start at −5, weights small. */
    private static ModelStats negativeInputs(Activation activation) {
        Dataset data = Dataset.generate(TargetFunction.SIN, 300, -2 * Math.PI, 2 * Math.PI, 0, 0);
        NetworkSpec spec = new NetworkSpec(2, 16, activation, Initializer.GLOROT_UNIFORM, 0.5, -5);
        ModelRun run = new ModelRun(activation.id(), data, spec, OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 9);
        return run.measure();
    }

    @Test
    void leakyReluAndReluAreNotSaturatedOnTheirNegativeSide() {
        // |w·x| ≤ 0.5 · √(6/17) · 2π < 1.9, so every pre-activation of layer 1 is below −3.
        ModelStats leaky = negativeInputs(Activations.leakyRelu(0.01));
        ModelStats relu = negativeInputs(Activations.RELU);
        ModelStats elu = negativeInputs(Activations.ELU);
        ModelStats sigmoid = negativeInputs(Activations.SIGMOID);
        assertEquals(0, leaky.layers().get(0).saturatedShare(), "Leaky ReLU's slope 0.01 is small but constant");
        assertEquals(0, relu.layers().get(0).saturatedShare(), "ReLU's negative side is inactive, not saturated");
        assertEquals(1, relu.layers().get(0).sparsity(), "…and all of layer 1 is inactive");
        // Below −3.0 ELU's f′ = eˣ < 0.05 and tends to 0; the Sigmoid's below −2.94.
        assertEquals(1, elu.layers().get(0).saturatedShare());
        assertEquals(1, sigmoid.layers().get(0).saturatedShare());
    }

    @Test
    void tailsAgreeWithTheDerivativeByFiniteDifferences() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.remove(Activations.SOFTMAX);
        all.addAll(List.of(Activations.GELU_TANH, Activations.leakyRelu(0), Activations.leakyRelu(0.3),
                Activations.elu(2.5), Activations.elu(0.02)));
        for (Activation a : all) {
            double[] expected = bruteForceTails(a);
            Saturation.Tails t = a.saturation();
            assertEquals(expected[0], t.below(), 0.002, a + " lower tail");
            assertEquals(expected[1], t.above(), 0.002, a + " upper tail");
            boolean saturates = Math.abs(slope(a, -30)) < 1e-6 && Double.isFinite(expected[0])
                    || Math.abs(slope(a, 30)) < 1e-6 && Double.isFinite(expected[1]);
            assertEquals(saturates, a.facts().saturates().startsWith("yes"), a + ": " + a.facts().saturates());
        }
        assertEquals(Saturation.Side.INACTIVE, Activations.RELU.saturation().negative());
        assertEquals(Saturation.Side.INACTIVE, Activations.leakyRelu(0).saturation().negative());
        assertEquals(Saturation.Side.NONE, Activations.LEAKY_RELU.saturation().negative());
        assertEquals(Saturation.Side.NONE, Activations.PRELU.saturation().negative());
        assertEquals(Saturation.Side.SATURATES, Activations.GELU.saturation().negative());
        // GELU's f′ crosses 0 near x = −0.75: a dip, not a tail; the tail starts further out.
        assertTrue(Math.abs(slope(Activations.GELU, -0.75)) < 0.05);
        assertFalse(Activations.GELU.saturation().contains(-0.75));
        assertTrue(Activations.GELU.saturation().below() < -2);
        assertTrue(Activations.RELU.facts().saturates().startsWith("no; inactive for x < 0"));
        assertEquals("no: f′ = 0.01 for x < 0, small but constant", Activations.LEAKY_RELU.facts().saturates());
        assertEquals("yes, both ends: f′ < 0.05 for |x| > 2.9", Activations.SIGMOID.facts().saturates());
        assertEquals("yes, for x → −∞: f′ < 0.05 for x < −3.0", Activations.ELU.facts().saturates());
    }

    @Test
    void outputRangesMatchTheFunctions() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.addAll(List.of(Activations.GELU_TANH, Activations.leakyRelu(0), Activations.elu(2.5)));
        for (Activation a : all) {
            String range = a.facts().outputRange().replace('−', '-');
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x = -60; x <= 60; x += 0.001) {
                min = Math.min(min, a.value(x));
                max = Math.max(max, a.value(x));
            }
            // "[−0.17, ∞)", "(0, 1), rows sum to 1": the two numbers between the brackets
            int comma = range.indexOf(',');
            String low = range.substring(1, comma).trim();
            String high = range.substring(comma + 1).trim().split("[)\\]]")[0];
            if (low.equals("-∞")) {
                assertTrue(a.value(-1e7) < -1e4, a + " is unbounded below");
            } else {
                double lo = Double.parseDouble(low);
                int decimals = low.contains(".") ? low.length() - low.indexOf('.') - 1 : 0;
                assertEquals(lo, min, 0.5 * Math.pow(10, -decimals) + 1e-9, a + " lower end " + range);
            }
            if (high.equals("∞")) {
                assertTrue(a.value(1e7) > 1e4, a + " is unbounded above");
            } else {
                assertEquals(Double.parseDouble(high), max, 1e-6, a + " upper end " + range);
            }
        }
    }

    @Test
    void quotedDerivativeThresholdsHold() {
        // "Sigmoid: below 0.05 for |x| > 2.9", "Tanh: below 0.05 for |x| > 2.2"
        assertTrue(Activations.SIGMOID.facts().vanishing().contains("|x| > 2.9"));
        assertTrue(Activations.SIGMOID.derivative(2.95) < Saturation.THRESHOLD);
        assertTrue(Activations.SIGMOID.derivative(2.85) > Saturation.THRESHOLD, "2.9 is not far from the edge");
        assertTrue(Activations.TANH.facts().vanishing().contains("|x| > 2.2"));
        assertTrue(Activations.TANH.derivative(2.2) < Saturation.THRESHOLD);
        assertTrue(Activations.TANH.derivative(2.0) > Saturation.THRESHOLD);
        // f′ ≤ 0.25 for the sigmoid, ≤ 1 for tanh
        double maxSigmoid = 0;
        double maxTanh = 0;
        for (double x = -10; x <= 10; x += 0.001) {
            maxSigmoid = Math.max(maxSigmoid, Activations.SIGMOID.derivative(x));
            maxTanh = Math.max(maxTanh, Activations.TANH.derivative(x));
        }
        assertEquals(0.25, maxSigmoid, 1e-9);
        assertEquals(1, maxTanh, 1e-9);
    }

    @Test
    void piecewiseLinearActivationsAreStraightOnEachSideOfZero() {
        for (Activation a : Activations.all()) {
            boolean straight = true;
            double left = a.derivative(-1);
            double right = a.derivative(1);
            for (double x = -8; x <= 8; x += 0.01) {
                double expected = x > 0 ? right * x : left * x;
                straight &= Math.abs(a.value(x) - expected) < 1e-12;
            }
            assertEquals(straight, a.isPiecewiseLinear(), a.toString());
            if (a.isPiecewiseLinear()) {
                assertEquals(1, right, a + ": slope 1 for x > 0");
            }
        }
        assertTrue(Activations.leakyRelu(0.3).isPiecewiseLinear());
        assertFalse(Activations.SOFTPLUS.isPiecewiseLinear());
    }

    @Test
    void parameterIsTheValueTheInstanceWasMadeWith() {
        assertEquals(0.3, Activations.leakyRelu(0.3).parameter());
        assertEquals(Activations.PRELU_INITIAL_SLOPE, Activations.PRELU.parameter());
        assertEquals(2.5, Activations.elu(2.5).parameter());
        assertTrue(Double.isNaN(Activations.SELU.parameter()));
        assertTrue(Double.isNaN(Activations.RELU.parameter()));
    }
}
