package org.activationlab.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How the units of the last hidden layer build the network's output: the output is
 * {@code b + Σᵢ wᵢ·hᵢ(x)}, where {@code hᵢ} is unit i's activation and {@code wᵢ} its weight into
 * the output. This computes every term {@code wᵢ·hᵢ(x)} at given x from a model's weights, with
 * the same activation code the network trains with, and the sum with any units left out.
 *
 * <p>Immutable; arrays returned are owned by this object and must not be modified.
 */
public final class UnitTerms {

    /** A unit "shapes the curve" if its term varies by more than this share of the output's range. */
    public static final double CONTRIBUTION_SHARE = 0.01;

    private final float[] xs;
    private final float[][] terms;
    private final float[][] lastPre;
    private final float[] outputWeights;
    private final double bias;
    private final boolean piecewiseLinear;

    private UnitTerms(float[] xs, float[][] terms, float[][] lastPre, float[] outputWeights, double bias,
                      boolean piecewiseLinear) {
        this.xs = xs;
        this.terms = terms;
        this.lastPre = lastPre;
        this.outputWeights = outputWeights;
        this.bias = bias;
        this.piecewiseLinear = piecewiseLinear;
    }

    /**
     * The terms of a model at {@code xs}.
     *
     * @param activation the hidden activation
     * @param weights    per dense layer, inputs × units row-major (as {@link ModelStats#weights()})
     * @param biases     per dense layer
     * @param slopes     per hidden layer, PReLU's learned slope (ignored for other activations)
     */
    public static UnitTerms of(Activation activation, List<float[]> weights, List<float[]> biases,
                               float[] slopes, float[] xs) {
        int layers = weights.size();
        if (layers < 2 || biases.size() != layers) {
            throw new IllegalArgumentException("need at least one hidden layer and an output layer");
        }
        int n = xs.length;
        float[] h = xs.clone();
        int width = 1;
        float[] pre = new float[0];
        for (int l = 0; l < layers - 1; l++) {
            float[] w = weights.get(l);
            float[] b = biases.get(l);
            int units = b.length;
            if (w.length != width * units) {
                throw new IllegalArgumentException("layer " + (l + 1) + ": " + w.length + " weights for "
                        + width + " × " + units);
            }
            pre = new float[n * units];
            for (int p = 0; p < n; p++) {
                for (int j = 0; j < units; j++) {
                    float sum = b[j];
                    for (int i = 0; i < width; i++) {
                        sum += h[p * width + i] * w[i * units + j];
                    }
                    pre[p * units + j] = sum;
                }
            }
            float[] out = new float[n * units];
            float slope = slopes != null && l < slopes.length ? slopes[l] : activation.initialParameter();
            activation.forward(pre, out, n, units, slope);
            h = out;
            width = units;
        }
        float[] wOut = weights.get(layers - 1).clone();
        if (wOut.length != width) {
            throw new IllegalArgumentException("output layer: " + wOut.length + " weights for " + width + " units");
        }
        float[][] terms = new float[width][n];
        float[][] unitPre = new float[width][n];
        for (int j = 0; j < width; j++) {
            for (int p = 0; p < n; p++) {
                terms[j][p] = wOut[j] * h[p * width + j];
                unitPre[j][p] = pre[p * width + j];
            }
        }
        return new UnitTerms(xs.clone(), terms, unitPre, wOut, biases.get(layers - 1)[0],
                activation.isPiecewiseLinear());
    }

    /** The terms of the model described by {@code stats} at {@code xs}. */
    public static UnitTerms of(ModelStats stats, float[] xs) {
        List<LayerStats> layers = stats.layers();
        float[] slopes = new float[Math.max(0, layers.size() - 1)];
        for (int l = 0; l < slopes.length; l++) {
            slopes[l] = layers.get(l).learnedSlope();
        }
        if (!stats.activation().learnsParameter()) {
            slopes = null;
        }
        return of(stats.activation(), stats.weights(), stats.biases(), slopes, xs);
    }

    public float[] xs() {
        return xs;
    }

    /** Units of the last hidden layer. */
    public int units() {
        return terms.length;
    }

    /** Unit {@code unit}'s term {@code wᵢ·hᵢ(x)} at every x. */
    public float[] term(int unit) {
        return terms[unit];
    }

    /** Unit {@code unit}'s weight into the output. */
    public float outputWeight(int unit) {
        return outputWeights[unit];
    }

    /** The output layer's bias. */
    public double bias() {
        return bias;
    }

    /** {@code b + Σ terms} over the units not in {@code off}, at every x. */
    public float[] sum(BitSet off) {
        float[] out = new float[xs.length];
        for (int p = 0; p < xs.length; p++) {
            double s = bias;
            for (int j = 0; j < terms.length; j++) {
                if (off == null || !off.get(j)) {
                    s += terms[j][p];
                }
            }
            out[p] = (float) s;
        }
        return out;
    }

    /** The full output {@code b + Σ terms}. */
    public float[] sum() {
        return sum(null);
    }

    /** Largest minus smallest value of unit {@code unit}'s term. */
    public double termRange(int unit) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : terms[unit]) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi >= lo ? hi - lo : 0;
    }

    /** The largest |term| of unit {@code unit}. */
    public double termSize(int unit) {
        double m = 0;
        for (float v : terms[unit]) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * The units whose term varies by more than {@link #CONTRIBUTION_SHARE} of the output's
     * range: the ones that shape the curve. A dead unit's term is 0, a constant one only moves
     * the curve up or down like the bias.
     */
    public BitSet contributing() {
        float[] total = sum();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : total) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double threshold = CONTRIBUTION_SHARE * Math.max(hi - lo, 1e-6);
        BitSet set = new BitSet(terms.length);
        for (int j = 0; j < terms.length; j++) {
            if (termRange(j) > threshold) {
                set.set(j);
            }
        }
        return set;
    }

    /**
     * Where unit {@code unit} switches: the x at which its pre-activation crosses 0 between
     * neighbouring x, interpolated. For a ReLU-family network these are the kinks of its term
     * (its hinge); for a smooth activation, the centre of its S-curve.
     */
    public List<Double> switchPoints(int unit) {
        List<Double> points = new ArrayList<>();
        float[] z = lastPre[unit];
        for (int p = 1; p < z.length; p++) {
            float a = z[p - 1];
            float b = z[p];
            if ((a < 0 && b >= 0) || (a >= 0 && b < 0)) {
                double t = a == b ? 0 : a / (double) (a - b);
                points.add(xs[p - 1] + t * (xs[p] - xs[p - 1]));
            }
        }
        return points;
    }

    /** True if the hidden activation is made of straight pieces, so switch points are kinks. */
    public boolean piecewiseLinear() {
        return piecewiseLinear;
    }

    /** Mean squared error of {@code prediction} against {@code y}. */
    public static double mse(float[] prediction, float[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = prediction[i] - y[i];
            s += d * d;
        }
        return s / y.length;
    }
}
