package org.activationlab.engine;

/**
 * Softmax across a layer's units: a vector function, so the backward pass is a Jacobian-vector
 * product, {@code g_pre = s ⊙ (g_out − ⟨s, g_out⟩)}, row by row.
 *
 * <p>For the side panel, {@link #value} plots one unit's output against a single competitor
 * whose logit is 0 — {@code eˣ / (eˣ + 1)} — and {@link #derivative} the Jacobian's diagonal.
 */
final class Softmax extends Activation {

    Softmax() {
        super("softmax", "Softmax", "eˣⁱ / Σⱼ eˣʲ",
                new ActivationFacts.Described("(0, 1), rows sum to 1",
                        "yes, when one unit dominates", "rare, but possible with large weights",
                        "moderate (exp, across units)",
                        "classification output layer, attention weights"));
    }

    @Override
    public boolean isVectorFunction() {
        return true;
    }

    @Override
    public double value(double x) {
        return MathFunctions.sigmoid(x);
    }

    /** The curve drawn for Softmax: its first output with the other logit held at 0. */
    @Override
    public String plotNote() {
        return "plotted: softmax([x, 0])₁ = σ(x)";
    }

    @Override
    public double derivative(double x) {
        double s = MathFunctions.sigmoid(x);
        return s * (1 - s);
    }

    @Override
    public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, pre[o + j]);
            }
            // Subtracting the row maximum keeps every exponent ≤ 0: no overflow.
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(pre[o + j] - max);
                out[o + j] = e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < cols; j++) {
                out[o + j] *= inv;
            }
        }
    }

    @Override
    public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                         int rows, int cols, float parameter) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += (double) out[o + j] * gradOut[o + j];
            }
            float d = (float) dot;
            for (int j = 0; j < cols; j++) {
                gradPre[o + j] = out[o + j] * (gradOut[o + j] - d);
            }
        }
    }
}
