package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer thread driven through its public protocol: commands in, snapshots out. No test
 * sleeps; each waits for the snapshot that must come (or proves that none did by sending a later
 * command, which is applied in order).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TrainerTest {

    private static final long WAIT = 5000;

    /** The classic experiment on 200 points instead of 1000, for speed. */
    private static ExperimentConfig config() {
        return ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));
    }

    private static float[] grid(Snapshot s, int model) {
        return s.models().get(model).gridPredictions();
    }

    /** Sends a command that changes nothing but the speed and returns the snapshot it produced. */
    private static Snapshot barrier(Trainer trainer, double speed) throws Exception {
        long seq = trainer.latest().sequence();
        trainer.send(new TrainerCommand.SetSpeed(speed));
        return trainer.await(s -> s.sequence() > seq && s.epochsPerSecond() == speed, WAIT);
    }

    @Test
    void startsPausedAtEpochZeroWithASnapshotPublishedAtOnce() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            Snapshot s = trainer.latest();
            assertNotNull(s);
            assertEquals(0, s.epoch());
            assertFalse(s.playing());
            assertNull(s.failure());
            assertEquals(Trainer.DEFAULT_SPEED, s.epochsPerSecond());
            assertEquals(2, s.models().size());
            assertSame(Activations.RELU, s.models().get(0).activation());
            assertSame(Activations.LINEAR, s.models().get(1).activation());
            for (ModelStats m : s.models()) {
                assertEquals(0, m.epoch());
                assertEquals(Dataset.GRID_POINTS, m.gridPredictions().length);
            }
            assertEquals(1, s.histories().get(0).mse().length());
            assertTrue(s.switches().isEmpty());
            assertSame(s, trainer.poll());
            assertTrue(trainer.isAlive());
            // still paused: a later command's snapshot is at epoch 0
            assertEquals(0, barrier(trainer, 50).epoch());
        }
    }

    @Test
    void playAdvancesAndPauseStops() throws Exception {
        try (Trainer trainer = new Trainer(config(), 500)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot playing = trainer.await(s -> s.epoch() >= 3, WAIT);
            assertTrue(playing.playing());
            assertEquals(playing.epoch() + 1, playing.histories().get(0).mse().length());
            assertEquals((float) playing.models().get(0).mse(), playing.histories().get(0).mse().last());

            trainer.send(new TrainerCommand.Pause());
            Snapshot paused = trainer.await(s -> !s.playing(), WAIT);
            int epoch = paused.epoch();
            assertTrue(epoch >= 3);
            // If it were still playing, the Step would not be the only thing advancing the epoch.
            trainer.send(new TrainerCommand.Step());
            Snapshot stepped = trainer.await(s -> s.epoch() >= epoch + 1, WAIT);
            assertEquals(epoch + 1, stepped.epoch());
            assertFalse(stepped.playing());
            assertEquals(epoch + 1, barrier(trainer, 500).epoch());
        }
    }

    @Test
    void stepAdvancesExactlyOneEpochPerStep() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            trainer.send(new TrainerCommand.Step());
            Snapshot one = trainer.await(s -> s.epoch() >= 1, WAIT);
            assertEquals(1, one.epoch());
            assertFalse(one.playing());
            assertEquals(1, one.models().get(0).epoch());
            assertEquals(1, one.models().get(1).epoch());
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            assertEquals(3, trainer.await(s -> s.epoch() >= 3, WAIT).epoch());
            assertEquals(3, barrier(trainer, 40).epoch());
        }
    }

    @Test
    void resetReturnsToEpochZeroAndTheSameInitialPredictions() throws Exception {
        try (Trainer trainer = new Trainer(config(), Double.POSITIVE_INFINITY)) {
            Snapshot initial = trainer.latest();
            float[] relu0 = grid(initial, 0).clone();
            float[] linear0 = grid(initial, 1).clone();
            trainer.send(new TrainerCommand.Play());
            Snapshot trained = trainer.await(s -> s.epoch() >= 4, WAIT);
            assertFalse(Arrays.equals(relu0, grid(trained, 0)));
            // published arrays are never touched again
            assertArrayEquals(relu0, grid(initial, 0));
            assertArrayEquals(linear0, grid(initial, 1));

            long seq = trainer.latest().sequence();
            trainer.send(new TrainerCommand.Reset());
            Snapshot reset = trainer.await(s -> s.sequence() > seq && s.epoch() == 0, WAIT);
            assertFalse(reset.playing());
            assertArrayEquals(relu0, grid(reset, 0));
            assertArrayEquals(linear0, grid(reset, 1));
            assertEquals(0, reset.models().get(0).epoch());
            assertEquals(1, reset.histories().get(0).mse().length());
            assertEquals(initial.models().get(0).mse(), reset.models().get(0).mse());
            assertEquals(0, barrier(trainer, 30).epoch());
        }
    }

    @Test
    void snapshotReportsTheRequestedSpeed() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            assertEquals(5.0, barrier(trainer, 5).epochsPerSecond());
            assertEquals(Double.POSITIVE_INFINITY,
                    barrier(trainer, Double.POSITIVE_INFINITY).epochsPerSecond());
            assertEquals(0.25, barrier(trainer, 0.25).epochsPerSecond());
        }
    }

    @Test
    void playStopsExactlyAtTheEpochLimit() throws Exception {
        try (Trainer trainer = new Trainer(config(), Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.SetEpochLimit(5));
            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.epoch() >= 5 && !s.playing(), WAIT);
            assertEquals(5, done.epoch());
            assertTrue(done.atLimit());
            assertEquals(5, done.config().epochLimit());
            // Play at the limit trains on for another limit's length (5 → 10), then stops again
            trainer.send(new TrainerCommand.Play());
            Snapshot ten = trainer.await(s -> s.epoch() >= 10 && !s.playing(), WAIT);
            assertEquals(10, ten.epoch());
            assertEquals(10, ten.config().epochLimit());
            // Step at the limit extends it too, by exactly one epoch of training
            trainer.send(new TrainerCommand.Step());
            Snapshot eleven = trainer.await(s -> s.epoch() >= 11, WAIT);
            assertEquals(11, eleven.epoch());
            assertFalse(barrier(trainer, 100).playing());
            assertEquals(11, trainer.latest().epoch());
            // Reset goes back to the limit the user set
            trainer.send(new TrainerCommand.Reset());
            Snapshot reset = trainer.await(s -> s.epoch() == 0, WAIT);
            assertEquals(5, reset.config().epochLimit());
        }
    }

    @Test
    void loweringTheLimitBelowTheEpochWhilePlayingStopsPlaying() throws Exception {
        try (Trainer trainer = new Trainer(config(), 200)) {
            trainer.send(new TrainerCommand.SetEpochLimit(0));
            trainer.send(new TrainerCommand.Play());
            trainer.await(s -> s.epoch() >= 3, WAIT);
            trainer.send(new TrainerCommand.SetEpochLimit(2));
            Snapshot s = trainer.await(x -> x.config().epochLimit() == 2, WAIT);
            int epoch = s.epoch();
            assertTrue(s.atLimit());
            // No further epoch is trained, so the snapshot must not claim it is playing.
            Snapshot later = barrier(trainer, 200);
            assertEquals(epoch, later.epoch());
            assertFalse(later.playing(), "at epoch " + epoch + " beyond the limit 2 the trainer"
                    + " trains no more but still reports playing");
        }
    }

    @Test
    void switchingWithRestartStartsTheModelAgainFromTheSeedsWeights() throws Exception {
        ExperimentConfig config = config();
        try (Trainer trainer = new Trainer(config)) {
            float[] relu0 = grid(trainer.latest(), 0).clone();
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            trainer.await(s -> s.epoch() >= 3, WAIT);

            trainer.send(new TrainerCommand.SwitchActivation(0, Activations.TANH, SwitchMode.RESTART));
            Snapshot s = trainer.await(x -> x.models().get(0).activation() == Activations.TANH, WAIT);
            assertEquals(3, s.epoch());
            assertEquals(0, s.models().get(0).epoch());
            assertEquals(3, s.models().get(1).epoch());
            assertSame(Activations.TANH, s.config().models().get(0));
            assertEquals(1, s.switches().size());
            SwitchEvent event = s.switches().get(0);
            assertEquals(new SwitchEvent(3, 0, Activations.RELU, Activations.TANH, SwitchMode.RESTART), event);
            // the fresh Tanh network of the same seed
            ModelRun fresh = new ModelRun("tanh", config.data(),
                    config.network().withActivation(Activations.TANH), config.optimizer(),
                    config.batchSize(), config.seed());
            assertArrayEquals(fresh.predict(config.data().gridX()), grid(s, 0));

            // and back: the very same initial ReLU network
            trainer.send(new TrainerCommand.SwitchActivation(0, Activations.RELU, SwitchMode.RESTART));
            Snapshot back = trainer.await(x -> x.models().get(0).activation() == Activations.RELU, WAIT);
            assertArrayEquals(relu0, grid(back, 0));
            assertEquals(0, back.models().get(0).epoch());
            assertEquals(2, back.switches().size());
            // it trains on from there
            trainer.send(new TrainerCommand.Step());
            Snapshot next = trainer.await(x -> x.epoch() >= 4, WAIT);
            assertEquals(1, next.models().get(0).epoch());
            assertEquals(4, next.models().get(1).epoch());
        }
    }

    @Test
    void switchingAndKeepingTheWeightsContinuesTheModel() throws Exception {
        ExperimentConfig config = config();
        try (Trainer trainer = new Trainer(config)) {
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            Snapshot trained = trainer.await(s -> s.epoch() >= 3, WAIT);
            float[] reluTrained = grid(trained, 0).clone();

            trainer.send(new TrainerCommand.SwitchActivation(0, Activations.TANH, SwitchMode.KEEP_WEIGHTS));
            Snapshot s = trainer.await(x -> x.models().get(0).activation() == Activations.TANH, WAIT);
            assertEquals(3, s.models().get(0).epoch(), "the model's epoch count continues");
            assertEquals(new SwitchEvent(3, 0, Activations.RELU, Activations.TANH, SwitchMode.KEEP_WEIGHTS),
                    s.switches().get(0));
            ModelRun fresh = new ModelRun("tanh", config.data(),
                    config.network().withActivation(Activations.TANH), config.optimizer(),
                    config.batchSize(), config.seed());
            assertFalse(Arrays.equals(fresh.predict(config.data().gridX()), grid(s, 0)),
                    "trained weights were thrown away");
            assertFalse(Arrays.equals(reluTrained, grid(s, 0)), "the activation did not change");

            // back to ReLU keeping the weights: exactly the trained ReLU network again
            trainer.send(new TrainerCommand.SwitchActivation(0, Activations.RELU, SwitchMode.KEEP_WEIGHTS));
            Snapshot back = trainer.await(x -> x.models().get(0).activation() == Activations.RELU, WAIT);
            assertArrayEquals(reluTrained, grid(back, 0));
            assertEquals(3, back.models().get(0).epoch());
            trainer.send(new TrainerCommand.Step());
            assertEquals(4, trainer.await(x -> x.epoch() >= 4, WAIT).models().get(0).epoch());
        }
    }

    @Test
    void anInvalidCommandIsPublishedAsAFailureAndTheThreadSurvives() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            double lr = trainer.latest().config().optimizer().learningRate();
            long id = trainer.send(new TrainerCommand.SetLearningRate(-1));
            Snapshot failed = trainer.await(s -> s.outcome(id).isPresent(), WAIT);
            CommandOutcome outcome = failed.outcome(id).orElseThrow();
            assertTrue(outcome.failed());
            assertTrue(outcome.message().contains("learning rate"), outcome.message());
            assertNull(failed.failure(), "a refused command is no training error");
            assertFalse(failed.playing());
            assertEquals(lr, failed.config().optimizer().learningRate());
            assertTrue(trainer.isAlive());
            trainer.send(new TrainerCommand.Step());
            assertEquals(1, trainer.await(s -> s.epoch() >= 1, WAIT).epoch());
            trainer.send(new TrainerCommand.SwitchActivation(5, Activations.TANH, SwitchMode.RESTART));
            trainer.send(new TrainerCommand.Step());
            assertEquals(2, trainer.await(s -> s.epoch() >= 2, WAIT).epoch());
            assertTrue(trainer.isAlive());
        }
    }

    @Test
    void closeEndsTheThreadWithinASecondEvenAtFullSpeed() throws Exception {
        Trainer trainer = new Trainer(ExperimentConfig.classic().withEpochLimit(0), Double.POSITIVE_INFINITY);
        trainer.send(new TrainerCommand.Play());
        trainer.await(s -> s.epoch() >= 2, WAIT);
        assertTrue(trainer.latest().playing());
        long start = System.nanoTime();
        trainer.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(trainer.isAlive(), "trainer thread still alive after close()");
        assertFalse(trainer.thread().isAlive());
        assertTrue(millis < 1000, "close took " + millis + " ms");
        trainer.close(); // twice is fine
    }

    @Test
    void closeEndsAnIdleThreadToo() {
        Trainer trainer = new Trainer(config());
        trainer.close();
        assertFalse(trainer.isAlive());
    }

    @Test
    void pollReturnsNullOnceEmptiedUntilTheNextPublish() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            Snapshot first = trainer.poll();
            assertNotNull(first);
            assertEquals(0, first.epoch());
            assertNull(trainer.poll());
            assertNull(trainer.poll());
            Snapshot published = barrier(trainer, 7);
            Snapshot polled = trainer.poll();
            assertNotNull(polled);
            assertTrue(polled.sequence() >= published.sequence());
            assertTrue(polled.sequence() > first.sequence());
            assertNull(trainer.poll());
            assertSame(trainer.latest(), polled);
        }
    }
}
