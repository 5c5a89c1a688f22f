package org.activationlab.ui;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.MseFormat;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.fit.FitChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    /** Every MSE the status line and legend show goes through the one formatter (issue 9 item 9). */
    @Test
    void statusAndLegendUseTheOneMseFormatAndNameTwoLinearNetworksApart() throws Exception {
        ExperimentConfig config = ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withModel(0, Activations.LINEAR).withEpochLimit(10);
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Step());
            Snapshot s = trainer.await(x -> x.epoch() == 1, 20_000);
            ModelStats switched = s.models().get(0);
            ModelStats baseline = s.models().get(1);
            String status = MainView.statusText(s);
            assertTrue(status.contains("   ·   Linear network (switched): MSE "
                    + MseFormat.format(switched.mse()) + "   ·   "), status);
            assertTrue(status.contains("   ·   Linear (no activation): MSE "
                    + MseFormat.format(baseline.mse()) + "   ·   "), status);
            String legend = FitChart.legendText(switched, s.models());
            assertEquals("Linear network (switched)  MSE " + MseFormat.format(switched.mse()) + " · epoch 1", legend);
            assertEquals("Linear (no activation)  MSE " + MseFormat.format(baseline.mse()) + " · epoch 1",
                    FitChart.legendText(baseline, s.models()));
            assertNotEquals(ModelText.label(switched, s.models()), ModelText.label(baseline, s.models()));
            assertEquals(MseFormat.format(switched.mse()), ModelText.mse(switched.mse()));
        }
    }
}
