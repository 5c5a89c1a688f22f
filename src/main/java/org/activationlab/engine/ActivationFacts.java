package org.activationlab.engine;

import java.util.List;
import java.util.Locale;

/**
 * What a teacher shows about an activation beside its plot — the facts of the classic comparison
 * tables — in one place: the info cards list {@link #values()} under {@link #NAMES}, the
 * Saturation instrument shades {@link #saturation()}'s tails and the trainer counts
 * pre-activations in them, and lesson texts are checked against these facts. The measurable ones
 * (mean output, saturation) are worked out from the function itself; the rest is text.
 *
 * @param outputRange e.g. "[0, ∞)"
 * @param meanOutput  E[f(x)] for x ~ N(0, 1): how far from zero-centred the outputs are
 * @param saturation  which sides saturate (f′ → 0), which are inactive (f′ = 0), and the tails
 * @param saturates   the saturation fact as display text, e.g. "yes, both ends: f′ < 0.05 for |x| > 2.9"
 * @param vanishing   how prone to vanishing gradients, in a few words
 * @param exploding   how prone to exploding gradients, in a few words
 * @param cost        relative cost to compute ("cheap", "moderate", "expensive")
 * @param typicalUse  where it is typically used
 */
public record ActivationFacts(String outputRange, double meanOutput, Saturation.Tails saturation,
                              String saturates, String vanishing, String exploding, String cost,
                              String typicalUse) {

    /** The names of the facts, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("Output range", "Mean output, x ~ N(0, 1)", "Saturates",
            "Vanishing grad.", "Exploding grad.", "Cost", "Typical use");

    /** ReLU's mean output for x ~ N(0, 1), 1/√(2π): the yardstick of "closer to zero mean". */
    public static final double RELU_MEAN = 1 / Math.sqrt(2 * Math.PI);
    /** |mean| below this counts as zero-centred. */
    public static final double ZERO_CENTRED = 0.05;
    /** |mean| at most this share of ReLU's counts as "closer to zero mean" than ReLU. */
    public static final double CLOSER_SHARE = 0.8;

    /** How far the outputs are from zero mean, by the rule of {@link #meanText()}. */
    public enum Centring { ZERO_CENTRED, CLOSER_TO_ZERO, NOT_ZERO_CENTRED }

    /** The facts an activation states in words; the rest is measured by {@link #of}. */
    public record Described(String outputRange, String vanishing, String exploding, String cost,
                            String typicalUse) {
    }

    /** The facts of {@code activation}: {@code described} plus what is measured from f and f′. */
    static ActivationFacts of(Activation activation, Described described) {
        Saturation.Tails tails = activation.isVectorFunction()
                ? new Saturation.Tails(Saturation.Side.NONE, Saturation.Side.NONE,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                : Saturation.of(activation);
        return new ActivationFacts(described.outputRange(), meanOutput(activation), tails,
                saturatesText(activation, tails), described.vanishing(), described.exploding(),
                described.cost(), described.typicalUse());
    }

    /** The facts as display text, in the order of {@link #NAMES}. */
    public List<String> values() {
        return List.of(outputRange, meanText(), saturates, vanishing, exploding, cost, typicalUse);
    }

    /** Zero-centred, closer to zero mean than ReLU, or neither: one rule for every activation. */
    public Centring centring() {
        double m = Math.abs(meanOutput);
        if (m < ZERO_CENTRED) {
            return Centring.ZERO_CENTRED;
        }
        return m <= CLOSER_SHARE * RELU_MEAN ? Centring.CLOSER_TO_ZERO : Centring.NOT_ZERO_CENTRED;
    }

    /** E.g. "0.16: closer to zero mean than ReLU's 0.40". */
    public String meanText() {
        String mean = String.format(Locale.ROOT, "%.2f", meanOutput).replace('-', '−');
        if (mean.equals("−0.00")) {
            mean = "0.00";
        }
        return switch (centring()) {
            case ZERO_CENTRED -> mean + ": zero-centred";
            case CLOSER_TO_ZERO -> mean + String.format(Locale.ROOT, ": closer to zero mean than ReLU's %.2f",
                    RELU_MEAN);
            case NOT_ZERO_CENTRED -> mean + ": not zero-centred";
        };
    }

    /**
     * E[f(x)] for x ~ N(0, 1) by the trapezoid rule on [−12, 12] with a node at 0 (where the
     * piecewise-linear functions bend); the normal density beyond ±12 is below 1e-31.
     */
    static double meanOutput(Activation a) {
        int n = 24_000;
        double h = 24.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = -12 + i * h;
            double w = i == 0 || i == n ? 0.5 : 1;
            sum += w * a.value(x) * MathFunctions.normalPdf(x);
        }
        return sum * h;
    }

    private static String saturatesText(Activation a, Saturation.Tails t) {
        if (a.isVectorFunction()) {
            return "yes, when one unit dominates";
        }
        Saturation.Side neg = t.negative();
        Saturation.Side pos = t.positive();
        if (neg == Saturation.Side.SATURATES && pos == Saturation.Side.SATURATES && Math.abs(t.below() + t.above()) < 1e-9) {
            return "yes, both ends: f′ < " + Saturation.THRESHOLD + " for |x| > " + round(t.above());
        }
        if (neg == Saturation.Side.SATURATES && pos != Saturation.Side.SATURATES) {
            return "yes, for x → −∞: f′ < " + Saturation.THRESHOLD + " for x < " + round(t.below());
        }
        if (pos == Saturation.Side.SATURATES && neg != Saturation.Side.SATURATES) {
            return "yes, for x → +∞: f′ < " + Saturation.THRESHOLD + " for x > " + round(t.above());
        }
        if (neg == Saturation.Side.SATURATES) {
            return "yes, both ends: f′ < " + Saturation.THRESHOLD + " for x < " + round(t.below())
                    + " and x > " + round(t.above());
        }
        if (neg == Saturation.Side.INACTIVE) {
            return "no; inactive for x < 0 (f′ = 0: no gradient at all)";
        }
        if (a.learnsParameter()) {
            return "no: f′ = a (learned) for x < 0, constant";
        }
        double left = a.derivative(-Saturation.FAR);
        if (left == 1 && a.derivative(Saturation.FAR) == 1) {
            return "no: f′ = 1 everywhere";
        }
        if (left == a.derivative(-1) && left != a.derivative(1)) {
            return "no: f′ = " + trim(left) + " for x < 0, small but constant";
        }
        return "no: f′ does not tend to 0";
    }

    private static String round(double x) {
        return String.format(Locale.ROOT, "%.1f", x).replace('-', '−');
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
