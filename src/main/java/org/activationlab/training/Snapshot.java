package org.activationlab.training;

import org.activationlab.engine.ModelStats;

import java.util.List;
import java.util.Optional;

/**
 * Everything a view needs after an epoch, immutable, handed from the trainer thread to readers.
 *
 * @param sequence        increases by one with every snapshot the trainer publishes
 * @param epoch           session epochs trained (the index of the histories' newest entry); each
 *                        model's own count is in {@code modelEpochs}
 * @param config          the experiment as it is now (models carry their current activations)
 * @param models          each model's statistics, in the order of {@code config.models()}
 * @param histories       each model's statistics over the session's epochs
 * @param switches        every activation switch since the last reset
 * @param playing         whether the trainer is playing
 * @param epochsPerSecond requested speed ({@code Infinity} = as fast as possible)
 * @param measuredEpochsPerSecond epochs per second actually trained recently
 * @param failure         an error training hit (training then paused), or null; refused commands
 *                        are in {@code outcomes}
 * @param modelEpochs     each model's own epoch count (a model restarted by a switch starts at 0)
 * @param epochProgress   share (0–1) of the session epoch under way already trained
 * @param outcomes        what became of the commands sent so far
 * @param timeline        every model's predictions on the plotting grid at the epochs kept
 */
public record Snapshot(long sequence, int epoch, ExperimentConfig config, List<ModelStats> models,
                       List<ModelHistory> histories, List<SwitchEvent> switches, boolean playing,
                       double epochsPerSecond, double measuredEpochsPerSecond, String failure,
                       List<Integer> modelEpochs, double epochProgress, CommandLog outcomes,
                       PredictionTimeline timeline) {

    public Snapshot {
        models = List.copyOf(models);
        histories = List.copyOf(histories);
        switches = List.copyOf(switches);
        modelEpochs = List.copyOf(modelEpochs);
        timeline = timeline == null ? PredictionTimeline.EMPTY : timeline;
    }

    /** Model {@code index}'s own epoch count. */
    public int modelEpoch(int index) {
        return modelEpochs.get(index);
    }

    /** True when every model that has not diverged has reached the epoch limit. */
    public boolean atLimit() {
        int limit = config.epochLimit();
        if (limit <= 0) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < models.size(); i++) {
            if (!models.get(i).diverged()) {
                any = true;
                if (modelEpochs.get(i) < limit) {
                    return false;
                }
            }
        }
        return any;
    }

    /** The outcome of command {@code id} ({@link Trainer#send}), once the trainer has one. */
    public Optional<CommandOutcome> outcome(long id) {
        return outcomes.outcome(id);
    }
}
