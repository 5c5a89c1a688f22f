package org.activationlab.engine;

/** Numerically stable scalar functions that {@link java.lang.Math} lacks. */
public final class MathFunctions {

    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private MathFunctions() {
    }

    /** Logistic sigmoid without overflow: exp is only taken of a non-positive number. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * tanh from one {@link Math#exp} (a JIT intrinsic; {@link Math#tanh} is not, and costs ~10×
     * more). Accurate to well within float precision, which is all the training loops need.
     */
    public static double fastTanh(double x) {
        if (x > 20) {
            return 1;
        }
        if (x < -20) {
            return -1;
        }
        double e = Math.exp(2 * x);
        return (e - 1) / (e + 1);
    }

    /** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * Complementary error function, fractional error below 1.2e-7 everywhere (the Chebyshev
     * fit of Numerical Recipes, 2nd ed., §6.2), which is well inside float precision.
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
                + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
                + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    public static double erf(double x) {
        return 1.0 - erfc(x);
    }

    /** Standard normal cumulative distribution Φ(x), accurate in both tails. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / SQRT_2);
    }

    /** Standard normal density φ(x). */
    public static double normalPdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
}
