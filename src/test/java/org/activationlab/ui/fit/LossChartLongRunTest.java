package org.activationlab.ui.fit;

import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a long run the loss chart's frame does not redraw what did not change: the grid, axes
 * and switch markers (the static layer) are drawn again only when the axis moves on a round
 * step or a switch is added, not for every epoch.
 */
class LossChartLongRunTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void epochsOfALongRunRedrawOnlyTheLiveLayer() throws Exception {
        List<Snapshot> snapshots = new ArrayList<>();
        try (Trainer trainer = new Trainer(ExperimentConfig.classic().withEpochLimit(0), 1000)) {
            trainer.send(new TrainerCommand.PreloadHistory(20_001));
            Snapshot s = trainer.await(x -> x.epoch() == 20_001, 20_000);
            snapshots.add(s);
            trainer.send(new TrainerCommand.Play());
            for (int i = 0; i < 6; i++) {
                int epoch = s.epoch();
                s = trainer.await(x -> x.epoch() > epoch, 20_000);
                snapshots.add(s);
            }
        }
        int switches = snapshots.get(0).switches().size();
        assertTrue(switches > 100, "the preload marks switches: " + switches);
        LossChart chart = onFx(LossChart::new);
        onFx(() -> {
            chart.setSnapshot(snapshots.get(0));
            chart.resize(900, 300);
            chart.layoutChildren();
            long staticBefore = chart.staticRedrawCount();
            for (Snapshot s : snapshots.subList(1, snapshots.size())) {
                chart.setSnapshot(s);
                chart.redrawIfDirty();
            }
            assertEquals(snapshots.size(), chart.redrawCount(), "every new snapshot is drawn");
            assertEquals(staticBefore, chart.staticRedrawCount(),
                    "epochs 20,001 → " + snapshots.get(snapshots.size() - 1).epoch() + " stay on the axis to 22,000");
            assertEquals(22_000, chart.viewport().maxX());
        });
    }
}
