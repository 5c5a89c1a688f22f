package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At the drawer's largest experiments an epoch takes seconds to minutes and building one tens of
 * seconds: Pause, Step, Reset, switching and {@link Trainer#close()} act between batches (and
 * between chunks of points while building), not when the epoch or the build ends. No test sleeps:
 * each waits, with a bound, for the state it needs (a snapshot inside an epoch, the trainer thread
 * inside a build).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrainerLifecycleTest {

    private static final long WAIT = 60_000;

    /** The drawer's maxima: 100,000 points, width 512, depth 8, batch 1. */
    static ExperimentConfig drawerMaxima() {
        return ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, Dataset.MAX_POINTS, Dataset.DEFAULT_MIN_X,
                        Dataset.DEFAULT_MAX_X, 0, 0))
                .withNetwork(new NetworkSpec(NetworkSpec.MAX_DEPTH, NetworkSpec.MAX_WIDTH, Activations.RELU,
                        Initializer.GLOROT_UNIFORM, 1, 0))
                .withBatchSize(1).withEpochLimit(0);
    }

    /**
     * The drawer's maximal network and batch on 500 points: it builds in a second or two, and an
     * epoch (500 steps of a 1-512×8-1 network) takes far longer than a command needs.
     */
    static ExperimentConfig longEpochs() {
        return drawerMaxima().withData(Dataset.generate(TargetFunction.SIN, 500, Dataset.DEFAULT_MIN_X,
                Dataset.DEFAULT_MAX_X, 0, 0));
    }

    /** Waits (bounded) until the trainer thread is building an experiment. */
    static void awaitBuilding(Trainer trainer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (StackTraceElement e : trainer.thread().getStackTrace()) {
                if (e.getClassName().equals(TrainingSession.class.getName()) && e.getMethodName().equals("build")) {
                    return;
                }
            }
            Thread.onSpinWait();
            Thread.sleep(1); // polling the thread's state, not waiting for luck
        }
        throw new AssertionError("the trainer never started building");
    }

    /** Plays and returns the first snapshot published inside the first epoch. */
    private static Snapshot playUntilInsideAnEpoch(Trainer trainer) throws Exception {
        trainer.send(new TrainerCommand.Play());
        return trainer.await(s -> s.epochProgress() > 0, WAIT);
    }

    private static final ExperimentConfig SMALL = ExperimentConfig.classic().withData(
            Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));

    @Test
    void closeDuringABuildEndsTheThread() throws Exception {
        Trainer trainer = new Trainer(SMALL, 20, Long.MAX_VALUE);
        try {
            trainer.send(new TrainerCommand.Load(drawerMaxima()));
            awaitBuilding(trainer);
            trainer.close();
            assertTrue(trainer.awaitTermination(10_000), "the trainer thread still builds after close()");
        } finally {
            trainer.close();
        }
    }

    @Test
    void closeDuringAnEpochEndsTheThread() throws Exception {
        Trainer trainer = new Trainer(longEpochs(), 20, Long.MAX_VALUE);
        try {
            Snapshot inside = playUntilInsideAnEpoch(trainer);
            assertEquals(0, inside.epoch());
            trainer.close();
            assertTrue(trainer.awaitTermination(10_000), "the trainer thread still trains after close()");
        } finally {
            trainer.close();
        }
    }

    @Test
    void pauseStepAndResetActBetweenBatches() throws Exception {
        try (Trainer trainer = new Trainer(longEpochs(), 20, Long.MAX_VALUE)) {
            Snapshot inside = playUntilInsideAnEpoch(trainer);
            assertTrue(inside.playing());
            assertTrue(inside.epochProgress() < 1);

            long pause = trainer.send(new TrainerCommand.Pause());
            Snapshot paused = trainer.await(s -> s.outcome(pause).isPresent(), WAIT);
            assertFalse(paused.playing());
            assertEquals(0, paused.epoch(), "Pause waited for the end of the epoch");
            double progress = paused.epochProgress();
            assertTrue(progress > 0 && progress < 1, "progress " + progress);
            // paused means paused: a later command's snapshot shows the same progress
            long speed = trainer.send(new TrainerCommand.SetSpeed(30));
            assertEquals(progress, trainer.await(s -> s.outcome(speed).isPresent(), WAIT).epochProgress());

            long switched = trainer.send(new TrainerCommand.SwitchActivation(0, Activations.TANH,
                    SwitchMode.KEEP_WEIGHTS));
            Snapshot s = trainer.await(x -> x.outcome(switched).isPresent(), WAIT);
            assertEquals(List.of(Activations.TANH, Activations.LINEAR), s.config().models());
            assertEquals(0, s.epoch());

            long reset = trainer.send(new TrainerCommand.Reset());
            Snapshot afterReset = trainer.await(x -> x.outcome(reset).isPresent(), WAIT);
            assertEquals(0, afterReset.epochProgress());
            assertEquals(0, afterReset.epoch());
            assertFalse(afterReset.playing());
        }
    }

    @Test
    void progressInsideAnEpochIsPublishedAndGrows() throws Exception {
        try (Trainer trainer = new Trainer(longEpochs(), 20, Long.MAX_VALUE)) {
            Snapshot first = playUntilInsideAnEpoch(trainer);
            double p = first.epochProgress();
            Snapshot later = trainer.await(s -> s.epochProgress() > p, WAIT);
            assertEquals(0, later.epoch());
            assertTrue(later.playing());
        }
    }
}
