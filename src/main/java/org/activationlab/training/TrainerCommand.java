package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerSpec;

/**
 * A request from the UI (or any other thread) to the trainer. Commands are queued and applied in
 * order by the trainer thread at the next epoch boundary.
 */
public sealed interface TrainerCommand {

    record Play() implements TrainerCommand { }

    record Pause() implements TrainerCommand { }

    /** Play if paused, pause if playing. */
    record TogglePlay() implements TrainerCommand { }

    /** Train exactly one epoch, then pause. */
    record Step() implements TrainerCommand { }

    /** Back to epoch 0 with the initial weights of the current seed, paused. */
    record Reset() implements TrainerCommand { }

    /** Epochs per second; {@link Double#POSITIVE_INFINITY} trains as fast as possible. */
    record SetSpeed(double epochsPerSecond) implements TrainerCommand {
        public SetSpeed {
            if (!(epochsPerSecond > 0)) {
                throw new IllegalArgumentException("speed must be > 0 epochs/s, got " + epochsPerSecond);
            }
        }
    }

    /** Training pauses when the epoch reaches the limit; 0 means no limit. */
    record SetEpochLimit(int limit) implements TrainerCommand {
        public SetEpochLimit {
            if (limit < 0) {
                throw new IllegalArgumentException("epoch limit must be ≥ 0 (0 = none), got " + limit);
            }
        }
    }

    /** Switch model {@code model}'s hidden activation. */
    record SwitchActivation(int model, Activation activation, SwitchMode mode) implements TrainerCommand { }

    record SetLearningRate(double learningRate) implements TrainerCommand { }

    /** A new optimiser (and learning rate) for every model, from the next step. */
    record SetOptimizer(OptimizerSpec optimizer) implements TrainerCommand { }

    /** Restarts every model from its initial weights with the new batch size. */
    record SetBatchSize(int batchSize) implements TrainerCommand { }

    /** Restarts every model from the new seed's initial weights. */
    record SetSeed(long seed) implements TrainerCommand { }

    /** A new shape or initialisation: every model restarts from new weights. */
    record SetNetwork(NetworkSpec network) implements TrainerCommand { }

    /** New training data: every model restarts. */
    record SetData(Dataset data) implements TrainerCommand { }

    /** Replace the whole experiment (a lesson, an opened file): restarts everything. */
    record Load(ExperimentConfig config) implements TrainerCommand { }

    /**
     * For the UI benchmark: append {@code epochs} epochs of made-up history (statistics scattered
     * around the current ones, a switch marker every 150 epochs) without training, so that the
     * frame cost of a long run can be measured at once. The models do not change.
     */
    record PreloadHistory(int epochs) implements TrainerCommand {
        public PreloadHistory {
            if (epochs < 0 || epochs > 10_000_000) {
                throw new IllegalArgumentException("preload must be 0–10,000,000 epochs, got " + epochs);
            }
        }
    }
}
