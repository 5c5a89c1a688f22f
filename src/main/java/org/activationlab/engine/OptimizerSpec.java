package org.activationlab.engine;

import java.util.Objects;

/**
 * An optimiser and its hyper-parameters; the defaults are Keras'.
 *
 * @param momentum for {@link OptimizerKind#MOMENTUM} and {@link OptimizerKind#NESTEROV}
 */
public record OptimizerSpec(OptimizerKind kind, double learningRate, double momentum,
                            double beta1, double beta2, double rho, double epsilon) {

    public static final double MIN_LEARNING_RATE = 1e-7;
    public static final double MAX_LEARNING_RATE = 10;

    public OptimizerSpec {
        Objects.requireNonNull(kind, "optimizer");
        if (!(learningRate >= MIN_LEARNING_RATE && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate must be in [1e-7, 10], got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("beta1, beta2 and rho must be in [0, 1)");
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
    }

    /** Keras' defaults for this optimiser at the given learning rate. */
    public static OptimizerSpec of(OptimizerKind kind, double learningRate) {
        return new OptimizerSpec(kind, learningRate, 0.9, 0.9, 0.999, 0.9, 1e-7);
    }

    /** Keras' defaults, including the default learning rate. */
    public static OptimizerSpec of(OptimizerKind kind) {
        return of(kind, kind.defaultLearningRate());
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, momentum, beta1, beta2, rho, epsilon);
    }
}
