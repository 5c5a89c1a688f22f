package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 2: a network restarted by a mid-run switch trains to the epoch limit too, so that
 * at "the end" both networks have trained equally long; each network's own count is published.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PerModelEpochTest {

    private static final long WAIT = 20_000;

    private static ExperimentConfig config(int limit) {
        return ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withEpochLimit(limit);
    }

    @Test
    void aNetworkRestartedBySwitchTrainsToTheLimitToo() throws Exception {
        try (Trainer trainer = new Trainer(config(6), Double.POSITIVE_INFINITY)) {
            for (int i = 0; i < 3; i++) {
                trainer.send(new TrainerCommand.Step());
            }
            trainer.await(s -> s.epoch() == 3, WAIT);
            long id = trainer.send(new TrainerCommand.SwitchActivation(0, Activations.TANH, SwitchMode.RESTART));
            Snapshot switched = trainer.await(s -> s.outcome(id).isPresent(), WAIT);
            assertEquals(List.of(0, 3), switched.modelEpochs());
            assertFalse(switched.atLimit());

            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.atLimit() && !s.playing(), WAIT);
            assertEquals(List.of(6, 6), done.modelEpochs(), "each network trained to the limit");
            assertEquals(9, done.epoch(), "session epochs: 3 before the switch, 6 after");
            assertEquals(6, done.models().get(0).epoch());
            assertEquals(6, done.models().get(1).epoch());
            // The linear network waited at its limit while Tanh caught up: its own count says so.
            ModelHistory linear = done.histories().get(1);
            assertEquals(6, (int) linear.modelEpoch().get(9));
            assertEquals(linear.mse().get(6), linear.mse().get(9));

            // Play at the limit goes on for another limit's length, for both.
            trainer.send(new TrainerCommand.Play());
            Snapshot more = trainer.await(s -> s.modelEpochs().equals(List.of(12, 12)) && !s.playing(), WAIT);
            assertEquals(12, more.config().epochLimit());
            assertTrue(more.atLimit());
        }
    }
}
