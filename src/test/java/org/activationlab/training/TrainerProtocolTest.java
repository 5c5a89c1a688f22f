package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer's protocol: every command has an id and an outcome that later commands never erase;
 * a load is atomic; a refused switch leaves no trace.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainerProtocolTest {

    private static final long WAIT = 20_000;

    private static ExperimentConfig config() {
        return ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));
    }

    @Test
    void aFailureIsNotErasedByALaterCommand() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            long bad = trainer.send(new TrainerCommand.SetLearningRate(-1));
            long speed = trainer.send(new TrainerCommand.SetSpeed(5));
            assertTrue(speed > bad, "ids increase");
            Snapshot s = trainer.await(x -> x.outcome(speed).isPresent(), WAIT);
            CommandOutcome failed = s.outcome(bad).orElseThrow();
            assertTrue(failed.failed());
            assertEquals("SetLearningRate", failed.command());
            assertTrue(failed.message().contains("learning rate"), failed.message());
            assertEquals(CommandOutcome.Status.APPLIED, s.outcome(speed).orElseThrow().status());
            assertEquals(5.0, s.epochsPerSecond());
            // and still there snapshots later
            long step = trainer.send(new TrainerCommand.Step());
            Snapshot later = trainer.await(x -> x.outcome(step).isPresent() && x.epoch() == 1, WAIT);
            assertTrue(later.outcome(bad).orElseThrow().failed());
            assertEquals(1, later.outcomes().failedTotal());
        }
    }

    @Test
    void aNullSwitchIsRefusedWithNoSwitchEvent() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            long id = trainer.send(new TrainerCommand.SwitchActivation(0, null, SwitchMode.RESTART));
            CommandOutcome outcome = trainer.awaitOutcome(id, WAIT);
            assertTrue(outcome.failed());
            assertTrue(outcome.message().contains("activation"), outcome.message());
            Snapshot s = trainer.latest();
            assertTrue(s.switches().isEmpty(), "a refused switch recorded " + s.switches());
            assertSame(Activations.RELU, s.config().models().get(0));
            assertNull(s.failure());
            long noModel = trainer.send(new TrainerCommand.SwitchActivation(7, Activations.TANH, SwitchMode.RESTART));
            assertTrue(trainer.awaitOutcome(noModel, WAIT).failed());
            assertTrue(trainer.latest().switches().isEmpty());
        }
    }

    @Test
    void aLoadOverTheMemoryBudgetLeavesTheExperimentTrainingUnchanged() throws Exception {
        ExperimentConfig config = config().withEpochLimit(0);
        ExperimentConfig huge = config.withNetwork(new NetworkSpec(8, 512, Activations.RELU,
                Initializer.GLOROT_UNIFORM, 1, 0));
        long budget = TrainingSession.estimatedBytes(config) * 4;
        assertTrue(TrainingSession.estimatedBytes(huge) > budget);
        try (Trainer trainer = new Trainer(config, 200, budget)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot before = trainer.await(s -> s.epoch() >= 2, WAIT);
            long id = trainer.send(new TrainerCommand.Load(huge));
            Snapshot after = trainer.await(s -> s.outcome(id).isPresent(), WAIT);
            CommandOutcome outcome = after.outcome(id).orElseThrow();
            assertTrue(outcome.failed());
            assertTrue(outcome.message().contains("MiB"), outcome.message());
            assertTrue(outcome.message().contains("1-512-512-512-512-512-512-512-512-1")
                    || outcome.message().contains("512"), outcome.message());
            assertEquals(config.network(), after.config().network());
            assertTrue(after.playing(), "the experiment kept training");
            assertTrue(after.epoch() >= before.epoch());
            int epoch = after.epoch();
            assertTrue(trainer.await(s -> s.epoch() > epoch, WAIT).playing());
        }
    }

    @Test
    void aNullLoadIsRefusedAndChangesNothing() throws Exception {
        try (Trainer trainer = new Trainer(config())) {
            trainer.send(new TrainerCommand.Step());
            trainer.await(s -> s.epoch() == 1, WAIT);
            long id = trainer.send(new TrainerCommand.Load(null));
            assertTrue(trainer.awaitOutcome(id, WAIT).failed());
            assertEquals(1, trainer.latest().epoch());
        }
    }

    @Test
    void aFloodKeepsPublishingAndKeepsEveryOutcome() throws Exception {
        int n = 2000;
        try (Trainer trainer = new Trainer(config())) {
            long first = 0;
            long last = 0;
            int invalid = 0;
            for (int i = 0; i < n; i++) {
                TrainerCommand c;
                if (i % 6 == 5) {
                    c = new TrainerCommand.SetLearningRate(-1);
                    invalid++;
                } else {
                    c = new TrainerCommand.SwitchActivation(0, i % 2 == 0 ? Activations.TANH : Activations.RELU,
                            SwitchMode.RESTART);
                }
                last = trainer.send(c);
                first = first == 0 ? last : first;
            }
            // Every distinct snapshot published while the queue drained.
            long drainStarted = System.nanoTime();
            int during = 0;
            long seen = trainer.latest().sequence();
            long finalId = last;
            while (true) {
                long seq = seen;
                Snapshot s = trainer.await(x -> x.sequence() > seq, WAIT);
                seen = s.sequence();
                if (s.outcome(finalId).isPresent()) {
                    for (long id = first; id <= finalId; id++) {
                        assertTrue(s.outcome(id).isPresent(), "no outcome for command " + id);
                    }
                    assertEquals(invalid, s.outcomes().failedTotal());
                    break;
                }
                if (s.outcomes().lastId() > first) {
                    during++;
                }
            }
            // One every PUBLISH_INTERVAL_MILLIS while the queue lasts; the count depends on how long
            // draining took on this machine, so expect at least one per two intervals (and some).
            long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;
            long expected = Math.max(2, drainMillis / (2 * Trainer.PUBLISH_INTERVAL_MILLIS));
            assertTrue(during >= expected, "only " + during + " snapshots while draining " + n
                    + " commands for " + drainMillis + " ms");
        }
    }

    @Test
    void supersededEditsAreCoalescedIntoOneBuild() throws Exception {
        int n = 400;
        try (Trainer trainer = new Trainer(config())) {
            long last = 0;
            for (int w = 1; w <= n; w++) {
                last = trainer.send(new TrainerCommand.SetNetwork(new NetworkSpec(2, 1 + w % 64,
                        Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0)));
            }
            long finalId = last;
            Snapshot s = trainer.await(x -> x.outcome(finalId).isPresent(), WAIT);
            assertEquals(CommandOutcome.Status.APPLIED, s.outcome(finalId).orElseThrow().status());
            assertEquals(1 + n % 64, s.config().network().width());
            int superseded = 0;
            for (CommandOutcome o : s.outcomes().all()) {
                assertFalse(o.failed(), o.toString());
                superseded += o.status() == CommandOutcome.Status.SUPERSEDED ? 1 : 0;
            }
            assertTrue(superseded > n / 2, "only " + superseded + " of " + n + " edits were coalesced");
            assertEquals(n, s.outcomes().total());
        }
    }

    @Test
    void aLaterLoadSupersedesTheOneBeingBuilt() throws Exception {
        ExperimentConfig big = config().withData(Dataset.generate(TargetFunction.SIN, 100_000,
                Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0)).withBatchSize(1)
                .withNetwork(new NetworkSpec(8, 512, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0));
        try (Trainer trainer = new Trainer(config(), 20, Long.MAX_VALUE)) {
            long slow = trainer.send(new TrainerCommand.Load(big));
            TrainerLifecycleTest.awaitBuilding(trainer);
            long quick = trainer.send(new TrainerCommand.Load(config().withSeed(7)));
            Snapshot s = trainer.await(x -> x.outcome(quick).isPresent(), WAIT);
            assertEquals(CommandOutcome.Status.SUPERSEDED, s.outcome(slow).orElseThrow().status());
            assertEquals(CommandOutcome.Status.APPLIED, s.outcome(quick).orElseThrow().status());
            assertEquals(7, s.config().seed());
            assertNotEquals(512, s.config().network().width());
        }
    }
}
