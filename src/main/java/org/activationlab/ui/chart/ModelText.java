package org.activationlab.ui.chart;

import org.activationlab.engine.ModelStats;
import org.activationlab.training.MseFormat;

import java.util.List;


/** How every view names a model and writes its loss, so the legend, race and instruments agree. */
public final class ModelText {

    /** A Linear activation network beside the Linear baseline (see {@link #label(ModelStats, List)}). */
    public static final String SWITCHED_LINEAR = "Linear network (switched)";

    private ModelText() {
    }

    /** "ReLU network", or "Linear (no activation)" for the model without activation. */
    public static String label(ModelStats m) {
        return m.activation().id().equals("linear") ? "Linear (no activation)"
                : m.activation().displayName() + " network";
    }

    /**
     * The label of {@code m} among {@code models}: as {@link #label(ModelStats)}, except that when
     * more than one network is Linear (the activation network switched to Linear), the last one is
     * the baseline "Linear (no activation)" and the others "Linear network (switched)".
     */
    public static String label(ModelStats m, List<ModelStats> models) {
        if (!isLinear(m)) {
            return label(m);
        }
        int linear = 0;
        int last = -1;
        int self = -1;
        for (int i = 0; i < models.size(); i++) {
            if (isLinear(models.get(i))) {
                linear++;
                last = i;
            }
            if (models.get(i) == m) {
                self = i;
            }
        }
        return linear > 1 && self >= 0 && self != last ? SWITCHED_LINEAR : label(m);
    }

    /** "MSE 0.0123", or "diverged" when the model diverged or its MSE shows as diverged. */
    public static String loss(ModelStats m) {
        return m.diverged() || MseFormat.diverged(m.mse()) ? MseFormat.DIVERGED : "MSE " + mse(m.mse());
    }

    private static boolean isLinear(ModelStats m) {
        return m.activation().id().equals("linear");
    }

    /** An MSE by the one rule of {@link MseFormat}: 3 significant digits, "4.56e-4", "diverged". */
    public static String mse(double mse) {
        return MseFormat.format(mse);
    }
}
