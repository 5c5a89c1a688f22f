package org.activationlab.engine;

/**
 * Where an activation saturates, decided by the function's shape: a side saturates if f′ tends
 * to 0 as x runs out to that side (Sigmoid and Tanh at both ends, ELU, GELU, SiLU, Softplus and
 * Mish for x → −∞), and its saturated <em>tail</em> starts where |f′| has fallen below
 * {@link #THRESHOLD} for good. A side where f′ is exactly 0 (ReLU for x &lt; 0) is
 * <em>inactive</em>, not saturated; a side with a constant small slope (Leaky ReLU's 0.01) is
 * neither. The trainer counts pre-activations in the tails per layer
 * ({@link LayerStats#saturatedShare()}); the Saturation instrument shades the same tails; the info
 * cards describe them ({@link ActivationFacts}).
 */
public final class Saturation {

    /** A saturating tail starts where |f′| stays below this: a twentieth of the identity's gradient. */
    public static final double THRESHOLD = 0.05;
    /** f′ "tends to 0" on a side if it is below {@link #VANISHED} this far out (x = ±{@link #FAR}). */
    static final double FAR = 40;
    private static final double VANISHED = 1e-6;
    private static final double SCAN_STEP = 0.01;

    /** What f′ does on one side of 0. */
    public enum Side {
        /** f′ does not tend to 0 (the identity, Leaky ReLU, PReLU, the right side of ReLU). */
        NONE,
        /** f′ tends to 0 but is not 0: a saturating tail. */
        SATURATES,
        /** f′ is exactly 0 on the whole side (ReLU for x &lt; 0): inactive, no gradient at all. */
        INACTIVE
    }

    /**
     * The shape of f′ on both sides and the saturated tails x &lt; {@code below} and
     * x &gt; {@code above} (−∞ and +∞ where a side does not saturate).
     */
    public record Tails(Side negative, Side positive, double below, double above) {

        /** True if a pre-activation {@code x} lies in a saturated tail (NaN does not). */
        public boolean contains(double x) {
            return x < below || x > above;
        }

        /** True if at least one side saturates. */
        public boolean any() {
            return negative == Side.SATURATES || positive == Side.SATURATES;
        }
    }

    private Saturation() {
    }

    /**
     * Works out the tails of an element-wise activation from its derivative (for PReLU with its
     * initial slope, a constant: no tail). Costs a few thousand evaluations of f′: use
     * {@link Activation#saturation()}, which keeps the result.
     */
    static Tails of(Activation activation) {
        Side negative = side(activation, -1);
        Side positive = side(activation, 1);
        double below = negative == Side.SATURATES ? tailStart(activation, -1) : Double.NEGATIVE_INFINITY;
        double above = positive == Side.SATURATES ? tailStart(activation, 1) : Double.POSITIVE_INFINITY;
        return new Tails(negative, positive, below, above);
    }

    private static Side side(Activation a, int sign) {
        boolean zero = true;
        for (double x = 0.01; x <= FAR; x *= 1.2) {
            zero &= a.derivative(sign * x) == 0;
        }
        if (zero && a.derivative(sign * FAR) == 0) {
            return Side.INACTIVE;
        }
        return Math.abs(a.derivative(sign * FAR)) < VANISHED ? Side.SATURATES : Side.NONE;
    }

    /** Walks in from ±{@link #FAR} to where |f′| first reaches the threshold, then bisects. */
    private static double tailStart(Activation a, int sign) {
        double inside = sign * FAR;
        for (double d = FAR - SCAN_STEP; d > 0; d -= SCAN_STEP) {
            double x = sign * d;
            if (!(Math.abs(a.derivative(x)) < THRESHOLD)) {
                double outside = x;
                for (int i = 0; i < 60; i++) {
                    double mid = (inside + outside) / 2;
                    if (Math.abs(a.derivative(mid)) < THRESHOLD) {
                        inside = mid;
                    } else {
                        outside = mid;
                    }
                }
                return inside;
            }
            inside = x;
        }
        return 0; // |f′| below the threshold on the whole side
    }

    /**
     * Counts the first {@code n} pre-activations that lie in a saturated tail of the activation.
     *
     * @return the count, or −1 for a vector function (Softmax), whose f′ is a Jacobian
     */
    static int count(Activation activation, float[] pre, int n) {
        if (activation.isVectorFunction()) {
            return -1;
        }
        Tails tails = activation.saturation();
        if (!tails.any()) {
            return 0;
        }
        double below = tails.below();
        double above = tails.above();
        int saturated = 0;
        for (int i = 0; i < n; i++) {
            float z = pre[i];
            if (z < below || z > above) {
                saturated++;
            }
        }
        return saturated;
    }
}
