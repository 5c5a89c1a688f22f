package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With many models at Max speed the trainer measures each only every few epochs (staggered), and
 * every model when training stops; with the classic two at Max speed, at the rate the window
 * takes snapshots; on time for a slower speed, every epoch. Skipping a measurement must
 * not change training: the measured MSE equals that of a model trained on its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainerStatsIntervalTest {

    private static final long WAIT = 30_000;

    private static ExperimentConfig config() {
        return ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));
    }

    /**
     * At Max speed the classic two are measured at the rate a reader takes snapshots (here none
     * does: at least every {@link Trainer#MEASURE_AT_LEAST_NANOS}), and always at the end. Where
     * an epoch was measured its MSE is exactly that of a session measured every epoch on one
     * thread; where not, it repeats the last measured value and says so.
     */
    @Test
    void twoModelsAtMaxSpeedAreMeasuredAtTheRateTheyAreReadAndAlwaysAtTheEnd() throws Exception {
        ExperimentConfig config = config().withEpochLimit(40);
        TrainingSession reference = TrainingSession.build(config);
        for (int e = 0; e < 40; e++) {
            reference.trainEpoch();
        }
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.epoch() == 40 && !s.playing(), WAIT);
            for (int m = 0; m < 2; m++) {
                ModelHistory h = done.histories().get(m);
                Series expected = reference.histories().get(m).mse();
                assertEquals(41, h.mse().length());
                assertTrue(h.measuredAt(40), "the last epoch is measured");
                for (int e = 1; e <= 40; e++) {
                    if (h.measuredAt(e)) {
                        assertEquals(expected.get(e), h.mse().get(e), "model " + m + " epoch " + e);
                    } else {
                        assertEquals(h.mse().get(e - 1), h.mse().get(e), "model " + m + " repeats at epoch " + e);
                    }
                }
            }
        }
    }

    @Test
    void manyModelsAreMeasuredInTurnAndAllAtTheEnd() throws Exception {
        ExperimentConfig config = config().withModels(Activations.all()).withEpochLimit(9);
        int n = config.models().size();
        assertTrue(n > Trainer.FULL_STATS_MODELS);
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.epoch() == 9 && !s.playing(), WAIT);
            for (int i = 0; i < n; i++) {
                ModelStats m = done.models().get(i);
                assertEquals(9, m.epoch(), m.name() + " is measured when training stops");
                float[] mse = done.histories().get(i).mse().toArray();
                assertEquals(10, mse.length);
                for (int e = 1; e < 9; e++) {
                    boolean measured = (e + i) % Trainer.STATS_INTERVAL == 0;
                    if (measured) {
                        assertNotEquals(mse[e - 1], mse[e], m.name() + " measured at epoch " + e);
                    } else {
                        assertEquals(mse[e - 1], mse[e], m.name() + " repeats its value at epoch " + e);
                    }
                }
                assertEquals(alone(config, i, 9), m.mse(), 0.0, m.name() + " trains as if measured every epoch");
            }
        }
    }

    @Test
    void pausingMeasuresTheModelsThatWereSkipped() throws Exception {
        ExperimentConfig config = config().withModels(Activations.all()).withEpochLimit(0);
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            trainer.await(s -> s.epoch() >= 3, WAIT);
            trainer.send(new TrainerCommand.Pause());
            Snapshot paused = trainer.await(s -> !s.playing(), WAIT);
            for (int i = 0; i < paused.models().size(); i++) {
                ModelStats m = paused.models().get(i);
                assertEquals(paused.modelEpoch(i), m.epoch(), m.name() + " shows the paused epoch");
            }
        }
    }

    @Test
    void manyModelsOnTimeForASlowSpeedAreMeasuredEveryEpoch() throws Exception {
        // A tiny network trains 13 models in well under the 50 ms an epoch may take at 20/s.
        ExperimentConfig config = config()
                .withData(Dataset.generate(TargetFunction.SIN, 20, -3, 3, 0, 0))
                .withNetwork(new NetworkSpec(1, 4, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0))
                .withModels(Activations.all()).withEpochLimit(12);
        try (Trainer trainer = new Trainer(config, 20)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.epoch() == 12 && !s.playing(), WAIT);
            for (int i = 0; i < config.models().size(); i++) {
                float[] mse = done.histories().get(i).mse().toArray();
                int changed = 0;
                for (int e = 1; e <= 12; e++) {
                    changed += mse[e] != mse[e - 1] ? 1 : 0;
                }
                // Every epoch but those that a loaded machine started late (measured every 4th).
                assertTrue(changed >= 8, done.models().get(i).name() + " measured in " + changed + " of 12 epochs");
            }
        }
    }

    /** Model {@code index} of the experiment trained on its own for {@code epochs}, its MSE. */
    private static double alone(ExperimentConfig config, int index, int epochs) {
        Activation a = config.models().get(index);
        ModelRun run = new ModelRun(a.id(), config.data(), config.network().withActivation(a),
                config.optimizer(), config.batchSize(), config.seed());
        for (int e = 0; e < epochs; e++) {
            run.trainEpoch();
        }
        return run.measure().mse();
    }
}
