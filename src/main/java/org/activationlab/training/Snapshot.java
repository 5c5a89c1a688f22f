package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.FunctionShape;
import org.activationlab.engine.ModelStats;

import java.util.ArrayList;

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

    /**
     * The kept epoch of the {@link #timeline} nearest to {@code epoch} (see
     * {@link PredictionTimeline#indexOf}), or −1 if the timeline is empty.
     */
    public int keptEpoch(int epoch) {
        int index = timeline.indexOf(epoch);
        return index < 0 ? -1 : timeline.epochAt(index);
    }

    /**
     * This snapshot as the window shows it when gone back to the kept epoch nearest to
     * {@code epoch}: each model's statistics are replaced by what the timeline and the histories
     * hold for that epoch — its predictions on the plotting grid, MSE, train loss, own epoch and
     * the activation it had then (in the config too). Everything else (histories, switches, config, state) is as now.
     * What only the live model has (weights, layer statistics, kinks) is left out: the models'
     * layers and weights are empty and their shape unknown, so views drawing those show nothing
     * for them. O(models + switches), for a scrub step, not a frame.
     */
    public Snapshot atEpoch(int epoch) {
        int index = timeline.indexOf(epoch);
        if (index < 0) {
            return this;
        }
        int kept = timeline.epochAt(index);
        List<ModelStats> then = new ArrayList<>(models.size());
        ExperimentConfig configThen = config;
        for (int m = 0; m < models.size(); m++) {
            Activation activation = activationAt(m, kept);
            if (activation != configThen.models().get(m)) {
                configThen = configThen.withModel(m, activation);
            }
            ModelStats live = models.get(m);
            ModelHistory h = histories.get(m);
            double mse = h.mse().get(kept);
            float[] grid = timeline.predictions(index, m);
            boolean diverged = !Double.isFinite(mse);
            then.add(new ModelStats(live.name(), activation, (int) h.modelEpoch().get(kept),
                    h.trainLoss().get(kept), mse, new float[0], grid, List.of(), diverged,
                    diverged ? (int) h.modelEpoch().get(kept) : -1, List.of(), List.of(),
                    new FunctionShape(false, new double[0], null, live.shape().bestLine())));
        }
        return new Snapshot(sequence, epoch(), configThen, then, histories, switches, playing,
                epochsPerSecond, measuredEpochsPerSecond, failure, modelEpochs, epochProgress,
                outcomes, timeline);
    }

    /**
     * Model {@code model}'s activation at session epoch {@code epoch}: its activation now, undone
     * through every switch of it recorded at or after that epoch (a switch at epoch e happens after
     * e's entry).
     */
    public Activation activationAt(int model, int epoch) {
        Activation a = config.models().get(model);
        for (int i = switches.size() - 1; i >= 0 && switches.get(i).epoch() >= epoch; i--) {
            SwitchEvent e = switches.get(i);
            if (e.model() == model) {
                a = e.from();
            }
        }
        return a;
    }
}
