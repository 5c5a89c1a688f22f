package org.activationlab.training;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way an MSE is written for people: the fit chart's legend, the status line, the race,
 * exports' labels and the command line's progress lines. Machine-read output (such as
 * {@code train}'s {@code final <model> mse=...} line) keeps its own fixed format.
 *
 * <p>Rule: three significant digits ({@code 0.0123}, {@code 0.500}, {@code 12.3}); scientific
 * notation below 1e-3 ({@code 4.56e-4}); a value that is not finite or above {@value #DIVERGED_ABOVE}
 * is {@value #DIVERGED}.
 */
public final class MseFormat {

    /** What a diverged (non-finite or huge) MSE shows as. */
    public static final String DIVERGED = "diverged";

    /** Above this an MSE counts as diverged for display. */
    public static final double DIVERGED_ABOVE = 1e6;

    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);

    private MseFormat() {
    }

    /** True if {@code mse} is shown as {@value #DIVERGED}. */
    public static boolean diverged(double mse) {
        return !Double.isFinite(mse) || Math.abs(mse) > DIVERGED_ABOVE;
    }

    /** {@code mse} by the rule above. */
    public static String format(double mse) {
        if (diverged(mse)) {
            return DIVERGED;
        }
        if (mse == 0) {
            return "0";
        }
        if (Math.abs(mse) < 1e-3) {
            String s = String.format(Locale.ROOT, "%.2e", mse); // 4.56e-04
            int e = s.indexOf('e');
            return s.substring(0, e + 1) + Integer.parseInt(s.substring(e + 1));
        }
        BigDecimal r = BigDecimal.valueOf(mse).round(THREE);
        int integerDigits = r.precision() - r.scale(); // 0.001 → -2, 12.3 → 2
        return r.setScale(Math.max(0, 3 - integerDigits)).toPlainString(); // keep trailing zeros: 0.00100

    }
}
