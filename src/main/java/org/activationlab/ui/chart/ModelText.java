package org.activationlab.ui.chart;

import org.activationlab.engine.ModelStats;

import java.util.Locale;

/** How every view names a model and writes its loss, so the legend, race and instruments agree. */
public final class ModelText {

    private ModelText() {
    }

    /** "ReLU network", or "Linear (no activation)" for the model without activation. */
    public static String label(ModelStats m) {
        return m.activation().id().equals("linear") ? "Linear (no activation)"
                : m.activation().displayName() + " network";
    }

    /** An MSE with four decimals, or in scientific notation when it is tiny; "—" if not finite. */
    public static String mse(double mse) {
        if (!Double.isFinite(mse)) {
            return "—";
        }
        return mse >= 0.001 ? String.format(Locale.ROOT, "%.4f", mse)
                : String.format(Locale.ROOT, "%.2e", mse);
    }
}
