package org.activationlab.ui.fit;

import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.ui.chart.ChartCanvas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chart draws once per change: after {@link ChartCanvas#redrawIfDirty()} it is clean, and a
 * frame with nothing new draws nothing — also when the draw itself found a new mapping and so
 * redrew the static layer.
 */
class ChartRedrawTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void startToolkitAndTakeASnapshot() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (Trainer trainer = new Trainer(ExperimentConfig.classic())) {
            snapshot = trainer.latest();
        }
    }

    @Test
    void fitChartIsCleanAfterItsFirstDraw() {
        assertDrawsOncePerChange(new FitChart());
    }

    @Test
    void lossChartIsCleanAfterItsFirstDraw() {
        assertDrawsOncePerChange(new LossChart());
    }

    private static void assertDrawsOncePerChange(ChartCanvas chart) {
        onFx(() -> {
            if (chart instanceof FitChart f) {
                f.setSnapshot(snapshot);
            } else {
                ((LossChart) chart).setSnapshot(snapshot);
            }
            assertTrue(chart.isDirty());
            // As in a window: the first layout sizes the canvases and draws at once.
            chart.resize(900, 500);
            chart.layoutChildren();
            assertEquals(1, chart.redrawCount(), "the first layout draws");
            assertFalse(chart.isDirty(), "drawn, and nothing changed since");
            // The next frame has nothing new to show.
            chart.redrawIfDirty();
            assertEquals(1, chart.redrawCount(), "a frame with nothing new redraws the chart");
        });
    }
}
