package org.activationlab.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryPreloadTest {

    @Test
    void preloadAppendsHistoryAndSwitchMarkersWithoutTraining() throws Exception {
        try (Trainer trainer = new Trainer(ExperimentConfig.classic().withEpochLimit(0))) {
            float weightBefore = trainer.latest().models().get(0).weights().get(0)[0];

            trainer.send(new TrainerCommand.PreloadHistory(1000));
            Snapshot s = trainer.await(x -> x.epoch() == 1000, 10_000);

            assertEquals(2, s.histories().size());
            for (ModelHistory h : s.histories()) {
                assertEquals(1001, h.mse().length());
                assertEquals(1001, h.gradientNorm().get(0).length());
                assertTrue(h.mse().positiveMin() > 0);
                assertNotEquals(h.mse().get(500), h.mse().get(501), "the made-up values scatter");
            }
            // Markers at epochs 150, 300, …, 900.
            assertEquals(6, s.switches().size());
            assertEquals(150, s.switches().get(0).epoch());
            assertEquals(weightBefore, s.models().get(0).weights().get(0)[0], "nothing was trained");
        }
    }
}
