package org.activationlab.ui;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.fit.FitChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status line and the legend give each network's own epoch count (issue 9 item 2). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusTextTest {

    @Test
    void afterARestartEachNetworksEpochsAreShown() throws Exception {
        ExperimentConfig config = ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withEpochLimit(10);
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Step());
            trainer.send(new TrainerCommand.Step());
            Snapshot two = trainer.await(s -> s.epoch() == 2, 20_000);
            String same = MainView.statusText(two);
            assertTrue(same.startsWith("Epoch 2 / 10   ·"), same);

            long id = trainer.send(new TrainerCommand.SwitchActivation(0, Activations.TANH, SwitchMode.RESTART));
            trainer.send(new TrainerCommand.Step());
            Snapshot s = trainer.await(x -> x.outcome(id).isPresent() && x.epoch() == 3, 20_000);
            String status = MainView.statusText(s);
            assertTrue(status.startsWith("Epochs: Tanh network 1 / 10, Linear (no activation) 3 / 10   ·"),
                    status);
            String legend = FitChart.legendText(s.models().get(0));
            assertTrue(legend.endsWith("epoch 1"), legend);
            assertTrue(FitChart.legendText(s.models().get(1)).endsWith("epoch 3"));
        }
    }
}
