package org.activationlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Brute force for the instrument tests: a network {@code 1 → … → 1} evaluated point by point in
 * double with plain loops, independent of the engine's matrix code.
 */
final class PlainNet {

    final List<float[]> weights = new ArrayList<>();
    final List<float[]> biases = new ArrayList<>();

    /** Random weights and biases in [−scale, scale] for the given layer sizes (first and last 1). */
    static PlainNet random(long seed, double scale, int... sizes) {
        SplittableRandom random = new SplittableRandom(seed);
        PlainNet net = new PlainNet();
        for (int l = 1; l < sizes.length; l++) {
            float[] w = new float[sizes[l - 1] * sizes[l]];
            float[] b = new float[sizes[l]];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextDouble(-scale, scale);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextDouble(-scale, scale);
            }
            net.weights.add(w);
            net.biases.add(b);
        }
        return net;
    }

    /** The weights and biases of a model's statistics. */
    static PlainNet of(ModelStats stats) {
        PlainNet net = new PlainNet();
        net.weights.addAll(stats.weights());
        net.biases.addAll(stats.biases());
        return net;
    }

    int hiddenLayers() {
        return weights.size() - 1;
    }

    /**
     * Pre-activations of every hidden layer at x ({@code [layer][unit]}), and the output in the
     * last row, with activation {@code f} in hidden layer l.
     */
    double[][] evaluate(double x, java.util.function.IntFunction<java.util.function.DoubleUnaryOperator> f) {
        double[][] result = new double[weights.size()][];
        double[] in = {x};
        for (int l = 0; l < weights.size(); l++) {
            float[] w = weights.get(l);
            float[] b = biases.get(l);
            int units = b.length;
            double[] z = new double[units];
            for (int j = 0; j < units; j++) {
                double sum = b[j];
                for (int i = 0; i < in.length; i++) {
                    sum += in[i] * w[i * units + j];
                }
                z[j] = sum;
            }
            result[l] = z;
            if (l < weights.size() - 1) {
                double[] out = new double[units];
                java.util.function.DoubleUnaryOperator g = f.apply(l);
                for (int j = 0; j < units; j++) {
                    out[j] = g.applyAsDouble(z[j]);
                }
                in = out;
            }
        }
        return result;
    }

    /** Pre-activations with a leaky activation of negative slope {@code slopes[l]} in layer l. */
    double[][] evaluateLeaky(double x, double[] slopes) {
        return evaluate(x, l -> z -> z > 0 ? z : slopes[l] * z);
    }

    /** The output at x with the same activation in every hidden layer. */
    double output(double x, Activation activation) {
        double[][] r = evaluate(x, l -> activation::value);
        return r[r.length - 1][0];
    }
}
