package org.activationlab.training.lesson;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;

import java.util.List;
import java.util.Objects;

/**
 * What a lesson step sets up: the experiment's knobs as a teacher writes them in a lesson file,
 * plus the training speed (which is not part of an {@link ExperimentConfig}). Immutable; the
 * loader checks every value's range, and {@link #toConfig()} builds the experiment.
 *
 * @param target       the function the networks learn, on [−2π, 2π]
 * @param points       evenly spaced training points
 * @param noise        standard deviation of Gaussian noise on the targets
 * @param models       the hidden activation of each model; the first is the one the keys switch
 * @param depth        hidden layers
 * @param width        units per hidden layer
 * @param initializer  weight initialiser
 * @param initScale    factor on the initialiser's limit
 * @param biasInit     value every bias starts at
 * @param optimizer    optimiser
 * @param learningRate its learning rate
 * @param batchSize    mini-batch size
 * @param seed         seed of the initial weights, shuffling and noise
 * @param epochs       training pauses at this epoch (0: no limit)
 * @param speed        epochs per second, {@code Infinity} for as fast as possible
 */
public record LessonSettings(TargetFunction target, int points, double noise, List<Activation> models,
                             int depth, int width, Initializer initializer, double initScale,
                             double biasInit, OptimizerKind optimizer, double learningRate,
                             int batchSize, long seed, int epochs, double speed) {

    public LessonSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(optimizer, "optimizer");
        models = List.copyOf(models);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
    }

    /**
     * The classic experiment, which every lesson starts from: 1000 points of sin(x), ReLU against
     * no activation, 1 → 64 → 64 → 1, Glorot, Adam at 0.001, batch 32, seed 42, 100 epochs at the
     * app's default speed.
     */
    public static LessonSettings classic() {
        return new LessonSettings(TargetFunction.SIN, 1000, 0, List.of(Activations.RELU, Activations.LINEAR),
                2, 64, Initializer.GLOROT_UNIFORM, 1, 0, OptimizerKind.ADAM,
                OptimizerKind.ADAM.defaultLearningRate(), 32, ExperimentConfig.DEFAULT_SEED,
                ExperimentConfig.DEFAULT_EPOCH_LIMIT, Trainer.DEFAULT_SPEED);
    }

    /**
     * The experiment these settings describe.
     *
     * @throws IllegalArgumentException if a value is out of the engine's range (the loader
     *                                  checks every value first, so lesson files never get here)
     */
    public ExperimentConfig toConfig() {
        Dataset data = Dataset.generate(target, points, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X,
                noise, seed);
        NetworkSpec network = new NetworkSpec(depth, width, models.get(0), initializer, initScale, biasInit);
        return new ExperimentConfig(data, network, models, OptimizerSpec.of(optimizer, learningRate),
                batchSize, seed, epochs);
    }
}
