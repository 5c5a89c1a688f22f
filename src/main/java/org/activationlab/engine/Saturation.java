package org.activationlab.engine;

/**
 * Where an activation is saturated: |f′| below {@link #THRESHOLD}, so a unit whose
 * pre-activation lands there passes almost no gradient back. The trainer counts these
 * pre-activations per layer ({@link LayerStats#saturatedShare()}); the Saturation instrument shades
 * the same region under f and f′.
 */
public final class Saturation {

    /** |f′| below this counts as saturated: a twentieth of the identity's gradient. */
    public static final double THRESHOLD = 0.05;
    /** f′ "tends to 0" at an end if it is below this far out (x = ±{@link #FAR}). */
    private static final double VANISHED = 1e-6;
    private static final double FAR = 40;

    private Saturation() {
    }

    /** True if |f′| = |{@code derivative}| is below the threshold (NaN is not saturated). */
    public static boolean isSaturated(double derivative) {
        return Math.abs(derivative) < THRESHOLD;
    }

    /**
     * At which ends f′ tends to 0, as display text: "both ends", "for x → −∞", "for x → +∞" or
     * "no"; consistent with {@link ActivationFacts#saturates()}.
     */
    public static String ends(Activation activation) {
        boolean left = Math.abs(activation.derivative(-FAR)) < VANISHED;
        boolean right = Math.abs(activation.derivative(FAR)) < VANISHED;
        if (left && right) {
            return "both ends";
        }
        return left ? "for x → −∞" : right ? "for x → +∞" : "no";
    }

    /**
     * Counts the first {@code rows*cols} pre-activations where |f′| is below the threshold, with
     * f′ from the activation's own backward pass (f′ ⊙ 1), so the count uses the very
     * derivative that trains.
     *
     * @param ones    at least {@code rows*cols} ones (read only)
     * @param scratch at least {@code rows*cols} elements, overwritten
     * @return the count, or −1 for a vector function (Softmax), whose f′ is a Jacobian
     */
    static int count(Activation activation, float[] pre, float[] out, int rows, int cols,
                     float parameter, float[] ones, float[] scratch) {
        if (activation.isVectorFunction()) {
            return -1;
        }
        activation.backward(pre, out, ones, scratch, rows, cols, parameter);
        int n = rows * cols;
        int saturated = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(scratch[i]) < THRESHOLD) {
                saturated++;
            }
        }
        return saturated;
    }
}
