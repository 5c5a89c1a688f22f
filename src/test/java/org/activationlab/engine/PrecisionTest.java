package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact GELU, ELU and SELU against closed forms evaluated independently: Φ(x) from its Taylor
 * series summed in 90-digit decimal arithmetic (|x| ≤ 10) or its asymptotic series (beyond),
 * eˣ from {@link Math#exp}.
 */
class PrecisionTest {

    private static final MathContext MC = new MathContext(90);
    /** π to 60 digits. */
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494");

    private static final java.util.Map<Double, Double> PHI = new java.util.HashMap<>();

    private static double reference(double x) {
        return x < -10 ? tail(x) : PHI.computeIfAbsent(x, PrecisionTest::phi);
    }

    /** Φ(x) = ½ + (1/√(2π)) Σ (−1)ⁿ x²ⁿ⁺¹ / (2ⁿ n! (2n + 1)), summed until the terms are negligible. */
    static double phi(double x) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal x2 = bx.multiply(bx, MC).divide(BigDecimal.valueOf(-2), MC);
        BigDecimal power = bx; // x^(2n+1) (−1/2)^n / n!
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal negligible = new BigDecimal("1e-60");
        for (int n = 0; n < 2000; n++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(term, MC);
            if (n > 2 && term.abs().compareTo(negligible) < 0) {
                break;
            }
            power = power.multiply(x2, MC).divide(BigDecimal.valueOf(n + 1), MC);
        }
        BigDecimal root2pi = PI.multiply(BigDecimal.valueOf(2), MC).sqrt(MC);
        return new BigDecimal("0.5").add(sum.divide(root2pi, MC), MC).doubleValue();
    }

    /** φ(x), with the rounding error of x² (exact by FMA) put back: e^(−x²/2) = e^(−hi/2)·e^(−lo/2). */
    private static double pdf(double x) {
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return Math.exp(-0.5 * hi) * Math.exp(-0.5 * lo) / Math.sqrt(2 * Math.PI);
    }

    private static double[] grid() {
        List<Double> xs = new ArrayList<>();
        for (double x = -12; x <= 10; x += 0.0771) {
            xs.add(x);
        }
        for (double x : new double[]{0, 1e-9, -1e-9, 1e-3, -1e-3, 0.5, -0.5, 1, -1, 3, -3, 8.5, -8.5, -8.51, -20, -30}) {
            xs.add(x);
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void exactGeluDerivativeAtZeroIsOneHalf() {
        assertEquals(0.5, Activations.GELU.derivative(0), 1e-15);
        assertEquals(0.5, MathFunctions.normalCdf(0), 0);
    }

    @Test
    void normalCdfIsAccurateToDoublePrecision() {
        List<String> bad = new ArrayList<>();
        for (double x : grid()) {
            double want = reference(x);
            double got = MathFunctions.normalCdf(x);
            if (!(Math.abs(got - want) <= 1e-15 * Math.abs(want))) {
                bad.add("Φ(" + x + ") = " + got + ", want " + want);
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " off: " + String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    @Test
    void trainingLoopsPhiAndPhiDensityAreAccurateFarBeyondFloatPrecision() {
        List<String> bad = new ArrayList<>();
        double[] density = new double[1];
        for (double x : grid()) {
            double want = reference(x);
            double got = MathFunctions.normalCdfTraining(x, density);
            // 1e-14 absolute, and 1e-9 relative in the lower tail where Φ is tiny but a float is not.
            if (!(Math.abs(got - want) <= Math.max(1e-14 * Math.min(1, 1e5 * want), 1e-9 * want))) {
                bad.add("Φ(" + x + ") = " + got + ", want " + want);
            }
            if (!(Math.abs(density[0] - pdf(x)) <= 1e-9 * pdf(x))) {
                bad.add("φ(" + x + ") = " + density[0] + ", want " + pdf(x));
            }
        }
        assertTrue(Double.isNaN(MathFunctions.normalCdfTraining(Double.NaN, density)));
        assertEquals(1.0, MathFunctions.normalCdfTraining(40, density), 0);
        assertEquals(0.0, MathFunctions.normalCdfTraining(-50, density), 0);
        assertTrue(bad.isEmpty(), bad.size() + " off: " + String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    @Test
    void forwardAndTheTrainingForwardGiveTheSameFloats() {
        // Training runs forwardWithDerivative, measuring and plotting run forward: one value.
        float[] pre = new float[4001];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = -40f + i * 0.02f;
        }
        for (Activation a : Activations.all()) {
            float[] out = new float[pre.length];
            float[] trained = new float[pre.length];
            float[] derivative = new float[pre.length];
            a.forward(pre, out, 1, pre.length, 0.25f);
            if (a.forwardWithDerivative(pre, trained, derivative, 1, pre.length, 0.25f)) {
                for (int i = 0; i < pre.length; i++) {
                    assertEquals(out[i], trained[i], 0, a.id() + " at " + pre[i]);
                }
            }
        }
    }

    @Test
    void softplusSeriesForLnOnePlusUMatchesLog1p() {
        for (int i = 0; i <= 100_000; i++) {
            double u = i / 100_000.0;
            double want = Math.log1p(u);
            assertEquals(want, MathFunctions.log1pUnit(u), 2e-11 * want, "ln(1 + " + u + ")");
        }
    }

    @Test
    void fastTanhIsWithinFloatPrecisionOfTanh() {
        for (double x = -30; x <= 30; x += 0.00731) {
            double want = Math.tanh(x);
            assertEquals(want, MathFunctions.fastTanh(x), Math.max(3e-16, 1e-9 * Math.abs(want)), "tanh(" + x + ")");
        }
        for (double x : new double[]{1e-8, -1e-8, 1e-4, 0, 20, 21, -21, 1e300, -1e300}) {
            assertEquals(Math.tanh(x), MathFunctions.fastTanh(x), Math.max(3e-16, 6e-8 * Math.abs(Math.tanh(x))), "tanh(" + x + ")");
        }
    }

    /**
     * Φ(x) for x < −10 from the asymptotic series φ(x)/|x| · Σ (−1)ⁿ (2n − 1)!! / x²ⁿ, whose
     * terms at |x| ≥ 10 fall far below double precision before they start to grow.
     */
    private static double tail(double x) {
        double z2 = x * x;
        double term = 1;
        double sum = 1;
        for (int n = 1; n < 40; n++) {
            term *= -(2 * n - 1) / z2;
            sum += term;
        }
        return pdf(x) / -x * sum;
    }

    @Test
    void exactGeluValueAndDerivativeMatchTheClosedForm() {
        List<String> bad = new ArrayList<>();
        for (double x : grid()) {
            double p = reference(x);
            double value = x * p;
            double slope = p + x * pdf(x);
            double gotValue = Activations.GELU.value(x);
            double gotSlope = Activations.GELU.derivative(x);
            if (!(Math.abs(gotValue - value) <= 1.2e-15 * Math.abs(value))) {
                bad.add("GELU(" + x + ") = " + gotValue + ", want " + value);
            }
            // f′ = Φ + xφ cancels for x < 0; allow for the rounding of the two terms.
            if (!(Math.abs(gotSlope - slope) <= 1.2e-15 * (Math.abs(p) + Math.abs(x * pdf(x))))) {
                bad.add("GELU'(" + x + ") = " + gotSlope + ", want " + slope);
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " off: " + String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    @Test
    void geluTrainingLoopsAreCorrectlyRoundedFloats() {
        double[] xs = grid();
        float[] pre = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            pre[i] = (float) xs[i];
        }
        float[] out = new float[pre.length];
        float[] ones = new float[pre.length];
        java.util.Arrays.fill(ones, 1f);
        float[] grad = new float[pre.length];
        Activations.GELU.forward(pre, out, 1, pre.length, 0f);
        Activations.GELU.backward(pre, out, ones, grad, 1, pre.length, 0f);
        for (int i = 0; i < pre.length; i++) {
            double x = pre[i];
            double p = reference(x);
            assertEquals((float) (x * p), out[i], Math.ulp((float) (x * p)), "GELU(" + x + ")");
            float[] cached = new float[1];
            float[] one = new float[1];
            Activations.GELU.forwardWithDerivative(new float[]{pre[i]}, one, cached, 1, 1, 0f);
            assertEquals(out[i], one[0], 0, "forwardWithDerivative's GELU(" + x + ")");
            assertEquals(grad[i], cached[0], 0, "forwardWithDerivative's GELU'(" + x + ")");
            double slope = p + x * pdf(x);
            // Near f′'s zero (x ≈ −0.75) Φ + xφ cancels: allow the double sum's own rounding.
            assertEquals((float) slope, grad[i], Math.max(Math.ulp((float) slope), 1e-15), "GELU'(" + x + ")");
        }
    }

    @Test
    void eluAndSeluBackwardStayAccurateFarLeft() {
        for (Activation a : List.of(Activations.ELU, Activations.elu(0.5), Activations.SELU)) {
            double alpha = a == Activations.SELU ? ReluFamily.Elu.SELU_ALPHA : a.parameter();
            double scale = a == Activations.SELU ? ReluFamily.Elu.SELU_SCALE : 1;
            float[] pre = new float[81];
            for (int i = 0; i < pre.length; i++) {
                pre[i] = -40f + i * 0.5f;
            }
            float[] out = new float[pre.length];
            float[] ones = new float[pre.length];
            java.util.Arrays.fill(ones, 1f);
            float[] grad = new float[pre.length];
            float[] cached = new float[pre.length];
            a.forward(pre, out, 1, pre.length, 0f);
            a.backward(pre, out, ones, grad, 1, pre.length, 0f);
            boolean cachedToo = a.forwardWithDerivative(pre, out, cached, 1, pre.length, 0f);
            for (int i = 0; i < pre.length; i++) {
                double x = pre[i];
                double want = x > 0 ? scale : scale * alpha * Math.exp(x);
                float w = (float) want;
                assertEquals(w, grad[i], 2 * Math.ulp(w), a.id() + " backward at " + x);
                if (cachedToo) {
                    assertEquals(w, cached[i], 2 * Math.ulp(w), a.id() + " forwardWithDerivative at " + x);
                }
                double value = x > 0 ? scale * x : scale * alpha * Math.expm1(x);
                assertEquals((float) value, out[i], 2 * Math.ulp((float) value), a.id() + " forward at " + x);
                assertEquals(want, a.derivative(x), 1e-15 * want, a.id() + "' at " + x);
            }
        }
    }
}
