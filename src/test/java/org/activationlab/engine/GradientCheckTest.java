package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backpropagation of the whole network against central finite differences of the MSE loss, for
 * every parameter of small networks. The network computes in float, so the step is large
 * (h = 3e-3) and the tolerance relative (1e-2) with an absolute floor.
 */
class GradientCheckTest {

    private static final int DEPTH = 2;
    private static final int WIDTH = 5;
    private static final int BATCH = 7;
    private static final float H = 3e-3f;
    private static final double REL_TOL = 1e-2;
    private static final double ABS_TOL = 2e-4;
    /** Activations whose derivative jumps at 0 (ELU with α = 1 is smooth to first order). */
    private static final Set<String> KINKED = Set.of("relu", "leaky_relu", "prelu", "selu");

    @Test
    void relu() {
        check(Activations.RELU, 11);
    }

    @Test
    void smoothActivationsToo() {
        check(Activations.SOFTPLUS, 17);
        check(Activations.MISH, 18);
        check(Activations.SILU, 19);
        check(Activations.GELU, 20);
        check(Activations.GELU_TANH, 21);
        check(Activations.SIGMOID, 22);
    }

    /**
     * The training forward pass may keep f′ for the backward pass (Softplus, Mish): the
     * gradients must be those of the plain forward pass, for every activation.
     */
    @Test
    void trainingForwardPassGivesTheSameGradients() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(Activations.GELU_TANH);
        for (Activation a : all) {
            NetworkSpec spec = new NetworkSpec(DEPTH, WIDTH, a, Initializer.GLOROT_UNIFORM, 1.5, 0.1);
            Mlp plain = new Mlp(spec, 5, BATCH);
            Mlp training = new Mlp(spec, 5, BATCH);
            FMatrixRMaj x = new FMatrixRMaj(BATCH, 1);
            FMatrixRMaj y = new FMatrixRMaj(BATCH, 1);
            SplittableRandom random = new SplittableRandom(9);
            for (int i = 0; i < BATCH; i++) {
                x.data[i] = (float) (random.nextDouble() * 8 - 4);
                y.data[i] = (float) Math.sin(x.data[i]);
            }
            plain.forward(x);
            double plainLoss = plain.backward(x, y);
            training.forwardForTraining(x);
            double trainingLoss = training.backward(x, y);
            assertEquals(plainLoss, trainingLoss, 1e-6 * Math.abs(plainLoss), a.id());
            List<Parameter> expected = plain.parameters();
            List<Parameter> actual = training.parameters();
            for (int p = 0; p < expected.size(); p++) {
                float[] e = expected.get(p).gradient().data;
                float[] g = actual.get(p).gradient().data;
                for (int i = 0; i < e.length; i++) {
                    assertEquals(e[i], g[i], 1e-5 * (1 + Math.abs(e[i])), a.id() + " " + expected.get(p).name() + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void leakyRelu() {
        check(Activations.leakyRelu(0.2f), 12);
    }

    @Test
    void tanh() {
        check(Activations.TANH, 13);
    }

    @Test
    void elu() {
        check(Activations.ELU, 14);
    }

    @Test
    void softmax() {
        check(Activations.SOFTMAX, 15);
    }

    @Test
    void linear() {
        check(Activations.LINEAR, 16);
    }

    @Test
    void preluIncludingItsSlopes() {
        Mlp net = network(Activations.PRELU, 17);
        List<Parameter> parameters = net.parameters();
        List<String> names = new ArrayList<>();
        for (Parameter p : parameters) {
            names.add(p.name());
        }
        assertEquals(List.of("W1", "b1", "a1", "W2", "b2", "a2", "W3", "b3"), names);
        check(Activations.PRELU, 17);
    }

    @Test
    void preluAfterItsSlopesHaveMovedAwayFromTheInitialValue() {
        // With slopes ≠ 0.25 the forward and backward passes must both use the learned value.
        Mlp net = network(Activations.PRELU, 23);
        for (Parameter p : net.parameters()) {
            if (p.name().startsWith("a")) {
                p.value().data[0] = p.name().equals("a1") ? 0.6f : -0.3f;
            }
        }
        assertEquals(0.6f, net.learnedSlope(0));
        assertEquals(-0.3f, net.learnedSlope(1));
        checkNetwork(net, "PReLU (moved slopes)", 23);
    }

    @Test
    void sigmoidAndSmoothActivations() {
        for (Activation a : List.of(Activations.SIGMOID, Activations.GELU, Activations.SILU,
                Activations.MISH, Activations.SOFTPLUS, Activations.SELU)) {
            check(a, 19);
        }
    }

    @Test
    void batchLossIsTheMeanSquaredError() {
        Mlp net = network(Activations.TANH, 20);
        FMatrixRMaj x = inputs(20);
        FMatrixRMaj y = targets(x);
        double expected = loss(net, x, y);
        net.forward(x);
        assertEquals(expected, net.backward(x, y), 1e-6 * expected);
    }

    private static Mlp network(Activation activation, long seed) {
        // Biases start at 0.1 so that no ReLU pre-activation sits exactly on the kink at x = 0.
        NetworkSpec spec = new NetworkSpec(DEPTH, WIDTH, activation, Initializer.GLOROT_UNIFORM, 1.5, 0.1);
        return new Mlp(spec, seed, BATCH);
    }

    private static FMatrixRMaj inputs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrixRMaj x = new FMatrixRMaj(BATCH, 1);
        for (int i = 0; i < BATCH; i++) {
            x.data[i] = (float) (random.nextDouble(-2, 2));
        }
        return x;
    }

    private static FMatrixRMaj targets(FMatrixRMaj x) {
        FMatrixRMaj y = new FMatrixRMaj(x.numRows, 1);
        for (int i = 0; i < x.numRows; i++) {
            y.data[i] = (float) (Math.sin(2 * x.data[i]) + 0.3);
        }
        return y;
    }

    /** Whether each hidden pre-activation of the batch is positive, after a forward pass of x. */
    private static boolean[] signs(Mlp net, FMatrixRMaj x) {
        net.forward(x);
        int n = 0;
        for (int l = 0; l < net.hiddenLayerCount(); l++) {
            n += net.preActivations(l).getNumElements();
        }
        boolean[] signs = new boolean[n];
        int k = 0;
        for (int l = 0; l < net.hiddenLayerCount(); l++) {
            FMatrixRMaj pre = net.preActivations(l);
            for (int i = 0; i < pre.getNumElements(); i++) {
                signs[k++] = pre.data[i] > 0;
            }
        }
        return signs;
    }

    /** The MSE in double from the network's float outputs. */
    private static double loss(Mlp net, FMatrixRMaj x, FMatrixRMaj y) {
        FMatrixRMaj out = net.forward(x);
        double sum = 0;
        for (int i = 0; i < x.numRows; i++) {
            double d = (double) out.data[i] - y.data[i];
            sum += d * d;
        }
        return sum / x.numRows;
    }

    private static void check(Activation activation, long seed) {
        checkNetwork(network(activation, seed), activation.id(), seed);
    }

    private static void checkNetwork(Mlp net, String label, long seed) {
        FMatrixRMaj x = inputs(seed);
        FMatrixRMaj y = targets(x);
        net.forward(x);
        net.backward(x, y);

        boolean kinked = KINKED.contains(net.activation().id());
        boolean[] base = signs(net, x);

        List<String> failures = new ArrayList<>();
        int checked = 0;
        int skipped = 0;
        int total = 0;
        double largest = 0;
        for (Parameter p : net.parameters()) {
            float[] analytic = p.gradient().data.clone();
            float[] w = p.value().data;
            for (int i = 0; i < p.size(); i++) {
                total++;
                float original = w[i];
                float plus = original + H;
                float minus = original - H;
                w[i] = plus;
                double lPlus = loss(net, x, y);
                boolean[] signsPlus = signs(net, x);
                w[i] = minus;
                double lMinus = loss(net, x, y);
                boolean[] signsMinus = signs(net, x);
                w[i] = original;
                if (kinked && (!Arrays.equals(base, signsPlus) || !Arrays.equals(base, signsMinus))) {
                    // Some pre-activation crosses the kink at 0 inside [w − h, w + h]: the loss is
                    // not differentiable there, so the central difference means nothing.
                    skipped++;
                    continue;
                }
                double fd = (lPlus - lMinus) / ((double) plus - minus);
                double g = analytic[i];
                largest = Math.max(largest, Math.abs(g));
                double tol = REL_TOL * Math.max(Math.abs(fd), Math.abs(g)) + ABS_TOL;
                if (Math.abs(fd - g) <= tol) {
                    checked++;
                } else {
                    failures.add(p.name() + "[" + i + "]: backprop " + g + ", finite difference " + fd);
                }
            }
        }
        assertTrue(failures.isEmpty(), label + ":\n" + String.join("\n", failures));
        assertTrue(skipped * 10 <= total, label + ": " + skipped + " of " + total + " parameters skipped at kinks");
        assertTrue(checked >= 40, label + ": only " + checked + " parameters checked");
        assertTrue(largest > 1e-2, label + ": gradients are all tiny, the check proves nothing");
    }
}
