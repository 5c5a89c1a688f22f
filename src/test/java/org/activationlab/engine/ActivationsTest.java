package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every activation against independent math: derivatives against central finite differences of
 * the values, values against closed forms, and the float array methods against the scalar ones.
 */
class ActivationsTest {

    private static final double H = 1e-5;
    private static final double[] GRID = {0, 1e-3, -1e-3, 1, -1, 5, -5, 30, -30, 0.5, -0.5, 2.5, -2.5};
    /** Activations with a kink at 0 (where f′ jumps): ReLU, Leaky ReLU, PReLU, and ELU/SELU with αs ≠ 1. */
    private static final Set<String> KINKED = Set.of("relu", "leaky_relu", "prelu", "elu", "selu");

    /** PyTorch's SELU constants, written out independently of the code. */
    private static final double SELU_ALPHA = 1.6732632423543772;
    private static final double SELU_SCALE = 1.0507009873554805;

    private static List<Activation> everyActivation() {
        List<Activation> list = new ArrayList<>(Activations.all());
        list.add(Activations.GELU_TANH);
        list.add(Activations.leakyRelu(0.2f));
        list.add(Activations.elu(0.5));
        return list;
    }

    private static List<Activation> elementWise() {
        List<Activation> list = new ArrayList<>();
        for (Activation a : everyActivation()) {
            if (!a.isVectorFunction()) {
                list.add(a);
            }
        }
        return list;
    }

    @Test
    void catalogueHasTheExpectedActivations() {
        List<String> ids = new ArrayList<>();
        for (Activation a : Activations.all()) {
            ids.add(a.id());
        }
        // Display order: the classroom favourites first, so keys 1–9 and 0 reach them.
        assertEquals(List.of("relu", "leaky_relu", "prelu", "elu", "selu", "gelu", "silu",
                "sigmoid", "tanh", "linear", "softplus", "mish", "softmax"), ids);
    }

    @Test
    void derivativeMatchesCentralFiniteDifferences() {
        List<String> failures = new ArrayList<>();
        for (Activation a : everyActivation()) {
            for (double x : GRID) {
                if (KINKED.contains(a.id()) && Math.abs(x) <= H) {
                    continue; // checked one-sidedly below
                }
                double fd = (a.value(x + H) - a.value(x - H)) / (2 * H);
                double d = a.derivative(x);
                double tol = 1e-7 * Math.max(1, Math.abs(fd));
                if (!(Math.abs(fd - d) <= tol)) {
                    failures.add(a.id() + " at x=" + x + ": f'=" + d + ", finite difference " + fd);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void derivativeAtTheKinkFollowsPyTorchsLeftSidedConvention() {
        for (Activation a : everyActivation()) {
            if (!KINKED.contains(a.id())) {
                continue;
            }
            double left = (a.value(0) - a.value(-H)) / H;
            assertEquals(left, a.derivative(0), 1e-4, a.id() + "'(0) should be the left derivative");
        }
        assertEquals(0.0, Activations.RELU.derivative(0), 0.0);
        assertEquals(0.01, Activations.LEAKY_RELU.derivative(0), 1e-9);
        assertEquals(0.2, Activations.leakyRelu(0.2f).derivative(0), 1e-7);
        assertEquals(0.25, Activations.PRELU.derivative(0), 1e-9);
        assertEquals(1.0, Activations.ELU.derivative(0), 1e-12);
        assertEquals(0.5, Activations.elu(0.5).derivative(0), 1e-12);
        assertEquals(SELU_SCALE * SELU_ALPHA, Activations.SELU.derivative(0), 1e-12);
        // and just right of the kink, the positive side's slope
        assertEquals(1.0, Activations.RELU.derivative(1e-9), 0.0);
        assertEquals(1.0, Activations.leakyRelu(0.2f).derivative(1e-9), 0.0);
        assertEquals(SELU_SCALE, Activations.SELU.derivative(1e-9), 1e-12);
    }

    @Test
    void valuesMatchClosedForms() {
        Activation relu = Activations.RELU;
        assertEquals(0.0, relu.value(-2), 0.0);
        assertEquals(0.0, relu.value(0), 0.0);
        assertEquals(3.5, relu.value(3.5), 0.0);

        assertEquals(-0.4, Activations.leakyRelu(0.2f).value(-2), 1e-7);
        assertEquals(-0.02, Activations.LEAKY_RELU.value(-2), 1e-9);
        assertEquals(2.0, Activations.leakyRelu(0.2f).value(2), 0.0);
        assertEquals(-0.5, Activations.PRELU.value(-2), 1e-12);

        assertEquals(Math.exp(-1) - 1, Activations.ELU.value(-1), 1e-15);
        assertEquals(0.5 * (Math.exp(-2) - 1), Activations.elu(0.5).value(-2), 1e-15);
        assertEquals(7.0, Activations.ELU.value(7), 0.0);

        assertEquals(SELU_SCALE, Activations.SELU.value(1), 1e-15);
        assertEquals(SELU_SCALE * SELU_ALPHA * (Math.exp(-1) - 1), Activations.SELU.value(-1), 1e-15);
        assertEquals(-SELU_SCALE * SELU_ALPHA, Activations.SELU.value(-1e4), 1e-12);

        assertEquals(0.5, Activations.SIGMOID.value(0), 0.0);
        assertEquals(1 / (1 + Math.exp(-2)), Activations.SIGMOID.value(2), 1e-15);
        assertEquals(1 / (1 + Math.exp(3)), Activations.SIGMOID.value(-3), 1e-15);

        for (double x : new double[] {-3, -0.7, 0, 0.4, 2}) {
            double tanh = (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
            assertEquals(tanh, Activations.TANH.value(x), 1e-15);
        }

        assertEquals(Math.log(2), Activations.SOFTPLUS.value(0), 1e-15);
        assertEquals(Math.log(1 + Math.E), Activations.SOFTPLUS.value(1), 1e-15);
        assertEquals(Math.log(1 + Math.exp(-5)), Activations.SOFTPLUS.value(-5), 1e-15);
        assertEquals(25.0, Activations.SOFTPLUS.value(25), 0.0);
        assertEquals(20.5, Activations.SOFTPLUS.value(20.5), 0.0);
        assertEquals(1.0, Activations.SOFTPLUS.derivative(25), 0.0);

        // GELU(1) = Φ(1) exactly (PrecisionTest checks Φ everywhere to double precision).
        assertEquals(0.8413447460685429, Activations.GELU.value(1), 2e-16);
        assertEquals(-0.15865525393145707, Activations.GELU.value(-1), 1e-16);
        assertEquals(0.0, Activations.GELU.value(0), 1e-15);
        double x = 1;
        double geluTanh = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        assertEquals(geluTanh, Activations.GELU_TANH.value(1), 1e-15);
        assertEquals(0.8411919906082768, Activations.GELU_TANH.value(1), 1e-12);

        assertEquals(1 / (1 + Math.exp(-1)), Activations.SILU.value(1), 1e-15);
        assertEquals(-2 / (1 + Math.exp(2)), Activations.SILU.value(-2), 1e-15);

        assertEquals(Math.tanh(Math.log(1 + Math.E)), Activations.MISH.value(1), 1e-15);
        assertEquals(-2 * Math.tanh(Math.log(1 + Math.exp(-2))), Activations.MISH.value(-2), 1e-15);

        assertEquals(-4.25, Activations.LINEAR.value(-4.25), 0.0);
        assertEquals(1.0, Activations.LINEAR.derivative(123), 0.0);
    }

    @Test
    void valueAndDerivativeStayFiniteForHugeInputs() {
        double[] xs = {1e4, -1e4, 1e3, -1e3, 710, -710, 100, -100, 50, -50, 20.000001, 19.999999};
        List<String> failures = new ArrayList<>();
        for (Activation a : everyActivation()) {
            for (double x : xs) {
                double v = a.value(x);
                double d = a.derivative(x);
                if (!Double.isFinite(v) || !Double.isFinite(d)) {
                    failures.add(a.id() + " at " + x + ": f=" + v + ", f'=" + d);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void arrayMethodsAgreeWithScalarMethodsForElementWiseActivations() {
        float[] pre = {0f, 1e-3f, -1e-3f, 1f, -1f, 5f, -5f, 30f, -30f, 0.37f, -2.2f, 1e4f, -1e4f, 7.5f, -0.01f};
        int rows = 3;
        int cols = 5;
        float[] gradOut = new float[pre.length];
        for (int i = 0; i < gradOut.length; i++) {
            gradOut[i] = 0.5f - 0.13f * i;
        }
        for (Activation a : elementWise()) {
            float parameter = a.learnsParameter() ? a.initialParameter() : 0f;
            float[] out = new float[pre.length + 2];
            float[] gradPre = new float[pre.length + 2];
            out[pre.length] = 99f; // beyond rows*cols: must stay untouched
            gradPre[pre.length] = 99f;
            a.forward(pre, out, rows, cols, parameter);
            a.backward(pre, out, gradOut, gradPre, rows, cols, parameter);
            for (int i = 0; i < pre.length; i++) {
                double v = a.value(pre[i]);
                double d = a.derivative(pre[i]) * gradOut[i];
                assertEquals(v, out[i], 2e-6 * Math.max(1, Math.abs(v)), a.id() + " forward at " + pre[i]);
                assertEquals(d, gradPre[i], 2e-6 * Math.max(1, Math.abs(d)), a.id() + " backward at " + pre[i]);
            }
            assertEquals(99f, out[pre.length], a.id() + " wrote beyond rows*cols");
            assertEquals(99f, gradPre[pre.length], a.id() + " wrote beyond rows*cols");
        }
    }

    @Test
    void preluUsesTheLearnedSlopePassedIn() {
        float[] pre = {-2f, 3f, -0.5f, 0f};
        float[] out = new float[4];
        float[] gradOut = {1f, 1f, 2f, 1f};
        float[] gradPre = new float[4];
        Activations.PRELU.forward(pre, out, 1, 4, 0.1f);
        assertArrayEquals(new float[] {-0.2f, 3f, -0.05f, 0f}, out, 1e-7f);
        Activations.PRELU.backward(pre, out, gradOut, gradPre, 1, 4, 0.1f);
        assertArrayEquals(new float[] {0.1f, 1f, 0.2f, 0.1f}, gradPre, 1e-7f);
        // Leaky ReLU ignores the parameter.
        Activations.LEAKY_RELU.forward(pre, out, 1, 4, 0.9f);
        assertEquals(-0.02f, out[0], 1e-7f);
    }

    @Test
    void preluParameterGradientMatchesFiniteDifferenceOfTheSlope() {
        Activation prelu = Activations.PRELU;
        assertTrue(prelu.learnsParameter());
        assertFalse(Activations.LEAKY_RELU.learnsParameter());
        float[] pre = {-2f, 3f, -0.5f, 0.25f, -1.5f, 4f};
        float[] gradOut = {0.3f, -1f, 2f, 0.7f, -0.4f, 0.1f};
        int rows = 2;
        int cols = 3;
        float a = 0.25f;
        double h = 1e-2; // the loss Σ gradOut·f(pre) is linear in the slope: no truncation error
        double fd = (weightedOutput(prelu, pre, gradOut, rows, cols, (float) (a + h))
                - weightedOutput(prelu, pre, gradOut, rows, cols, (float) (a - h))) / (2 * h);
        // by hand: Σ over negative pre of pre·gradOut = −0.6 − 1.0 + 0.6 = −1.0
        assertEquals(-1.0, fd, 1e-4);
        assertEquals(fd, prelu.parameterGradient(pre, gradOut, rows, cols), 1e-5);
        assertEquals(0.0, Activations.LEAKY_RELU.parameterGradient(pre, gradOut, rows, cols), 0.0);
    }

    private static double weightedOutput(Activation act, float[] pre, float[] gradOut, int rows,
                                         int cols, float parameter) {
        float[] out = new float[pre.length];
        act.forward(pre, out, rows, cols, parameter);
        double sum = 0;
        for (int i = 0; i < pre.length; i++) {
            sum += (double) gradOut[i] * out[i];
        }
        return sum;
    }

    @Test
    void softmaxRowsAreProbabilitiesEvenForHugeLogits() {
        float[] pre = {
            1e4f, 0f, -1e4f,
            1e4f, 1e4f, 1e4f,
            -1e4f, -1e4f, -3f,
            1f, 2f, 3f,
        };
        int rows = 4;
        int cols = 3;
        float[] out = new float[pre.length];
        Activations.SOFTMAX.forward(pre, out, rows, cols, 0f);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, pre[r * cols + j]);
            }
            double denom = 0;
            for (int j = 0; j < cols; j++) {
                denom += Math.exp(pre[r * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                float s = out[r * cols + j];
                assertTrue(Float.isFinite(s) && s >= 0 && s <= 1, "row " + r + ": " + s);
                assertEquals(Math.exp(pre[r * cols + j] - max) / denom, s, 1e-6);
                sum += s;
            }
            assertEquals(1.0, sum, 1e-6, "row " + r);
        }
        assertEquals(1f, out[0], 0f);
        assertEquals(1f / 3, out[3], 1e-7f);
        assertEquals(1f, out[8], 1e-7f);
    }

    @Test
    void softmaxBackwardIsTheJacobianVectorProduct() {
        float[] pre = {0.3f, -1.2f, 2.0f, 0.5f, 1f, 1f, -4f, 3f};
        float[] gradOut = {0.7f, -0.2f, 1.5f, -1f, 0.25f, 2f, -0.5f, 0.1f};
        int rows = 2;
        int cols = 4;
        float[] out = new float[pre.length];
        float[] gradPre = new float[pre.length];
        Activations.SOFTMAX.forward(pre, out, rows, cols, 0f);
        Activations.SOFTMAX.backward(pre, out, gradOut, gradPre, rows, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            // J = diag(s) − s sᵀ, built explicitly; gradPre = Jᵀ · gradOut
            double[][] jac = new double[cols][cols];
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    jac[i][j] = (i == j ? out[o + i] : 0) - (double) out[o + i] * out[o + j];
                }
            }
            for (int j = 0; j < cols; j++) {
                double expected = 0;
                for (int i = 0; i < cols; i++) {
                    expected += jac[i][j] * gradOut[o + i];
                }
                assertEquals(expected, gradPre[o + j], 1e-6, "row " + r + " unit " + j);
            }
            // and the Jacobian itself against central differences of the forward pass
            for (int j = 0; j < cols; j++) {
                float h = 1e-2f;
                float[] plus = pre.clone();
                float[] minus = pre.clone();
                plus[o + j] += h;
                minus[o + j] -= h;
                float[] sp = new float[pre.length];
                float[] sm = new float[pre.length];
                Activations.SOFTMAX.forward(plus, sp, rows, cols, 0f);
                Activations.SOFTMAX.forward(minus, sm, rows, cols, 0f);
                double fd = 0;
                for (int i = 0; i < cols; i++) {
                    fd += gradOut[o + i] * ((double) sp[o + i] - sm[o + i]) / (plus[o + j] - minus[o + j]);
                }
                assertEquals(fd, gradPre[o + j], 2e-3, "row " + r + " unit " + j + " vs finite difference");
            }
        }
    }

    @Test
    void softmaxIsTheOnlyVectorFunction() {
        for (Activation a : everyActivation()) {
            assertEquals(a == Activations.SOFTMAX, a.isVectorFunction(), a.id());
        }
    }

    @Test
    void byIdFindsEveryActivationAndTheAliases() {
        for (Activation a : Activations.all()) {
            assertSame(a, Activations.byId(a.id()).orElseThrow(), a.id());
            assertSame(a, Activations.byId(" " + a.id().toUpperCase() + " ").orElseThrow(), a.id());
        }
        assertSame(Activations.SILU, Activations.byId("swish").orElseThrow());
        assertSame(Activations.LINEAR, Activations.byId("identity").orElseThrow());
        // "none" is left to callers: on the command line "--compare none" means no other model.
        assertTrue(Activations.byId("none").isEmpty());
        assertSame(Activations.LEAKY_RELU, Activations.byId("leaky-relu").orElseThrow());
        assertSame(Activations.LEAKY_RELU, Activations.byId("Leaky_ReLU").orElseThrow());
        assertSame(Activations.GELU_TANH, Activations.byId("gelu_tanh").orElseThrow());
        assertSame(Activations.GELU_TANH, Activations.byId("GELU-Tanh").orElseThrow());
        assertTrue(Activations.byId("gelu2").isEmpty());
        assertTrue(Activations.byId("").isEmpty());
        for (String id : Activations.ids().split(", ")) {
            assertTrue(Activations.byId(id).isPresent(), id);
        }
    }

    @Test
    void parameterisedFactoriesRejectOutOfRangeValues() {
        for (float slope : new float[] {-0.1f, 1f, Float.NaN}) {
            try {
                Activations.leakyRelu(slope);
                fail("slope " + slope + " accepted");
            } catch (IllegalArgumentException expected) {
                // ok
            }
        }
        for (double alpha : new double[] {0, -1, 11, Double.NaN}) {
            try {
                Activations.elu(alpha);
                fail("alpha " + alpha + " accepted");
            } catch (IllegalArgumentException expected) {
                // ok
            }
        }
    }
}
