package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline of predictions: a long run stays within its memory budget, thinning keeps epoch 0,
 * the newest and the switch epochs, a lookup finds the nearest kept epoch, published views never
 * change, and a session's entries are the predictions a run of the same seed stopped at that
 * epoch has (an independent check through determinism).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PredictionTimelineTest {

    private static final int GRID = 40;
    private static final int MODELS = 2;
    /** What one entry of distinct arrays costs by the documented rule. */
    private static final long ENTRY = PredictionTimeline.ENTRY_OVERHEAD + 8L * MODELS
            + MODELS * (PredictionTimeline.ARRAY_OVERHEAD + 4L * GRID);

    /** Three sets of arrays used in turn: neighbouring entries never share one. */
    private static final float[][][] POOL = new float[3][MODELS][GRID];

    private static float[][] arrays(int epoch) {
        return POOL[epoch % 3];
    }

    @Test
    void aLongRunStaysWithinTheBudgetAndKeepsMostOfIt() {
        long budget = 200 * ENTRY;
        PredictionTimeline.Builder b = new PredictionTimeline.Builder(MODELS, budget);
        int maxSeen = 0;
        for (int e = 0; e <= 100_000; e++) {
            b.append(e, arrays(e));
            PredictionTimeline t = b.view();
            assertTrue(t.bytes() <= budget, "epoch " + e + ": " + t.bytes() + " > " + budget);
            maxSeen = Math.max(maxSeen, t.size());
        }
        PredictionTimeline t = b.view();
        assertEquals(t.size() * ENTRY, t.bytes(), "every entry counted by the rule");
        assertEquals(200, maxSeen, "fills the budget before thinning");
        assertTrue(t.size() >= 100, "thinning halves at most: " + t.size() + " kept");
        assertEquals(0, t.epochAt(0));
        assertEquals(100_000, t.newestEpoch());
        assertTrue(t.stride() > 1);
        for (int i = 1; i < t.size() - 1; i++) {
            assertEquals(0, t.epochAt(i) % t.stride(), "old epochs are multiples of the stride");
            assertTrue(t.epochAt(i) > t.epochAt(i - 1));
        }
    }

    @Test
    void thinningKeepsEpochZeroTheNewestAndEverySwitch() {
        PredictionTimeline.Builder b = new PredictionTimeline.Builder(MODELS, 100 * ENTRY);
        List<Integer> switches = List.of(7, 333, 4_001, 9_999);
        for (int e = 0; e <= 20_000; e++) {
            b.append(e, arrays(e));
            if (switches.contains(e)) {
                b.markSwitch(e);
            }
        }
        PredictionTimeline t = b.view();
        assertTrue(t.stride() >= 128, "thinned: stride " + t.stride());
        List<Integer> kept = epochs(t);
        assertEquals(0, kept.get(0));
        assertEquals(20_000, kept.get(kept.size() - 1));
        for (int s : switches) {
            assertTrue(kept.contains(s), "before switch at " + s + ": " + kept);
            assertTrue(kept.contains(s + 1), "after switch at " + s + ": " + kept);
        }
    }

    @Test
    void switchesAloneOverTheBudgetAreThinnedToo() {
        PredictionTimeline.Builder b = new PredictionTimeline.Builder(MODELS, 50 * ENTRY);
        for (int e = 0; e <= 1_000; e++) {
            b.append(e, arrays(e));
            b.markSwitch(e); // a switch after every epoch
            assertTrue(b.view().bytes() <= 50 * ENTRY);
        }
        PredictionTimeline t = b.view();
        assertEquals(0, t.epochAt(0));
        assertEquals(1_000, t.newestEpoch());
    }

    @Test
    void lookupReturnsTheNearestKeptEpoch() {
        PredictionTimeline.Builder b = new PredictionTimeline.Builder(MODELS, Long.MAX_VALUE);
        for (int e : new int[]{0, 4, 8, 20}) {
            b.append(e, arrays(e));
        }
        PredictionTimeline t = b.view();
        assertEquals(0, t.indexOf(-5));
        assertEquals(0, t.indexOf(0));
        assertEquals(0, t.indexOf(1));
        assertEquals(0, t.indexOf(2), "a tie goes to the earlier");
        assertEquals(1, t.indexOf(3));
        assertEquals(1, t.indexOf(5));
        assertEquals(1, t.indexOf(6));
        assertEquals(2, t.indexOf(7));
        assertEquals(2, t.indexOf(14));
        assertEquals(3, t.indexOf(15));
        assertEquals(3, t.indexOf(20));
        assertEquals(3, t.indexOf(1_000));
        assertEquals(-1, new PredictionTimeline.Builder(MODELS, 1).view().indexOf(3));
    }

    @Test
    void aPublishedViewNeverChanges() {
        PredictionTimeline.Builder b = new PredictionTimeline.Builder(MODELS, 30 * ENTRY);
        for (int e = 0; e < 20; e++) {
            b.append(e, arrays(e));
        }
        PredictionTimeline early = b.view();
        List<Integer> before = epochs(early);
        for (int e = 20; e < 5_000; e++) {
            b.append(e, arrays(e));
        }
        assertEquals(before, epochs(early), "thinning and appending leave old views alone");
        for (int i = 0; i < early.size(); i++) {
            assertSame(arrays(before.get(i))[1], early.predictions(i, 1));
        }
        assertTrue(b.view().stride() > 1);
    }

    @Test
    void entriesThatShareTheirArraysCostOnlyTheirOverhead() {
        PredictionTimeline.Builder b = new PredictionTimeline.Builder(MODELS, Long.MAX_VALUE);
        float[][] same = arrays(0);
        for (int e = 0; e < 1_000; e++) {
            b.append(e, same); // unmeasured epochs repeat the measured predictions
        }
        long overhead = PredictionTimeline.ENTRY_OVERHEAD + 8L * MODELS;
        assertEquals(ENTRY + 999 * overhead, b.view().bytes());
    }

    /**
     * The figure the README gives: the classic pair, whose 1000 sorted points are their own
     * plotting grid, costs about 8 kB an epoch, so 64 MiB keep about 8,300 epochs unthinned.
     */
    @Test
    void classicPairCostsAbout8KbAnEpochAndKeepsAbout8300EpochsBeforeThinning() {
        TrainingSession s = TrainingSession.build(ExperimentConfig.classic().withEpochLimit(0));
        s.trainEpoch();
        s.trainEpoch();
        PredictionTimeline t = s.timeline();
        long perEpoch = t.bytes() / t.size();
        assertEquals(1000, s.config().data().gridX().length);
        assertEquals(8 + 16 + 2 * (16 + 4 * 1000), perEpoch);
        long epochs = PredictionTimeline.DEFAULT_BUDGET / perEpoch;
        assertTrue(epochs > 8_000 && epochs < 8_500, epochs + " epochs");
    }

    @Test
    void eachEntryIsWhatARunOfTheSameSeedStoppedAtThatEpochPredicts() {
        ExperimentConfig config = TrainingSessionTest.config();
        TrainingSession s = TrainingSession.build(config);
        for (int e = 0; e < 4; e++) {
            s.trainEpoch();
        }
        PredictionTimeline t = s.timeline();
        assertEquals(5, t.size());
        for (int e = 0; e <= 4; e++) {
            assertEquals(e, t.epochAt(e));
            for (int m = 0; m < 2; m++) {
                assertArrayEquals(TrainingSessionTest.alone(config, m, e), t.predictions(e, m), "epoch " + e + " model " + m);
            }
        }
    }

    @Test
    void aSwitchMidRunKeepsTheStateBeforeItAndTheRestartedModelAfter() {
        ExperimentConfig config = TrainingSessionTest.config();
        TrainingSession s = TrainingSession.build(config);
        s.trainEpoch();
        s.trainEpoch();
        s.switchActivation(0, Activations.TANH, SwitchMode.RESTART);
        s.trainEpoch();
        PredictionTimeline t = s.timeline();
        assertEquals(4, t.size());
        assertArrayEquals(TrainingSessionTest.alone(config, 0, 2), t.predictions(2, 0), "epoch 2: ReLU before the switch");
        ExperimentConfig tanh = config.withModel(0, Activations.TANH);
        assertArrayEquals(TrainingSessionTest.alone(tanh, 0, 1), t.predictions(3, 0), "epoch 3: Tanh one epoch after restarting");
        assertArrayEquals(TrainingSessionTest.alone(config, 1, 3), t.predictions(3, 1), "the linear model trained on");
    }

    @Test
    void aSnapshotAtAnEarlierEpochShowsThatEpochsPredictionsLossAndActivation() throws Exception {
        ExperimentConfig config = TrainingSessionTest.config();
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            trainer.await(s -> s.epoch() == 2, 30_000);
            trainer.send(new TrainerCommand.SwitchActivation(0, Activations.TANH, SwitchMode.RESTART));
            trainer.send(new TrainerCommand.Step());
            Snapshot live = trainer.await(s -> s.epoch() == 3 && !s.switches().isEmpty()
                    && s.timeline().size() == 4, 30_000);
            Snapshot then = live.atEpoch(2);
            assertEquals(Activations.RELU, then.models().get(0).activation());
            assertEquals(Activations.RELU, then.config().models().get(0));
            assertEquals(Activations.TANH, live.models().get(0).activation());
            assertEquals(2, then.models().get(0).epoch());
            assertEquals(live.histories().get(0).mse().get(2), (float) then.models().get(0).mse());
            assertArrayEquals(TrainingSessionTest.alone(config, 0, 2), then.models().get(0).gridPredictions());
            assertArrayEquals(TrainingSessionTest.alone(config, 1, 2), then.models().get(1).gridPredictions());
            Snapshot after = live.atEpoch(3);
            assertEquals(Activations.TANH, after.models().get(0).activation());
            assertEquals(1, after.models().get(0).epoch(), "restarted one epoch ago");
            assertEquals(3, then.epoch(), "the run's own state stays");
        }
    }

    @Test
    void aResetStartsANewTimeline() throws Exception {
        try (Trainer trainer = new Trainer(TrainingSessionTest.config(), Double.POSITIVE_INFINITY)) {
            for (int i = 0; i < 3; i++) {
                trainer.send(new TrainerCommand.Step());
            }
            Snapshot trained = trainer.await(s -> s.epoch() == 3 && s.timeline().size() == 4, 30_000);
            assertEquals(3, trained.timeline().newestEpoch());
            trainer.send(new TrainerCommand.Reset());
            Snapshot reset = trainer.await(s -> s.epoch() == 0 && s.sequence() > trained.sequence(), 30_000);
            assertEquals(1, reset.timeline().size());
            assertEquals(0, reset.timeline().newestEpoch());
            assertFalse(reset.timeline() == trained.timeline());
            assertEquals(4, trained.timeline().size(), "the old run's view is unchanged");
        }
    }

    private static List<Integer> epochs(PredictionTimeline t) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            list.add(t.epochAt(i));
        }
        return list;
    }
}
