package org.activationlab.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Where a piecewise-linear network ({@link Activation#isPiecewiseLinear()}: ReLU, Leaky ReLU,
 * PReLU) bends: the inputs x at which the slope of the network's <em>output</em> changes. Between
 * two kinks the network is one straight piece, and the kinks show how many pieces the function
 * drawn on the fit chart really has.
 *
 * <p>Exact, not sampled: the walk goes from left to right through the regions in which every
 * hidden unit stays on one side of 0. Inside a region each pre-activation is an affine function
 * a·x + c of the input (carried through the layers with each unit's current slope: 1 if on, the
 * negative slope if off), so the next region starts at the nearest root −c/a ahead among the
 * units heading for 0, and the output's slope there is a sum over the last hidden layer. A unit
 * switching is a kink only if the output's slope changes with it by more than a rounding-sized
 * tolerance: a unit whose path to the output is blocked (every unit after it off, as in a
 * network whose second layer is dead) switches without bending anything.
 */
public final class Kinks {

    /** The walk stops after this many kinks (so a huge network cannot stall the trainer). */
    public static final int MAX_KINKS = 10_000;
    /** Relative size below which a pre-activation counts as exactly 0 at a kink. */
    private static final double TOLERANCE = 1e-12;
    /**
     * A change of the output's slope smaller than this times the largest slope the output has
     * in the range is rounding (or far too small to see), not a bend.
     */
    static final double SLOPE_TOLERANCE = 1e-9;

    private Kinks() {
    }

    /**
     * The kinks strictly inside (minX, maxX), in increasing order.
     *
     * @param weights        per dense layer, inputs × units, row-major (the last layer has one unit)
     * @param biases         per dense layer
     * @param negativeSlopes per hidden layer, the activation's slope for x < 0 (its slope for
     *                       x > 0 being 1): 0 for ReLU, the slope for Leaky ReLU and PReLU; a
     *                       layer with slope 1 is linear and has no kinks
     * @return the kinks (at most {@link #MAX_KINKS}); none if a weight is not finite
     */
    public static double[] of(List<float[]> weights, List<float[]> biases, double[] negativeSlopes,
                              double minX, double maxX) {
        LinearCollapse.checkShape(weights, biases);
        int hidden = weights.size() - 1;
        if (negativeSlopes.length != hidden) {
            throw new IllegalArgumentException("need " + hidden + " negative slopes, got " + negativeSlopes.length);
        }
        if (!(maxX > minX) || !Double.isFinite(minX) || !Double.isFinite(maxX)) {
            throw new IllegalArgumentException("need a finite range with minX < maxX");
        }
        if (!allFinite(weights, biases, negativeSlopes)) {
            return new double[0];
        }
        Walk walk = new Walk(weights, biases, negativeSlopes);
        // First every region's start and the output's slope in it, then the starts where the
        // slope changes.
        double[] starts = new double[16];
        double[] slopes = new double[16];
        int regions = 0;
        double steepest = 0;
        double x = minX;
        while (regions <= MAX_KINKS) {
            double next = walk.nextKink(x);
            if (regions == starts.length) {
                starts = Arrays.copyOf(starts, regions * 2);
                slopes = Arrays.copyOf(slopes, regions * 2);
            }
            starts[regions] = x;
            slopes[regions] = walk.outputSlope;
            steepest = Math.max(steepest, Math.abs(walk.outputSlope));
            regions++;
            if (!(next < maxX)) {
                break;
            }
            x = next;
        }
        double tolerance = SLOPE_TOLERANCE * steepest;
        double[] kinks = new double[Math.max(0, regions - 1)];
        int count = 0;
        for (int r = 1; r < regions; r++) {
            if (Math.abs(slopes[r] - slopes[r - 1]) > tolerance) {
                kinks[count++] = starts[r];
            }
        }
        return Arrays.copyOf(kinks, Math.min(count, MAX_KINKS));
    }

    /** The slopes for x < 0 of each hidden layer of a model, read from its statistics. */
    public static double[] negativeSlopes(Activation activation, List<LayerStats> layers) {
        double[] slopes = new double[layers.size() - 1];
        for (int l = 0; l < slopes.length; l++) {
            slopes[l] = activation.learnsParameter() ? layers.get(l).learnedSlope() : activation.derivative(-1);
        }
        return slopes;
    }

    private static boolean allFinite(List<float[]> weights, List<float[]> biases, double[] slopes) {
        for (double s : slopes) {
            if (!Double.isFinite(s)) {
                return false;
            }
        }
        for (int l = 0; l < weights.size(); l++) {
            for (float v : weights.get(l)) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
            for (float v : biases.get(l)) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The affine pieces of the hidden units, recomputed for the region right of a point. */
    private static final class Walk {
        private final List<float[]> weights;
        private final List<float[]> biases;
        private final double[] negativeSlopes;
        private double[] inSlope;
        private double[] inOffset;
        private double[] outSlope;
        private double[] outOffset;
        /** The output's slope dy/dx just right of the point of the last {@link #nextKink} call. */
        double outputSlope;

        Walk(List<float[]> weights, List<float[]> biases, double[] negativeSlopes) {
            this.weights = weights;
            this.biases = biases;
            this.negativeSlopes = negativeSlopes;
            int widest = 1;
            for (float[] b : biases) {
                widest = Math.max(widest, b.length);
            }
            inSlope = new double[widest];
            inOffset = new double[widest];
            outSlope = new double[widest];
            outOffset = new double[widest];
        }

        /**
         * Works out which units are on just right of {@code x}, and so the output's slope there,
         * and returns the nearest x beyond it where one of them crosses 0 (infinity if none does).
         */
        double nextKink(double x) {
            inSlope[0] = 1;
            inOffset[0] = 0;
            int inputs = 1;
            double next = Double.POSITIVE_INFINITY;
            for (int l = 0; l < negativeSlopes.length; l++) {
                float[] w = weights.get(l);
                float[] b = biases.get(l);
                int units = b.length;
                double s = negativeSlopes[l];
                // Row by row through W (inputs × units, row-major), the order it lies in memory.
                for (int j = 0; j < units; j++) {
                    outSlope[j] = 0;
                    outOffset[j] = b[j];
                }
                for (int i = 0; i < inputs; i++) {
                    double si = inSlope[i];
                    double ci = inOffset[i];
                    int row = i * units;
                    for (int j = 0; j < units; j++) {
                        outSlope[j] += si * w[row + j];
                        outOffset[j] += ci * w[row + j];
                    }
                }
                for (int j = 0; j < units; j++) {
                    double a = outSlope[j];
                    double c = outOffset[j];
                    double z = a * x + c;
                    double tolerance = TOLERANCE * (Math.abs(a * x) + Math.abs(c));
                    // At a kink z is 0 up to rounding: the unit is on to the right if it rises.
                    boolean on = z > tolerance || (z >= -tolerance && a > 0);
                    if (s != 1 && (on ? a < 0 : a > 0)) {
                        double root = -c / a;
                        if (root > x && root < next) {
                            next = root;
                        }
                    }
                    outSlope[j] = on ? a : s * a;
                    outOffset[j] = on ? c : s * c;
                }
                double[] t = inSlope;
                inSlope = outSlope;
                outSlope = t;
                t = inOffset;
                inOffset = outOffset;
                outOffset = t;
                inputs = units;
            }
            float[] last = weights.get(negativeSlopes.length);
            double slope = 0;
            for (int i = 0; i < inputs; i++) {
                slope += inSlope[i] * last[i];
            }
            outputSlope = slope;
            return next;
        }
    }
}
