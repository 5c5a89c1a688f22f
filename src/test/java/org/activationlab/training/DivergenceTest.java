package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model whose loss becomes NaN or infinite pauses the training, so the class sees the moment;
 * the other model trains on when Play is pressed again. Also the per-layer histories the
 * instruments draw.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DivergenceTest {

    private static final long WAIT = 5000;

    /** Plain SGD: at lr 0.1 the linear model of the sine data diverges in its first epoch, ReLU does not. */
    private static ExperimentConfig config(double learningRate) {
        return ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withOptimizer(OptimizerSpec.of(OptimizerKind.SGD, learningRate))
                .withEpochLimit(0);
    }

    @Test
    void aDivergingModelPausesTrainingAtThatEpoch() throws Exception {
        try (Trainer trainer = new Trainer(config(0.1), Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot paused = trainer.await(s -> s.models().get(1).diverged() && !s.playing(), WAIT);
            ModelStats linear = paused.models().get(1);
            ModelStats relu = paused.models().get(0);
            assertEquals(1, paused.epoch(), "paused at the epoch it diverged, no later");
            assertEquals(1, linear.divergedAtEpoch());
            assertFalse(Double.isFinite(linear.mse()));
            assertFalse(relu.diverged());
            assertTrue(Double.isFinite(relu.mse()));
            assertFalse(Float.isFinite(paused.histories().get(1).mse().last()));

            // Play trains the healthy model on, and the diverged one does not pause it again.
            trainer.send(new TrainerCommand.Play());
            Snapshot later = trainer.await(s -> s.epoch() >= 6, WAIT);
            assertTrue(later.playing());
            assertTrue(Double.isFinite(later.models().get(0).mse()));
            assertEquals(1, later.models().get(1).divergedAtEpoch());
            trainer.send(new TrainerCommand.Reset());
            Snapshot reset = trainer.await(s -> s.epoch() == 0, WAIT);
            assertFalse(reset.models().get(1).diverged());
        }
    }

    @Test
    void aHugeLearningRateDivergesEveryModelAndStops() throws Exception {
        try (Trainer trainer = new Trainer(config(10), Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot s = trainer.await(x -> x.models().get(0).diverged() && !x.playing(), WAIT);
            assertEquals(s.models().get(0).divergedAtEpoch(), s.epoch());
            // Stepping on does nothing: every model has stopped.
            trainer.send(new TrainerCommand.Step());
            long seq = trainer.latest().sequence();
            trainer.send(new TrainerCommand.SetSpeed(7));
            Snapshot after = trainer.await(x -> x.sequence() > seq && x.epochsPerSecond() == 7, WAIT);
            assertEquals(s.epoch(), after.epoch());
            assertFalse(after.playing());
        }
    }

    @Test
    void historyKeepsPreluSlopesPerLayer() throws Exception {
        ExperimentConfig c = config(1e-2).withOptimizer(OptimizerSpec.of(OptimizerKind.ADAM, 1e-2))
                .withModels(List.of(Activations.PRELU, Activations.LINEAR));
        try (Trainer trainer = new Trainer(c, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            Snapshot s = trainer.await(x -> x.epoch() >= 3, WAIT);
            ModelHistory h = s.histories().get(0);
            assertEquals(2, h.learnedSlope().size(), "one series per hidden layer");
            for (int l = 0; l < 2; l++) {
                Series slope = h.learnedSlope().get(l);
                assertEquals(4, slope.length());
                assertEquals((float) Activations.PRELU_INITIAL_SLOPE, slope.get(0));
                assertEquals(s.models().get(0).layers().get(l).learnedSlope(), slope.last());
                assertTrue(slope.last() != slope.get(0), "the slope was learned");
            }
            assertTrue(Float.isNaN(s.histories().get(1).learnedSlope().get(0).last()), "linear learns no slope");
        }
    }
}
