package org.activationlab.engine;

import java.util.OptionalDouble;

/**
 * The parameters that distinguish activations sharing an id (Leaky ReLU's slope, ELU's α), read
 * back from an instance, and the way back from an id and a parameter to the instance: what a file
 * needs to store an activation and to restore exactly the same one.
 */
public final class ActivationParameters {

    private ActivationParameters() {
    }

    /** Leaky ReLU's fixed negative slope; empty for every other activation (PReLU included). */
    public static OptionalDouble leakySlope(Activation activation) {
        if (activation instanceof ReluFamily.LeakyRelu leaky && !leaky.learnsParameter()) {
            return OptionalDouble.of(leaky.slope());
        }
        return OptionalDouble.empty();
    }

    /** ELU's α; empty for every other activation (SELU's α is a fixed constant). */
    public static OptionalDouble eluAlpha(Activation activation) {
        if (activation instanceof ReluFamily.Elu elu && activation.id().equals(Activations.ELU.id())) {
            return OptionalDouble.of(elu.alpha());
        }
        return OptionalDouble.empty();
    }

    /**
     * Leaky ReLU with this slope: the catalogue's own instance for the default slope, so that it
     * is the same object as the app's card (views compare activations by identity and id).
     */
    public static Activation leakyRelu(double slope) {
        return slope == Activations.LEAKY_SLOPE_DEFAULT ? Activations.LEAKY_RELU : Activations.leakyRelu(slope);
    }

    /** ELU with this α: the catalogue's own instance for α = 1. */
    public static Activation elu(double alpha) {
        return alpha == 1.0 ? Activations.ELU : Activations.elu(alpha);
    }
}
