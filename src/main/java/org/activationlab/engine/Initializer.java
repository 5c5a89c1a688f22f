package org.activationlab.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Weight initialisers. All draw from a uniform distribution U(−limit, limit), as Keras'
 * {@code glorot_uniform} (its default), {@code he_uniform} and {@code lecun_uniform} do, and as
 * PyTorch's {@code nn.Linear} does by default; the limit is multiplied by a scale factor.
 * Biases start at the network's constant bias init, except with the PyTorch default, which (as
 * {@code nn.Linear.reset_parameters} does) also draws each bias from U(±1/√fan_in), unscaled,
 * around that constant.
 */
public enum Initializer {
    GLOROT_UNIFORM("glorot", "Glorot uniform", "√(6 / (fan_in + fan_out))"),
    HE_UNIFORM("he", "He uniform", "√(6 / fan_in)"),
    LECUN_UNIFORM("lecun", "LeCun uniform", "√(3 / fan_in)"),
    PYTORCH_DEFAULT("pytorch", "PyTorch default", "1 / √fan_in");

    private final String id;
    private final String displayName;
    private final String limitFormula;

    Initializer(String id, String displayName, String limitFormula) {
        this.id = id;
        this.displayName = displayName;
        this.limitFormula = limitFormula;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String limitFormula() {
        return limitFormula;
    }

    /** The half-width of the uniform distribution for a layer with these fans, before scaling. */
    public double limit(int fanIn, int fanOut) {
        return switch (this) {
            case GLOROT_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
            case LECUN_UNIFORM -> Math.sqrt(3.0 / fanIn);
            case PYTORCH_DEFAULT -> 1.0 / Math.sqrt(fanIn);
        };
    }

    /** Fills {@code weights} (fanIn × fanOut values) from U(±scale·limit). */
    public void fill(float[] weights, int fanIn, int fanOut, double scale, RandomGenerator random) {
        double limit = scale * limit(fanIn, fanOut);
        int n = fanIn * fanOut;
        for (int i = 0; i < n; i++) {
            weights[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
    }

    /**
     * Fills {@code biases} (fanOut values): {@code biasInit} everywhere, plus a draw from
     * U(±1/√fan_in) for the PyTorch default (after the layer's weights, as PyTorch draws them).
     */
    public void fillBiases(float[] biases, int fanIn, int fanOut, double biasInit, RandomGenerator random) {
        if (this != PYTORCH_DEFAULT) {
            java.util.Arrays.fill(biases, 0, fanOut, (float) biasInit);
            return;
        }
        double limit = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < fanOut; i++) {
            biases[i] = (float) (biasInit + (2 * random.nextDouble() - 1) * limit);
        }
    }

    public static Optional<Initializer> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Initializer i : values()) {
            if (i.id.equals(key) || i.name().toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
