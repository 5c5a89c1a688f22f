package org.activationlab.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** The functions the networks can be asked to learn, on [−2π, 2π] by default. */
public enum TargetFunction {
    SIN("sin", "sin(x)", Math::sin),
    ABS("abs", "|x|", Math::abs),
    SQUARE("square", "x²", x -> x * x),
    SQUARE_WAVE("square_wave", "square wave", x -> Math.sin(x) >= 0 ? 1.0 : -1.0),
    SAWTOOTH("sawtooth", "sawtooth", x -> {
        double t = x / (2 * Math.PI);
        return 2 * (t - Math.floor(t + 0.5));
    }),
    STEP("step", "step", x -> x >= 0 ? 1.0 : 0.0),
    X_SIN_X("x_sin_x", "x·sin(x)", x -> x * Math.sin(x)),
    GAUSSIAN_BUMP("gaussian", "Gaussian bump", x -> Math.exp(-0.5 * x * x));

    private final String id;
    private final String displayName;
    private final DoubleUnaryOperator function;

    TargetFunction(String id, String displayName, DoubleUnaryOperator function) {
        this.id = id;
        this.displayName = displayName;
        this.function = function;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public double apply(double x) {
        return function.applyAsDouble(x);
    }

    public static Optional<TargetFunction> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (TargetFunction t : values()) {
            if (t.id.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (TargetFunction t : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.id);
        }
        return sb.toString();
    }
}
