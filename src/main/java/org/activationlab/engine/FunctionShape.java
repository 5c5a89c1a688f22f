package org.activationlab.engine;

import java.util.List;

/**
 * What a model's function y(x) is made of, worked out on the trainer thread for the fit chart:
 * for a piecewise-linear network its kinks (see {@link Kinks}), for a network without
 * activation the one line it collapses to (see {@link LinearCollapse}), and the data's
 * least-squares line to hold against it. The kinks array is owned by this record and must not be
 * modified.
 *
 * @param piecewiseLinear whether the activation is piecewise linear (the identity included)
 * @param kinks           x of the kinks inside the data's range, increasing; empty otherwise
 * @param line            the line the network computes if its activation is the identity, else null
 * @param bestLine        the least-squares line through the training data
 */
public record FunctionShape(boolean piecewiseLinear, double[] kinks, LinearCollapse.Line line,
                            LinearCollapse.Line bestLine) {

    /**
     * The shape of a network with these weights.
     *
     * @param layers the model's layer statistics (for PReLU's learned slopes)
     */
    public static FunctionShape of(Activation activation, List<float[]> weights, List<float[]> biases,
                                   List<LayerStats> layers, Dataset data, LinearCollapse.Line bestLine) {
        if (!activation.isPiecewiseLinear()) {
            return new FunctionShape(false, new double[0], null, bestLine);
        }
        double[] slopes = Kinks.negativeSlopes(activation, layers);
        boolean linear = true;
        for (double s : slopes) {
            linear &= s == 1;
        }
        if (linear) {
            return new FunctionShape(true, new double[0], LinearCollapse.of(weights, biases), bestLine);
        }
        return new FunctionShape(true, Kinks.of(weights, biases, slopes, data.minX(), data.maxX()),
                null, bestLine);
    }

    /**
     * Straight pieces within the data's range (kinks + 1), or 0 if the network is not piecewise
     * linear. At {@link Kinks#MAX_KINKS} the count is a lower bound.
     */
    public int pieces() {
        return piecewiseLinear ? kinks.length + 1 : 0;
    }
}
