package org.activationlab.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of activations, in the order the app shows them (keys 1–9 and 0 pick the first
 * ten), with PyTorch's definitions and defaults.
 */
public final class Activations {

    /** PyTorch's default Leaky ReLU slope. */
    public static final double LEAKY_SLOPE_DEFAULT = Setting.LEAKY_SLOPE.defaultValue();
    /** PyTorch's default and Keras' presets (tf.nn.leaky_relu: 0.2, LeakyReLU layer: 0.3). */
    public static final List<Double> LEAKY_SLOPE_PRESETS = List.of(0.01, 0.2, 0.3);
    public static final double PRELU_INITIAL_SLOPE = 0.25;

    public static final Activation RELU = new ReluFamily.Relu();
    public static final Activation LEAKY_RELU = leakyRelu(LEAKY_SLOPE_DEFAULT);
    public static final Activation PRELU =
            new ReluFamily.LeakyRelu("prelu", "PReLU", PRELU_INITIAL_SLOPE, true);
    public static final Activation ELU = elu(1.0);
    public static final Activation SELU = new ReluFamily.Elu();
    public static final Activation GELU = new SmoothActivations.Gelu(false);
    public static final Activation GELU_TANH = new SmoothActivations.Gelu(true);
    public static final Activation SILU = new SmoothActivations.Silu();
    public static final Activation SOFTPLUS = new SmoothActivations.Softplus();
    public static final Activation MISH = new SmoothActivations.Mish();
    public static final Activation SIGMOID = new ClassicActivations.Sigmoid();
    public static final Activation TANH = new ClassicActivations.Tanh();
    public static final Activation LINEAR = new ClassicActivations.Linear();
    public static final Activation SOFTMAX = new Softmax();

    /** The classroom favourites come first, so the keys 1–9 and 0 reach them. */
    private static final List<Activation> ALL = List.of(RELU, LEAKY_RELU, PRELU, ELU, SELU, GELU,
            SILU, SIGMOID, TANH, LINEAR, SOFTPLUS, MISH, SOFTMAX);

    private Activations() {
    }

    /** Every activation in display order (GELU's tanh form is an option of GELU, not listed). */
    public static List<Activation> all() {
        return ALL;
    }

    /** Leaky ReLU with the given negative slope (≥ 0). */
    public static Activation leakyRelu(double slope) {
        Setting.LEAKY_SLOPE.check(slope);
        return new ReluFamily.LeakyRelu("leaky_relu", "Leaky ReLU", slope, false);
    }

    /** ELU with the given α (> 0). */
    public static Activation elu(double alpha) {
        Setting.ELU_ALPHA.check(alpha);
        return new ReluFamily.Elu(alpha);
    }

    /** Looks an activation up by id ({@code relu}, {@code leaky_relu}, {@code gelu_tanh}, …). */
    public static Optional<Activation> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.equals(GELU_TANH.id())) {
            return Optional.of(GELU_TANH);
        }
        if (key.equals("swish")) {
            key = SILU.id();
        } else if (key.equals("identity")) {
            key = LINEAR.id();
        }
        for (Activation a : ALL) {
            if (a.id().equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Comma-separated ids, for help texts and error messages. */
    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (Activation a : ALL) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(a.id());
        }
        return sb.append(", ").append(GELU_TANH.id()).toString();
    }
}
