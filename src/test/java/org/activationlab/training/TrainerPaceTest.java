package org.activationlab.training;

import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 11: a tiny speed (1e-10 epochs/s, {@link Double#MIN_VALUE}) is a very long wait,
 * not full speed through an overflowing period.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrainerPaceTest {

    private static final long DAY = TimeUnit.DAYS.toNanos(1);

    @Test
    void aTinySpeedWaitsInsteadOfOverflowing() {
        for (double speed : new double[] {1e-10, Double.MIN_VALUE, 1e-300}) {
            for (long now : new long[] {0, 123_456_789L, Long.MAX_VALUE - 1000, Long.MIN_VALUE + 5, -42}) {
                long next = Trainer.nextEpochTarget(now, now, speed);
                assertTrue(next - now > 365 * DAY, "speed " + speed + " at nanoTime " + now
                        + ": next epoch in " + (next - now) + " ns");
            }
        }
    }

    @Test
    void ordinarySpeedsKeepTheirPeriodAndCatchUpWhenLate() {
        assertEquals(50_000_000L, Trainer.nextEpochTarget(0, 0, 20));
        assertEquals(1_000_000_000L + 7, Trainer.nextEpochTarget(7, 7, 1));
        long late = 5_000_000_000L;
        assertEquals(late, Trainer.nextEpochTarget(0, late, 20), "behind: start at once");
        assertEquals(0, Trainer.nextEpochTarget(0, 0, Double.POSITIVE_INFINITY));
        long near = Long.MAX_VALUE - 10;
        assertEquals(near + 50_000_000L, Trainer.nextEpochTarget(near, near, 20), "wraps like nanoTime");
    }

    @Test
    void aTrainerAtATinySpeedTrainsOneEpochAndWaits() throws Exception {
        ExperimentConfig config = ExperimentConfig.classic().withData(Dataset.generate(TargetFunction.SIN,
                200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0)).withEpochLimit(0);
        try (Trainer trainer = new Trainer(config, Double.MIN_VALUE)) {
            trainer.send(new TrainerCommand.Play());
            trainer.await(s -> s.epoch() >= 1, 10_000);
            long id = trainer.send(new TrainerCommand.SetSpeed(1e-10));
            Snapshot s = trainer.await(x -> x.outcome(id).isPresent(), 10_000);
            assertEquals(1, s.epoch(), "trained on at full speed");
            assertEquals(0, s.epochProgress());
            assertTrue(s.playing());
        }
    }
}
