package org.activationlab.engine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of an experiment's settings: for each its name, type, range, default, where it
 * lives in an experiment file (and in a lesson's {@code config}, which uses the same vocabulary),
 * the key older lesson files used for it, its command-line option and its help text.
 *
 * <p>Everything else is built from this table: the records check their values with
 * {@link #check}, the file readers and writers use {@link #section()} and {@link #key()}, the
 * command line takes its defaults and descriptions from it, and the experiment drawer its ranges
 * and tooltips. A range or default written anywhere else is a copy that can disagree.
 */
public enum Setting {
    TARGET("target function", Type.CHOICE, 0, false, 0, false, "sin", "data", "target", null, "--target",
            "Function to learn"),
    POINTS("points", Type.INTEGER, 2, false, 100_000, false, "1000", "data", "points", null, "--points",
            "Evenly spaced training points"),
    X_MIN("x from", Type.DECIMAL, -1e6, false, 1e6, false, Double.toString(-2 * Math.PI), "data", "x_min",
            null, null, "Left end of the generated data's x range"),
    X_MAX("x to", Type.DECIMAL, -1e6, false, 1e6, false, Double.toString(2 * Math.PI), "data", "x_max",
            null, null, "Right end of the generated data's x range"),
    NOISE("noise", Type.DECIMAL, 0, false, 10, false, "0", "data", "noise", null, "--noise",
            "Standard deviation of Gaussian noise added to the target"),
    NOISE_SEED("noise seed", Type.LONG, Long.MIN_VALUE, false, Long.MAX_VALUE, false, "0", "data",
            "noise_seed", null, null, "Seeds the noise of generated data"),
    DEPTH("depth", Type.INTEGER, 1, false, 8, false, "2", "network", "depth", null, "--depth",
            "Hidden layers"),
    WIDTH("width", Type.INTEGER, 1, false, 512, false, "64", "network", "width", null, "--width",
            "Units per hidden layer"),
    INITIALIZER("initialiser", Type.CHOICE, 0, false, 0, false, "glorot", "network", "initializer", "init",
            "--init", "Weight initialiser, all uniform"),
    INIT_SCALE("init scale", Type.DECIMAL, 0, true, 100, false, "1", "network", "init_scale", "initScale",
            "--init-scale", "Factor on the initialiser's limit"),
    BIAS_INIT("bias init", Type.DECIMAL, -100, false, 100, false, "0", "network", "bias_init", "biasInit",
            "--bias-init", "Value every bias starts at"),
    LEAKY_SLOPE("Leaky ReLU slope", Type.DECIMAL, 0, false, 1, true, "0.01", "models[]", "slope", null, null,
            "Slope of a Leaky ReLU for x < 0"),
    ELU_ALPHA("ELU α", Type.DECIMAL, 0, true, 10, false, "1", "models[]", "alpha", null, null,
            "ELU's value for x → −∞ is −α"),
    OPTIMIZER("optimiser", Type.CHOICE, 0, false, 0, false, "adam", "optimizer", "kind", "optimizer",
            "--optimizer", "Optimiser"),
    LEARNING_RATE("learning rate", Type.DECIMAL, 1e-7, false, 10, false, "0.001", "optimizer",
            "learning_rate", "learningRate", "--lr",
            "Learning rate (an optimiser chosen without one gets Keras' default for it)"),
    MOMENTUM("momentum", Type.DECIMAL, 0, false, 1, true, "0.9", "optimizer", "momentum", null, null,
            "Momentum of SGD with momentum and Nesterov"),
    BETA1("β1", Type.DECIMAL, 0, false, 1, true, "0.9", "optimizer", "beta1", null, null,
            "Adam's decay of the mean gradient"),
    BETA2("β2", Type.DECIMAL, 0, false, 1, true, "0.999", "optimizer", "beta2", null, null,
            "Adam's decay of the squared gradient"),
    RHO("ρ", Type.DECIMAL, 0, false, 1, true, "0.9", "optimizer", "rho", null, null,
            "RMSprop's decay of the squared gradient"),
    EPSILON("ε", Type.DECIMAL, 0, true, 1, false, "1e-7", "optimizer", "epsilon", null, null,
            "Added to the denominators of RMSprop and Adam"),
    BATCH_SIZE("batch size", Type.INTEGER, 1, false, 1024, false, "32", "", "batch_size", "batchSize",
            "--batch", "Mini-batch size"),
    SEED("seed", Type.LONG, Long.MIN_VALUE, false, Long.MAX_VALUE, false, "42", "", "seed", null, "--seed",
            "Seeds the initial weights (the same for every model), the shuffling and the noise"),
    EPOCH_LIMIT("epoch limit", Type.INTEGER, 0, false, 1_000_000, false, "100", "", "epoch_limit", "epochs",
            null, "Training pauses at this epoch; 0: no limit"),
    EPOCHS("epochs", Type.INTEGER, 1, false, 1_000_000, false, "100", null, null, null, "--epochs",
            "Epochs to train"),
    SPEED("speed", Type.DECIMAL, 0, true, 1000, false, "20", "", "speed", null, null,
            "Epochs per second, or \"max\" for as fast as possible");

    /** What kind of value a setting holds. */
    public enum Type { INTEGER, LONG, DECIMAL, CHOICE }

    private final String label;
    private final Type type;
    private final double min;
    private final boolean minOpen;
    private final double max;
    private final boolean maxOpen;
    private final String defaultText;
    private final String section;
    private final String key;
    private final String oldKey;
    private final String option;
    private final String help;

    Setting(String label, Type type, double min, boolean minOpen, double max, boolean maxOpen,
            String defaultText, String section, String key, String oldKey, String option, String help) {
        this.label = label;
        this.type = type;
        this.min = min;
        this.minOpen = minOpen;
        this.max = max;
        this.maxOpen = maxOpen;
        this.defaultText = defaultText;
        this.section = section;
        this.key = key;
        this.oldKey = oldKey;
        this.option = option;
        this.help = help;
    }

    /** The name people read, e.g. "learning rate". */
    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** The smallest value (excluded if {@link #minOpen()}); for whole numbers exact. */
    public double min() {
        return min;
    }

    public boolean minOpen() {
        return minOpen;
    }

    public double max() {
        return max;
    }

    public boolean maxOpen() {
        return maxOpen;
    }

    public int minInt() {
        return (int) min;
    }

    public int maxInt() {
        return (int) max;
    }

    /** The default as text: a number, or a choice's id. */
    public String defaultText() {
        return defaultText;
    }

    public double defaultValue() {
        return Double.parseDouble(defaultText);
    }

    public int defaultInt() {
        return Integer.parseInt(defaultText);
    }

    public long defaultLong() {
        return Long.parseLong(defaultText);
    }

    /**
     * The object of an experiment file (and of a lesson's {@code config}) that holds the setting:
     * "" for the top level, "data", "network", "optimizer", or "models[]" for each model; null for
     * a setting that is not saved (the command line's epochs to train).
     */
    public String section() {
        return section;
    }

    /** The setting's key in its {@link #section()}, e.g. {@code learning_rate}; null if not saved. */
    public String key() {
        return key;
    }

    /** Where the setting is in a file, e.g. {@code optimizer.learning_rate}. */
    public String path() {
        if (key == null) {
            return null;
        }
        return section.isEmpty() ? key : section + "." + key;
    }

    /** The flat key lesson configs used before they shared the file vocabulary, e.g. {@code learningRate}. */
    public Optional<String> oldKey() {
        return Optional.ofNullable(oldKey);
    }

    /** The command-line option that sets it, e.g. {@code --lr}. */
    public Optional<String> option() {
        return Optional.ofNullable(option);
    }

    /** One sentence of help, without the range and default (see {@link #description()}). */
    public String help() {
        return help;
    }

    /** The help text with the range and default, for the command line and tooltips. */
    public String description() {
        String range = type == Type.CHOICE || type == Type.LONG ? "" : ", " + rangeText();
        return help + range + " (default: " + defaultText() + ").";
    }

    public static Optional<Setting> byOption(String option) {
        for (Setting s : values()) {
            if (option.equals(s.option)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code v} is in range (and whole, for whole-number settings). */
    public boolean accepts(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        if ((type == Type.INTEGER || type == Type.LONG) && v != Math.rint(v)) {
            return false;
        }
        boolean aboveMin = minOpen ? v > min : v >= min;
        boolean belowMax = maxOpen ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    /** The range as it is written in messages: "1–1024", "in (0, 100]", "in [0, 1)". */
    public String rangeText() {
        if (type == Type.INTEGER) {
            return (long) min + "–" + (long) max;
        }
        if (type == Type.LONG) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "in " + (minOpen ? "(" : "[") + format(min) + ", " + format(max) + (maxOpen ? ")" : "]");
    }

    /**
     * Checks a value for a record's constructor.
     *
     * @throws IllegalArgumentException "learning rate must be in [1e-7, 10], got 11"
     */
    public double check(double v) {
        if (!accepts(v)) {
            throw new IllegalArgumentException(label + " must be " + rangeText() + ", got " + format(v));
        }
        return v;
    }

    public int check(int v) {
        check((double) v);
        return v;
    }

    /** A number as a person writes it: 0, -1, 0.001, 1e-7, 1e+20, Infinity; never long. */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        String mantissa = s.substring(0, s.indexOf('e'));
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exponent = Integer.parseInt(s.substring(s.indexOf('e') + 1));
        return mantissa + "e" + exponent;
    }
}
