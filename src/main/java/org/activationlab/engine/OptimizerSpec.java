package org.activationlab.engine;

import java.util.Objects;

/**
 * An optimiser and its hyper-parameters; the defaults are Keras'.
 *
 * @param momentum for {@link OptimizerKind#MOMENTUM} and {@link OptimizerKind#NESTEROV}
 */
public record OptimizerSpec(OptimizerKind kind, double learningRate, double momentum,
                            double beta1, double beta2, double rho, double epsilon) {

    public static final double MIN_LEARNING_RATE = Setting.LEARNING_RATE.min();
    public static final double MAX_LEARNING_RATE = Setting.LEARNING_RATE.max();

    public OptimizerSpec {
        Objects.requireNonNull(kind, "optimizer");
        Setting.LEARNING_RATE.check(learningRate);
        Setting.MOMENTUM.check(momentum);
        Setting.BETA1.check(beta1);
        Setting.BETA2.check(beta2);
        Setting.RHO.check(rho);
        Setting.EPSILON.check(epsilon);
    }

    /** Keras' defaults for this optimiser at the given learning rate. */
    public static OptimizerSpec of(OptimizerKind kind, double learningRate) {
        return new OptimizerSpec(kind, learningRate, Setting.MOMENTUM.defaultValue(),
                Setting.BETA1.defaultValue(), Setting.BETA2.defaultValue(), Setting.RHO.defaultValue(),
                Setting.EPSILON.defaultValue());
    }

    /** The classic experiment's optimiser (Adam at 0.001). */
    public static OptimizerSpec classic() {
        return of(OptimizerKind.byId(Setting.OPTIMIZER.defaultText()).orElseThrow(),
                Setting.LEARNING_RATE.defaultValue());
    }

    /** Keras' defaults, including the default learning rate. */
    public static OptimizerSpec of(OptimizerKind kind) {
        return of(kind, kind.defaultLearningRate());
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, momentum, beta1, beta2, rho, epsilon);
    }
}
