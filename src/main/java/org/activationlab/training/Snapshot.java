package org.activationlab.training;

import org.activationlab.engine.ModelStats;

import java.util.List;

/**
 * Everything a view needs after an epoch, immutable, handed from the trainer thread to readers.
 *
 * @param sequence        increases by one with every snapshot the trainer publishes
 * @param epoch           session epochs trained (all models step in lockstep)
 * @param config          the experiment as it is now (models carry their current activations)
 * @param models          each model's statistics, in the order of {@code config.models()}
 * @param histories       each model's statistics over the session's epochs
 * @param switches        every activation switch since the last reset
 * @param playing         whether the trainer is playing
 * @param epochsPerSecond requested speed ({@code Infinity} = as fast as possible)
 * @param measuredEpochsPerSecond epochs per second actually trained recently
 * @param failure         an error from the trainer thread, or null
 */
public record Snapshot(long sequence, int epoch, ExperimentConfig config, List<ModelStats> models,
                       List<ModelHistory> histories, List<SwitchEvent> switches, boolean playing,
                       double epochsPerSecond, double measuredEpochsPerSecond, String failure) {

    public Snapshot {
        models = List.copyOf(models);
        histories = List.copyOf(histories);
        switches = List.copyOf(switches);
    }

    /** True when the epoch limit is reached. */
    public boolean atLimit() {
        return config.epochLimit() > 0 && epoch >= config.epochLimit();
    }
}
