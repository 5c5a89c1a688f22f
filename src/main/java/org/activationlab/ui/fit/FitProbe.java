package org.activationlab.ui.fit;

import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ModelText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the Point tool reads out under the cursor: the true function's value at x and each
 * network's, the networks' interpolated between the x at which the trainer evaluated them (the
 * curves drawn are straight between those x too, so the read-out matches the picture). Plain
 * functions, no JavaFX.
 */
public final class FitProbe {

    /** One curve's value at the probed x; {@code model} is −1 for the true function. */
    public record Reading(String label, double value, int model) {
    }

    private FitProbe() {
    }

    /** The true function's value (if the data has one), then every network's, at {@code x}. */
    public static List<Reading> read(Snapshot snapshot, double x) {
        Dataset data = snapshot.config().data();
        List<Reading> readings = new ArrayList<>();
        data.target().ifPresent(t -> readings.add(new Reading(t.displayName(), t.apply(x), -1)));
        List<ModelStats> models = snapshot.models();
        for (int i = 0; i < models.size(); i++) {
            ModelStats m = models.get(i);
            double value = m.diverged() ? Double.NaN : interpolate(data.gridX(), m.gridPredictions(), x);
            readings.add(new Reading(ModelText.label(m, models), value, i));
        }
        return readings;
    }

    /** The polyline through (xs[i], ys[i]) at x, clamped to its ends; xs increasing. */
    static double interpolate(float[] xs, float[] ys, double x) {
        int n = Math.min(xs.length, ys.length);
        if (n == 0) {
            return Double.NaN;
        }
        if (x <= xs[0]) {
            return ys[0];
        }
        if (x >= xs[n - 1]) {
            return ys[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + t * (ys[hi] - ys[lo]);
    }

    /** Three decimals, with a real minus sign; "—" for no value (a diverged network). */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        if (s.equals("-0.000")) {
            return "0.000";
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
