package org.activationlab.ui.fit;

import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.instruments.InstrumentFx;
import javafx.geometry.Rectangle2D;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 9 of issue 8: after quick switches the loss chart's switch labels piled up on each
 * other. Every switch keeps its marker; a label is drawn only where it has room, newest first.
 */
class LossChartSwitchLabelsTest {

    private static final List<Activation> QUICK = List.of(Activations.TANH, Activations.SIGMOID,
            Activations.ELU, Activations.GELU, Activations.SILU, Activations.LEAKY_RELU, Activations.SELU,
            Activations.RELU, Activations.TANH, Activations.SIGMOID, Activations.ELU, Activations.GELU);

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    /** Twelve switches, one every epoch: the teacher pressing digit keys in quick succession. */
    private static Snapshot quickSwitches() throws Exception {
        ExperimentConfig config = InstrumentFx.smallClassic();
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            for (Activation a : QUICK) {
                trainer.send(new TrainerCommand.Step());
                trainer.send(new TrainerCommand.SwitchActivation(0, a, SwitchMode.RESTART));
            }
            trainer.send(new TrainerCommand.Step());
            return trainer.await(s -> s.epoch() >= QUICK.size() + 1 && s.switches().size() == QUICK.size(),
                    FxTestSupport.TIMEOUT_MS);
        }
    }

    @Test
    void switchLabelsNeverOverlapAndTheNewestIsLabelled() throws Exception {
        Snapshot s = quickSwitches();
        assertEquals(QUICK.size(), s.switches().size(), "precondition: every switch recorded");
        for (double[] size : new double[][]{{900, 220}, {600, 160}}) {
            LossChart chart = onFx(FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> {
                LossChart c = new LossChart();
                c.setSnapshot(s);
                InstrumentFx.render(c, size[0], size[1]);
                return c;
            });
            List<Rectangle2D> labels = onFx(chart::switchLabelBounds);
            PlotViewport v = onFx(chart::viewport);
            assertFalse(labels.isEmpty(), "some switch is labelled");
            assertTrue(labels.size() < QUICK.size(), "twelve labels cannot fit one per epoch: " + labels.size());
            assertEquals(QUICK.size(), onFx(chart::switchMarkerCount), "every switch keeps its marker");
            for (int i = 0; i < labels.size(); i++) {
                Rectangle2D a = labels.get(i);
                assertTrue(a.getMinX() >= v.left() - 0.5 && a.getMaxX() <= v.right() + 0.5
                        && a.getMinY() >= v.top() - 0.5 && a.getMaxY() <= v.bottom() + 0.5,
                        "label " + a + " inside the plot " + v);
                for (int j = i + 1; j < labels.size(); j++) {
                    assertFalse(a.intersects(labels.get(j)), "labels overlap: " + a + " and " + labels.get(j)
                            + " at " + size[0] + "×" + size[1]);
                }
            }
            assertEquals("→ " + QUICK.get(QUICK.size() - 1).displayName(), onFx(() -> chart.switchLabelTexts().get(0)),
                    "the newest switch is labelled first");
        }
    }
}
