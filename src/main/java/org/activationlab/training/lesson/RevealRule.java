package org.activationlab.training.lesson;

import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.MseFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a lesson question ({@link LessonQuestion}) is answered by the run itself: a test on the
 * models' numbers at the end of the step's run that picks the answer that came true. The same
 * rule marks the answer in the window and is checked over several seeds by the lesson tests, so
 * no answer is written down per seed.
 *
 * <table>
 *   <caption>The rules, as written in a lesson file's {@code "reveal"}</caption>
 *   <tr><th>{@code rule}</th><th>answers</th><th>the true answer</th></tr>
 *   <tr><td>{@code lowest_mse}</td><td>one per model, in the models' order; with {@code within}
 *       one more, last: "about the same"</td><td>the model with the lowest final MSE (a diverged
 *       model never); "about the same" when the highest MSE is at most {@code within} times the
 *       lowest</td></tr>
 *   <tr><td>{@code mse_below}</td><td>2: yes, no</td><td>yes when {@code model}'s final MSE is
 *       below {@code value}</td></tr>
 *   <tr><td>{@code dead_share_above}</td><td>2: yes, no</td><td>yes when {@code model}'s share of
 *       dead hidden units (mean over its hidden layers) is above {@code value}</td></tr>
 *   <tr><td>{@code saturated_share_above}</td><td>2: yes, no</td><td>yes when {@code model}'s
 *       saturated share (mean over its hidden layers) is above {@code value}</td></tr>
 *   <tr><td>{@code smaller_gradient}</td><td>2: the first hidden layer, the output layer; with
 *       {@code within} a third, "about the same"</td><td>the layer of {@code model} with the
 *       smaller gradient norm; "about the same" when the two are within a factor {@code within}
 *       </td></tr>
 * </table>
 *
 * @param kind   which test
 * @param model  the model the test looks at (index into the step's models); 0 for {@code lowest_mse}
 * @param value  the threshold of the {@code _below}/{@code _above} rules, else NaN
 * @param within the factor of "about the same", or NaN if the question has no such answer
 */
public record RevealRule(Kind kind, int model, double value, double within) {

    /** The tests, by their name in lesson files. */
    public enum Kind {
        LOWEST_MSE("lowest_mse"),
        MSE_BELOW("mse_below"),
        DEAD_SHARE_ABOVE("dead_share_above"),
        SATURATED_SHARE_ABOVE("saturated_share_above"),
        SMALLER_GRADIENT("smaller_gradient");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** The kind called {@code name} in lesson files, or null. */
        public static Kind named(String name) {
            for (Kind k : values()) {
                if (k.fileName.equals(name)) {
                    return k;
                }
            }
            return null;
        }

        /** Every file name, for messages. */
        public static String choices() {
            List<String> names = new ArrayList<>();
            for (Kind k : values()) {
                names.add(k.fileName);
            }
            return String.join(", ", names);
        }

        /** Whether the rule compares against {@code value}. */
        public boolean hasThreshold() {
            return this == MSE_BELOW || this == DEAD_SHARE_ABOVE || this == SATURATED_SHARE_ABOVE;
        }

        /** Whether the rule may have an "about the same" answer. */
        public boolean allowsWithin() {
            return this == LOWEST_MSE || this == SMALLER_GRADIENT;
        }
    }

    public RevealRule {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (kind.hasThreshold() != Double.isFinite(value)) {
            throw new IllegalArgumentException(kind.fileName + (kind.hasThreshold() ? " needs" : " has no") + " value");
        }
        if (!Double.isNaN(within) && !(kind.allowsWithin() && within >= 1)) {
            throw new IllegalArgumentException(kind.fileName + ": within must be ≥ 1 and only for "
                    + Kind.LOWEST_MSE.fileName + " and " + Kind.SMALLER_GRADIENT.fileName);
        }
        if (model < 0) {
            throw new IllegalArgumentException("model " + model);
        }
    }

    /** True if the question has an "about the same" answer (the last). */
    public boolean hasAboutTheSame() {
        return !Double.isNaN(within);
    }

    /** How many answers a question with this rule has, in an experiment of {@code models} models. */
    public int answerCount(int models) {
        int base = kind == Kind.LOWEST_MSE ? models : 2;
        return base + (hasAboutTheSame() ? 1 : 0);
    }

    /**
     * The index of the answer that came true, given each model's numbers at the end of the run
     * (in the order of the experiment's models).
     */
    public int answer(List<ModelStats> finals) {
        switch (kind) {
            case LOWEST_MSE -> {
                int best = 0;
                double lowest = Double.POSITIVE_INFINITY;
                double highest = 0;
                for (int i = 0; i < finals.size(); i++) {
                    double mse = mse(finals.get(i));
                    if (mse < lowest) {
                        lowest = mse;
                        best = i;
                    }
                    highest = Math.max(highest, mse);
                }
                if (hasAboutTheSame() && highest <= within * lowest) {
                    return finals.size();
                }
                return best;
            }
            case SMALLER_GRADIENT -> {
                double[] g = firstAndOutputGradient(finals.get(model));
                double small = Math.min(g[0], g[1]);
                double large = Math.max(g[0], g[1]);
                if (hasAboutTheSame() && large <= within * small) {
                    return 2;
                }
                return g[0] < g[1] ? 0 : 1;
            }
            default -> {
                double v = measure(finals.get(model));
                boolean yes = kind == Kind.MSE_BELOW ? v < value : v > value;
                return yes ? 0 : 1;
            }
        }
    }

    /**
     * The numbers the answer was decided by, for the class, e.g. "final MSE: ReLU 0.00213,
     * Linear 0.431".
     *
     * @param names the models' display names, in order
     */
    public String evidence(List<ModelStats> finals, List<String> names) {
        List<String> parts = new ArrayList<>();
        switch (kind) {
            case LOWEST_MSE -> {
                for (int i = 0; i < finals.size(); i++) {
                    parts.add(names.get(i) + " " + MseFormat.format(finals.get(i).mse()));
                }
                return "final MSE: " + String.join(", ", parts);
            }
            case SMALLER_GRADIENT -> {
                double[] g = firstAndOutputGradient(finals.get(model));
                return names.get(model) + "'s gradient: first layer " + number(g[0]) + ", output layer "
                        + number(g[1]);
            }
            case MSE_BELOW -> {
                return names.get(model) + "'s final MSE: " + MseFormat.format(finals.get(model).mse());
            }
            case DEAD_SHARE_ABOVE -> {
                return names.get(model) + ": " + percent(measure(finals.get(model))) + " of hidden units dead";
            }
            default -> {
                return names.get(model) + ": " + percent(measure(finals.get(model))) + " of pre-activations saturated";
            }
        }
    }

    /** The number a threshold rule compares. */
    private double measure(ModelStats m) {
        return switch (kind) {
            case MSE_BELOW -> mse(m);
            case DEAD_SHARE_ABOVE -> m.deadFraction();
            case SATURATED_SHARE_ABOVE -> saturatedShare(m);
            default -> throw new IllegalStateException(kind.fileName);
        };
    }

    /** A diverged model's error is worse than any number. */
    private static double mse(ModelStats m) {
        return m.diverged() || MseFormat.diverged(m.mse()) ? Double.POSITIVE_INFINITY : m.mse();
    }

    /** Mean saturated share over the hidden layers. */
    static double saturatedShare(ModelStats m) {
        double sum = 0;
        int n = 0;
        for (LayerStats l : m.layers()) {
            if (l.hidden()) {
                sum += l.saturatedShare();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double[] firstAndOutputGradient(ModelStats m) {
        List<LayerStats> layers = m.layers();
        return new double[]{layers.get(0).gradientNorm(), layers.get(layers.size() - 1).gradientNorm()};
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 || v == 0 ? "%.3g" : "%.2e", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
