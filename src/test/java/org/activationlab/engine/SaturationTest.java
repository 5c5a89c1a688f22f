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

    /** Per hidden layer, the share of |f′(z)| < 0.05 over the training inputs, in double. */
    private static double[] bruteForceShares(ModelStats stats, Activation activation, Dataset data) {
        PlainNet net = PlainNet.of(stats);
        int hidden = net.hiddenLayers();
        double[] shares = new double[hidden];
        for (float x : data.x()) {
            double[][] pre = net.evaluate(x, l -> activation::value);
            for (int l = 0; l < hidden; l++) {
                for (double z : pre[l]) {
                    shares[l] += Math.abs(activation.derivative(z)) < Saturation.THRESHOLD ? 1 : 0;
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
                Activations.ELU, Activations.GELU, Activations.leakyRelu(0.01));
        for (Activation a : activations) {
            ModelStats stats = measured(a, 4, 2);
            double[] expected = bruteForceShares(stats, a, data);
            // float against double may tip a value lying on the threshold: allow 2 of 4800.
            double tolerance = 2.0 / (300 * 16);
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
        // Leaky ReLU at 0.01 passes a hundredth back for x < 0: below the threshold, so saturated.
        double leaky = measured(Activations.leakyRelu(0.01), 1, 0).layers().get(0).saturatedShare();
        double leaky3 = measured(Activations.leakyRelu(0.3), 1, 0).layers().get(0).saturatedShare();
        assertTrue(leaky > 0.2, "leaky 0.01: " + leaky);
        assertEquals(0, leaky3);
        assertTrue(Double.isNaN(measured(Activations.SOFTMAX, 1, 0).layers().get(0).saturatedShare()));
    }

    @Test
    void saturatesFactAgreesWithTheDerivativeFarOut() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.addAll(List.of(Activations.GELU_TANH, Activations.leakyRelu(0), Activations.leakyRelu(0.3),
                Activations.elu(2.5)));
        for (Activation a : all) {
            boolean far = Math.abs(a.derivative(-40)) < 1e-6 || Math.abs(a.derivative(40)) < 1e-6;
            assertEquals(far, a.facts().saturates(), a + " saturates");
            assertEquals(far, !Saturation.ends(a).equals("no"), a + " ends " + Saturation.ends(a));
        }
        assertEquals("both ends", Saturation.ends(Activations.TANH));
        assertEquals("for x → −∞", Saturation.ends(Activations.RELU));
        assertEquals("no", Saturation.ends(Activations.LEAKY_RELU));
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
        // "Sigmoid: below 0.05 for |x| > 3", "Tanh: below 0.05 for |x| > 2.2"
        assertTrue(Activations.SIGMOID.facts().vanishing().contains("|x| > 3"));
        assertTrue(Activations.SIGMOID.derivative(3) < Saturation.THRESHOLD);
        assertTrue(Activations.SIGMOID.derivative(2.5) > Saturation.THRESHOLD, "3 is not far from the edge");
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
