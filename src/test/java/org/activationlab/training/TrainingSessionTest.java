package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one training session: the trainer thread, the command line and the benchmark train through
 * it, so its results are the reference. Stopping between batches, stepping models on their own
 * threads and training through the trainer all give exactly the weights of uninterrupted training.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainingSessionTest {

    /** The classic experiment on 200 points of sin(x), without an epoch limit (also for other tests here). */
    static ExperimentConfig config() {
        return ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withEpochLimit(0);
    }

    private static float[] grid(TrainingSession s, int model) {
        return s.model(model).run().predict(s.config().data().gridX());
    }

    /** Model {@code model} of {@code config} trained alone, the plain way (ModelRun.trainEpoch): its grid predictions. */
    static float[] alone(ExperimentConfig config, int model, int epochs) {
        ModelRun run = new ModelRun("m", config.data(),
                config.network().withActivation(config.models().get(model)), config.optimizer(),
                config.batchSize(), config.seed());
        for (int e = 0; e < epochs; e++) {
            run.trainEpoch();
        }
        return run.predict(config.data().gridX());
    }

    @Test
    void stoppingBetweenBatchesAndGoingOnTrainsExactlyTheSame() {
        TrainingSession whole = TrainingSession.build(config());
        TrainingSession pieces = TrainingSession.build(config());
        int[] calls = {0};
        BooleanSupplier everySeventh = () -> ++calls[0] % 7 == 0;
        int stops = 0;
        for (int e = 0; e < 3; e++) {
            whole.trainEpoch();
            while (!pieces.trainEpoch(everySeventh, () -> false, i -> true)) {
                stops++;
                assertTrue(pieces.epochUnderWay());
                double progress = pieces.epochProgress();
                assertTrue(progress > 0 && progress < 1, "progress " + progress);
            }
        }
        assertTrue(stops > 3, "stopped " + stops + " times");
        assertEquals(3, pieces.epoch());
        for (int m = 0; m < 2; m++) {
            assertArrayEquals(grid(whole, m), grid(pieces, m));
            assertArrayEquals(alone(config(), m, 3), grid(pieces, m));
            assertEquals(3, pieces.model(m).epoch());
            assertEquals(4, pieces.histories().get(m).mse().length());
        }
    }

    @Test
    void modelsStepIndependentlyOnTheirOwnThreads() throws Exception {
        ExperimentConfig config = config().withModels(List.of(Activations.RELU, Activations.TANH,
                Activations.LINEAR));
        TrainingSession parallel = TrainingSession.build(config);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int e = 0; e < 3; e++) {
                List<ModelTrack> tracks = parallel.modelsInEpoch();
                List<Future<Boolean>> done = new java.util.ArrayList<>();
                for (ModelTrack t : tracks) {
                    done.add(workers.submit(() -> t.trainUntilEpochEnd(() -> false)));
                }
                for (Future<Boolean> f : done) {
                    assertTrue(f.get());
                }
                parallel.endEpoch(i -> true, () -> false);
            }
        } finally {
            workers.shutdownNow();
        }
        for (int m = 0; m < 3; m++) {
            assertArrayEquals(alone(config, m, 3), grid(parallel, m), "model " + m);
        }
    }

    @Test
    void theTrainerTrainsTheSameWeightsAsTheSession() throws Exception {
        TrainingSession session = TrainingSession.build(config().withEpochLimit(4));
        while (session.canTrain()) {
            session.trainEpoch();
        }
        try (Trainer trainer = new Trainer(config().withEpochLimit(4), Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.atLimit() && !s.playing(), 20_000);
            assertEquals(4, done.epoch());
            for (int m = 0; m < 2; m++) {
                assertArrayEquals(session.model(m).stats().gridPredictions(),
                        done.models().get(m).gridPredictions());
                assertEquals(session.model(m).stats().mse(), done.models().get(m).mse());
            }
        }
    }

    @Test
    void eachModelTrainsToTheLimitCountingItsOwnEpochs() {
        TrainingSession session = TrainingSession.build(config().withEpochLimit(3));
        session.trainEpoch();
        session.switchActivation(0, Activations.TANH, SwitchMode.RESTART);
        assertEquals(0, session.model(0).epoch());
        assertEquals(1, session.model(1).epoch());
        int sessionEpochs = 1;
        while (session.canTrain()) {
            session.trainEpoch();
            sessionEpochs++;
        }
        assertEquals(3, session.model(0).epoch(), "the restarted model trains to the limit too");
        assertEquals(3, session.model(1).epoch());
        assertEquals(4, sessionEpochs);
        assertTrue(session.atLimit());
        assertArrayEquals(alone(config().withModel(0, Activations.TANH), 0, 3), grid(session, 0));
        // The model at its limit waited: its history repeats its (measured) value.
        ModelHistory linear = session.histories().get(1);
        assertEquals(linear.mse().get(3), linear.mse().get(4));
        assertEquals(3, (int) linear.modelEpoch().get(4));
    }

    @Test
    void anExperimentOverTheMemoryBudgetIsRefusedWithTheEstimate() {
        ExperimentConfig config = config();
        long bytes = TrainingSession.estimatedBytes(config);
        assertTrue(bytes > 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.build(config, () -> false, bytes - 1));
        assertTrue(e.getMessage().contains("MiB"), e.getMessage());
        assertTrue(e.getMessage().contains("1-64-64-1") || e.getMessage().contains("64"), e.getMessage());
        assertFalse(TrainingSession.build(config, () -> false, bytes).models().isEmpty());
    }

    @Test
    void trainingBetweenBatchesAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TrainingSession session = TrainingSession.build(ExperimentConfig.classic());
        ModelTrack track = session.model(0);
        BooleanSupplier never = () -> false;
        for (int e = 0; e < 60; e++) {
            track.trainUntilEpochEnd(never);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int e = 0; e < 10; e++) {
            track.trainUntilEpochEnd(never);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10 * 1024, "10 epochs allocated " + allocated + " bytes");
    }

    @Test
    void aModelThatFinishedItsEpochInAnInterruptedSessionEpochIsMeasuredWhenStaleOnesAre() {
        TrainingSession session = TrainingSession.build(ExperimentConfig.classic().withEpochLimit(0));
        int batches = session.model(0).run().batchesPerEpoch();
        // Stop before model 1's first batch: model 0 finished its epoch, the session epoch did not.
        int[] asked = {0};
        assertFalse(session.trainEpoch(() -> ++asked[0] > batches, () -> false, i -> true));
        assertEquals(1, session.model(0).run().epoch());
        assertEquals(0, session.model(1).run().epoch());
        // What a pause does: every model's statistics must then show the epoch it is at.
        session.measureStale(() -> false);
        assertEquals(1, session.model(0).stats().epoch(), "model 0 shows the epoch it trained");
        assertEquals(0, session.model(1).stats().epoch());
    }
}
