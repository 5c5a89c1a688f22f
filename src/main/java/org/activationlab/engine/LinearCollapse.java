package org.activationlab.engine;

import java.util.List;

/**
 * Why a network without activations is no better than one straight line: multiplying out its
 * layers gives the one equation y = a·x + b it computes; and the best such line for the data,
 * in closed form, to compare it with.
 */
public final class LinearCollapse {

    /** A straight line y = slope·x + intercept. */
    public record Line(double slope, double intercept) {

        public double at(double x) {
            return slope * x + intercept;
        }

        public boolean isFinite() {
            return Double.isFinite(slope) && Double.isFinite(intercept);
        }
    }

    private LinearCollapse() {
    }

    /**
     * The line a network {@code 1 → … → 1} computes when every activation is the identity.
     * Each unit's value is carried as an affine function a·x + c of the input; a layer maps
     * them on like its inputs: a′ⱼ = Σᵢ aᵢ·Wᵢⱼ, c′ⱼ = Σᵢ cᵢ·Wᵢⱼ + bⱼ.
     *
     * @param weights per dense layer, inputs × units, row-major (as in {@link ModelStats#weights()})
     * @param biases  per dense layer, one per unit; the last layer has one unit
     */
    public static Line of(List<float[]> weights, List<float[]> biases) {
        checkShape(weights, biases);
        double[] slope = {1};
        double[] offset = {0};
        for (int l = 0; l < weights.size(); l++) {
            float[] w = weights.get(l);
            float[] b = biases.get(l);
            int inputs = slope.length;
            int units = b.length;
            double[] nextSlope = new double[units];
            double[] nextOffset = new double[units];
            for (int j = 0; j < units; j++) {
                double a = 0;
                double c = b[j];
                for (int i = 0; i < inputs; i++) {
                    a += slope[i] * w[i * units + j];
                    c += offset[i] * w[i * units + j];
                }
                nextSlope[j] = a;
                nextOffset[j] = c;
            }
            slope = nextSlope;
            offset = nextOffset;
        }
        return new Line(slope[0], offset[0]);
    }

    /**
     * The least-squares line through the points: slope = cov(x, y) / var(x), and the line goes
     * through the means. Sums are centred first, which keeps them exact enough for x far from 0.
     * A dataset whose x are all equal gets the horizontal line through the mean of y.
     */
    public static Line leastSquares(float[] x, float[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need equally many x and y, at least one");
        }
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            sxy += dx * (y[i] - meanY);
            sxx += dx * dx;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new Line(slope, meanY - slope * meanX);
    }

    static void checkShape(List<float[]> weights, List<float[]> biases) {
        if (weights.size() != biases.size() || weights.isEmpty()) {
            throw new IllegalArgumentException("need one weight matrix and one bias vector per layer");
        }
        int inputs = 1;
        for (int l = 0; l < weights.size(); l++) {
            int units = biases.get(l).length;
            if (weights.get(l).length != inputs * units) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has " + weights.get(l).length
                        + " weights, expected " + inputs + " × " + units);
            }
            inputs = units;
        }
        if (inputs != 1) {
            throw new IllegalArgumentException("the last layer must have one unit, has " + inputs);
        }
    }
}
