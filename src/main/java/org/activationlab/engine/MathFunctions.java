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
     * more), without a branch: beyond ±20 tanh is ±1 to double precision, and the clamp keeps
     * e²ˣ finite. Accurate to a few units of 1e-16 absolute, within float precision for
     * |x| ≥ 1e-8, which is all the training loops need.
     */
    public static double fastTanh(double x) {
        double e = Math.exp(2 * Math.max(-20, Math.min(20, x)));
        return 1 - 2 / (e + 1);
    }

    /**
     * ln(1 + u) for 0 ≤ u ≤ 1, to about 1e-11 relative: 2·atanh(s) with s = u/(2 + u) ≤ 1/3, ten
     * terms of its odd series. For Softplus's training loop, where {@link Math#log} was its
     * largest cost.
     */
    public static double log1pUnit(double u) {
        double s = u / (2 + u);
        double s2 = s * s;
        return 2 * s * (1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11
                + s2 * (1.0 / 13 + s2 * (1.0 / 15 + s2 * (1.0 / 17 + s2 * (1.0 / 19))))))))));
    }

    /** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Φ(x) for x ≤ −this comes from the continued fraction; above it from the table. */
    private static final double TABLE_END = 8.5;
    /** The table holds Φ and φ at a = −k/16, k = 0 … 136. */
    private static final int STEPS_PER_UNIT = 16;
    private static final int TAYLOR_TERMS = 13;
    private static final double[] TABLE_CDF = new double[(int) (TABLE_END * STEPS_PER_UNIT) + 1];
    private static final double[] TABLE_PDF = new double[TABLE_CDF.length];
    /** 1/(n + 1)! for the Taylor terms. */
    private static final double[] INVERSE_FACTORIAL = new double[TAYLOR_TERMS + 1];

    static {
        double f = 1;
        for (int n = 0; n <= TAYLOR_TERMS; n++) {
            f *= n + 1;
            INVERSE_FACTORIAL[n] = 1 / f;
        }
        for (int k = 0; k < TABLE_CDF.length; k++) {
            double z = k / (double) STEPS_PER_UNIT;
            TABLE_PDF[k] = INV_SQRT_2PI * Math.exp(-0.5 * z * z); // z² is exact on this grid
            TABLE_CDF[k] = k == 0 ? 0.5 : z < 1 ? 0.5 - TABLE_PDF[k] * marsagliaSum(z) : TABLE_PDF[k] * millsRatio(z);
        }
    }

    /**
     * Σ z²ⁿ⁺¹/(2n + 1)!!, so that Φ(z) = ½ + φ(z)·sum (Marsaglia 2004); all terms positive, so
     * for 0 ≤ z < 1 the sum is exact to rounding and ½ − φ·sum loses under one digit.
     */
    private static double marsagliaSum(double z) {
        double term = z;
        double sum = z;
        double z2 = z * z;
        for (int n = 1; term > 1e-18 * sum; n++) {
            term *= z2 / (2 * n + 1);
            sum += term;
        }
        return sum;
    }

    /**
     * The Mills ratio Φ(−z)/φ(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))) for z ≥ 1, evaluated from the
     * tail backwards (stable, a couple of ulps): 100 terms are plenty beyond the table (z ≥ 8.5),
     * near z = 1 it takes thousands, which only the table's construction pays.
     */
    private static double millsRatio(double z) {
        int terms = z >= TABLE_END ? 100 : (int) (20_000 / (z * z)) + 100;
        double t = z;
        for (int n = terms; n >= 1; n--) {
            t = z + n / t;
        }
        return 1 / t;
    }

    /**
     * Standard normal cumulative distribution Φ(x), to a few units in the last place of a double
     * everywhere, both tails included (Φ(0) = ½ exactly).
     *
     * <p>Fast enough for the training loops, without an exp: for |x| ≤ 8.5 it is a Taylor step
     * of at most 1/32 from the nearest point of a 1/16 grid whose Φ and φ are worked out once,
     * with Φ⁽ⁿ⁺¹⁾(a) = (−1)ⁿ Heₙ(a) φ(a) from the Hermite recurrence. Beyond, the Mills ratio.
     */
    public static double normalCdf(double x) {
        if (x > 0) {
            return 1.0 - lowerTail(-x);
        }
        return lowerTail(x);
    }

    /** Φ(x) for x ≤ 0 (NaN passes through). */
    private static double lowerTail(double x) {
        if (!(x > -TABLE_END)) {
            if (x != x) {
                return x;
            }
            return x < -40 ? 0 : normalPdf(x) * millsRatio(-x);
        }
        int k = (int) (0.5 - x * STEPS_PER_UNIT);
        double z = k / (double) STEPS_PER_UNIT; // the grid point is a = −z
        double h = x + z; // exact: x and −z are within a factor of 2, or z = 0
        // Σ (−1)ⁿ Heₙ(a) hⁿ⁺¹/(n + 1)! with (−1)ⁿ Heₙ(a) = Heₙ(z): He₀ = 1, He₁ = z,
        // Heₙ₊₁ = z·Heₙ − n·Heₙ₋₁.
        double hePrevious = 1;
        double he = z;
        double power = h;
        double sum = h;
        for (int n = 1; n < TAYLOR_TERMS; n++) {
            power *= h;
            sum += he * power * INVERSE_FACTORIAL[n];
            double next = z * he - n * hePrevious;
            hePrevious = he;
            he = next;
        }
        return TABLE_CDF[k] + TABLE_PDF[k] * sum;
    }

    /** Taylor terms of {@link #normalCdfTraining}: the last one is below 1e-14 everywhere. */
    private static final int TRAINING_TERMS = 8;
    /** 1/n! for the density's Taylor terms. */
    private static final double[] INVERSE_FACTORIAL_0 = new double[TRAINING_TERMS + 1];

    static {
        double f = 1;
        for (int n = 0; n <= TRAINING_TERMS; n++) {
            f *= Math.max(1, n);
            INVERSE_FACTORIAL_0[n] = 1 / f;
        }
    }

    /**
     * Φ(x) for the training loops, to about 1e-14 absolute and 1e-9 relative (far beyond float
     * precision) at a third of {@link #normalCdf}'s cost: the same Taylor step from the table,
     * with {@value #TRAINING_TERMS} terms, and 1 above 8.5, which is Φ rounded to a double. Also
     * stores φ(x) into {@code density[0]}, within the table from the same Hermite terms,
     * Φ⁽ⁿ⁺¹⁾ = φ⁽ⁿ⁾ (no exp).
     */
    public static double normalCdfTraining(double x, double[] density) {
        double a = -Math.abs(x);
        double lower;
        double pdf;
        if (!(a > -TABLE_END)) {
            if (x != x) {
                density[0] = x;
                return x;
            }
            // Beyond the table: Φ(x) rounds to 1 for x > 8.5 (1 − Φ(−x) < 1e-17), and the rare
            // lower tail keeps normalCdf's continued fraction, so tiny values stay accurate floats.
            pdf = normalPdf(a);
            lower = x > 0 || a < -40 ? 0 : pdf * millsRatio(-a);
        } else {
            int k = (int) (0.5 - a * STEPS_PER_UNIT);
            double z = k / (double) STEPS_PER_UNIT;
            double h = a + z;
            double hePrevious = 1;
            double he = z;
            double power = h; // hⁿ⁺¹
            double sum = h; // Σ Heₙ hⁿ⁺¹/(n + 1)!
            double densitySum = 1; // Σ Heₙ hⁿ/n!
            for (int n = 1; n < TRAINING_TERMS; n++) {
                densitySum += he * power * INVERSE_FACTORIAL_0[n];
                power *= h;
                sum += he * power * INVERSE_FACTORIAL[n];
                double next = z * he - n * hePrevious;
                hePrevious = he;
                he = next;
            }
            lower = TABLE_CDF[k] + TABLE_PDF[k] * sum;
            pdf = TABLE_PDF[k] * densitySum;
        }
        density[0] = pdf;
        return x > 0 ? 1.0 - lower : lower;
    }

    /**
     * Standard normal density φ(x), to a few units in the last place: x² is split into its
     * rounded value and the rounding error (an exact FMA), whose effect e^(−err/2) ≈ 1 − err/2
     * would otherwise cost up to x²/2 ulps in the far tails.
     */
    public static double normalPdf(double x) {
        double square = x * x;
        double error = Math.fma(x, x, -square);
        return INV_SQRT_2PI * Math.exp(-0.5 * square) * (1 - 0.5 * error);
    }
}
