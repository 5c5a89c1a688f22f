package org.activationlab.ui.instruments;

import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Series;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.activationlab.ui.instruments.InstrumentFx.argb;
import static org.activationlab.ui.instruments.InstrumentFx.blend;
import static org.activationlab.ui.instruments.InstrumentFx.count;
import static org.activationlab.ui.instruments.InstrumentFx.near;
import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.activationlab.ui.instruments.InstrumentFx.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each instrument chart on its own, fed a snapshot from a real trainer, drawn in a styled scene:
 * the pixels show what the data says.
 */
class InstrumentChartsTest {

    private static final double W = 900;
    private static final double H = 230;

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    @Test
    void gradientFlowDrawsEveryLayerOfTheActivationModelBetweenLabelledBands() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic(), 4);
        GradientFlowChart chart = onFx(GradientFlowChart::new);
        WritableImage image = onFx(() -> {
            chart.setSnapshot(s);
            return render(chart, W, H);
        });
        PlotViewport v = chart.gradientViewport();
        assertNotNull(v);
        int layers = s.histories().get(0).gradientNorm().size();
        assertEquals(3, layers);
        for (int l = 0; l < layers; l++) {
            int layer = l;
            Color shade = onFx(() -> chart.layerColor(0, layer, layers));
            // Where the newest gradient norm is, the line's colour is.
            double value = s.histories().get(0).gradientNorm().get(l).last();
            double px = v.pixelX(s.epoch());
            double py = v.pixelY(value);
            assertTrue(count(image, px - 4, py - 4, px + 4, py + 4, shade, 12) > 0,
                    "layer " + (l + 1) + " at epoch " + s.epoch() + ", norm " + value);
        }
        // Epoch 0 took no step: nothing is drawn there, although its recorded norm is 0.
        Color background = onFx(() -> chart.color(ChartCanvas.ChartColor.BACKGROUND));
        Color vanishing = blend(background, onFx(() -> chart.color(ChartCanvas.ChartColor.AXIS)), 0.16);
        Color exploding = blend(background, onFx(() -> chart.color(ChartCanvas.ChartColor.MARKER)), 0.22);
        double bandX = v.left() + 4;
        // A strip of 30 × 3 pixels, not one pixel: a line or label crossing it (where depends on
        // which epochs the trainer measured) must not decide whether the band is there.
        assertTrue(mostly(image, bandX, v.bottom() - 4, vanishing), "vanishing band at the bottom");
        assertTrue(mostly(image, bandX, v.top() + 2, exploding), "exploding band at the top");
        assertTrue(mostly(image, bandX, v.pixelY(Math.pow(10, -2.5)) - 1, background),
                "no band in the healthy middle");
        // The ratio panel has the same lines.
        PlotViewport r = chart.ratioViewport();
        double ratio = s.histories().get(0).updateRatio().get(0).last();
        Color first = onFx(() -> chart.layerColor(0, 0, layers));
        assertTrue(count(image, r.pixelX(s.epoch()) - 4, r.pixelY(ratio) - 4, r.pixelX(s.epoch()) + 4,
                r.pixelY(ratio) + 4, first, 12) > 0, "update ratio of layer 1");
    }

    @Test
    void gradientFlowDrawsADivergedModelWithoutBreaking() {
        ExperimentConfig c = InstrumentFx.smallClassic().withOptimizer(OptimizerSpec.of(OptimizerKind.SGD, 10));
        Snapshot s = InstrumentFx.trained(c, 3);
        assertTrue(s.models().get(0).diverged());
        for (InstrumentChart chart : onFx(() -> List.of(new GradientFlowChart(), new DeadUnitsChart(),
                new SaturationChart(), new PReluSlopesChart()))) {
            long drawn = onFx(() -> {
                chart.setSnapshot(s);
                render(chart, W, H);
                return chart.redrawCount();
            });
            assertEquals(1, drawn, chart.getClass().getSimpleName());
        }
    }

    @Test
    void deadUnitsShowOneSquarePerUnitFilledWhereDead() {
        // Biases starting at −1 leave many ReLU units of the second layer dead from the start.
        NetworkSpec spec = new NetworkSpec(2, 24, Activations.RELU, Initializer.GLOROT_UNIFORM, 1.0, -1.0);
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic().withNetwork(spec), 2);
        ModelStats relu = s.models().get(0);
        int dead = relu.layers().get(0).deadUnits().length + relu.layers().get(1).deadUnits().length;
        assertTrue(dead > 0, "the test needs dead units");
        DeadUnitsChart chart = onFx(DeadUnitsChart::new);
        WritableImage image = onFx(() -> {
            chart.setSnapshot(s);
            return render(chart, W, H);
        });
        Color deadColor = onFx(chart::deadColor);
        DeadUnitsChart.UnitGrid[] grids = chart.grids();
        assertEquals(2, grids.length);
        int filled = 0;
        for (int l = 0; l < 2; l++) {
            LayerStats layer = relu.layers().get(l);
            assertEquals(24, grids[l].units());
            boolean[] isDead = new boolean[24];
            for (int u : layer.deadUnits()) {
                isDead[u] = true;
            }
            for (int u = 0; u < 24; u++) {
                boolean drawnDead = near(argb(image, grids[l].centreX(u), grids[l].centreY(u)), deadColor, 10);
                assertEquals(isDead[u], drawnDead, "layer " + (l + 1) + " unit " + u);
                filled += drawnDead ? 1 : 0;
            }
        }
        assertEquals(dead, filled);
    }

    /** Lessons talk about the second network too: each network has its own row, drawn from its own stats. */
    @Test
    void deadUnitsAndSaturationShowEveryNetwork() {
        NetworkSpec spec = new NetworkSpec(2, 24, Activations.RELU, Initializer.GLOROT_UNIFORM, 1.0, -1.0);
        ExperimentConfig c = InstrumentFx.smallClassic().withNetwork(spec)
                .withModels(List.of(Activations.TANH, Activations.RELU));
        Snapshot s = InstrumentFx.trained(c, 1);
        ModelStats relu = s.models().get(1);
        assertEquals(0, s.models().get(0).layers().get(1).deadUnits().length, "Tanh units never die");
        assertTrue(relu.layers().get(1).deadUnits().length > 0, "the test needs dead ReLU units");
        DeadUnitsChart chart = onFx(DeadUnitsChart::new);
        WritableImage image = onFx(() -> {
            chart.setSnapshot(s);
            return render(chart, W, H);
        });
        Color deadColor = onFx(chart::deadColor);
        for (int m = 0; m < 2; m++) {
            DeadUnitsChart.UnitGrid[] grids = chart.grids(m);
            for (int l = 0; l < 2; l++) {
                boolean[] isDead = new boolean[24];
                for (int u : s.models().get(m).layers().get(l).deadUnits()) {
                    isDead[u] = true;
                }
                for (int u = 0; u < 24; u++) {
                    assertEquals(isDead[u], near(argb(image, grids[l].centreX(u), grids[l].centreY(u)), deadColor, 10),
                            "network " + m + " layer " + (l + 1) + " unit " + u);
                }
            }
        }
        assertTrue(chart.grids(1)[0].top() > chart.grids(0)[1].top(), "the second network's row is below the first's");

        SaturationChart saturation = onFx(SaturationChart::new);
        WritableImage shaded = onFx(() -> {
            saturation.setSnapshot(s);
            return render(saturation, W, H);
        });
        PlotViewport tanh = saturation.viewport(0);
        PlotViewport reluPanel = saturation.viewport(1);
        assertTrue(reluPanel.top() >= tanh.bottom(), "one row per network");
        Color background = onFx(() -> saturation.color(ChartCanvas.ChartColor.BACKGROUND));
        Color marker = blend(background, onFx(() -> saturation.color(ChartCanvas.ChartColor.MARKER)), 0.16);
        // ReLU's f′ is 0 for x < 0: inactive (hatched), not a saturated tail; Tanh's is ≈ 0.07 at
        // x = −2 (not shaded) and tends to 0 further out (shaded).
        assertFalse(near(argb(shaded, reluPanel.pixelX(-2), reluPanel.top() + 3), marker, 4),
                "ReLU's inactive side is not shaded as saturated");
        assertFalse(near(argb(shaded, reluPanel.pixelX(-5.5), reluPanel.top() + 3), marker, 4),
                "…not even far out");
        assertTrue(near(argb(shaded, tanh.pixelX(-2), tanh.top() + 3), background, 4), "Tanh at −2 is not");
        assertTrue(near(argb(shaded, tanh.pixelX(-5.5), tanh.top() + 3), marker, 4), "Tanh at −5.5 is");
    }

    @Test
    void saturationShowsTheNetworksThatFitAndSaysSoWhenNoneDoes() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic(), 1);
        // {width, height, font px, rows expected}: a roomy strip, a short one at 250 % text.
        double[][] cases = {{900, 230, 13, 2}, {900, 120, 13, 1}, {1380, 170, 32.5, 0}, {1380, 420, 32.5, 2}};
        for (double[] c : cases) {
            SaturationChart chart = onFx(SaturationChart::new);
            int rows = onFx(() -> {
                chart.setStyle("-al-font-size: " + c[2] + "px;");
                chart.setSnapshot(s);
                render(chart, c[0], c[1]);
                return chart.rowsDrawn();
            });
            assertEquals((int) c[3], rows, (int) c[0] + "×" + (int) c[1] + " at " + c[2] + " px");
            for (int m = 0; m < rows; m++) {
                int row = m;
                PlotViewport v = onFx(() -> chart.viewport(row));
                assertTrue(v.bottom() - v.top() >= c[2], "a legible plot: " + (v.bottom() - v.top()) + " px");
                assertTrue(v.bottom() + c[2] <= c[1], "its x labels inside the chart");
            }
        }
    }

    @Test
    void saturationHistogramStandsWhereThePreActivationsAre() {
        // One hidden sigmoid layer on x in [−1, 1]: its pre-activations w·x stay inside about ±1.7,
        // so the outer bins are empty.
        NetworkSpec spec = new NetworkSpec(1, 32, Activations.SIGMOID, Initializer.GLOROT_UNIFORM, 4.0, 0);
        ExperimentConfig c = InstrumentFx.smallClassic().withNetwork(spec)
                .withData(Dataset.generate(TargetFunction.SIN, 200, -1, 1, 0, 0))
                .withModels(List.of(Activations.SIGMOID, Activations.LINEAR));
        Snapshot s = InstrumentFx.trained(c, 1);
        LayerStats layer = s.models().get(0).layers().get(0);
        SaturationChart chart = onFx(SaturationChart::new);
        WritableImage image = onFx(() -> {
            chart.setSnapshot(s);
            return render(chart, W, H);
        });
        PlotViewport v = chart.viewport();
        int[] counts = layer.histogram();
        int max = 0;
        for (int n : counts) {
            max = Math.max(max, n);
        }
        double binWidth = (LayerStats.HISTOGRAM_MAX - LayerStats.HISTOGRAM_MIN) / LayerStats.HISTOGRAM_BINS;
        int checkedFull = 0;
        int checkedEmpty = 0;
        for (int b = 0; b < counts.length; b++) {
            double x = v.pixelX(LayerStats.HISTOGRAM_MIN + (b + 0.5) * binWidth);
            int low = argb(image, x, v.bottom() - 3);
            int high = argb(image, x, v.top() + 3);
            if (counts[b] > max / 5) {
                assertFalse(near(low, Color.rgb((high >> 16) & 0xff, (high >> 8) & 0xff, high & 0xff), 12),
                        "a bar in bin " + b + " (" + counts[b] + ")");
                checkedFull++;
            } else if (counts[b] == 0) {
                assertTrue(near(low, Color.rgb((high >> 16) & 0xff, (high >> 8) & 0xff, high & 0xff), 3),
                        "no bar in empty bin " + b);
                checkedEmpty++;
            }
        }
        assertTrue(checkedFull >= 2 && checkedEmpty >= 2, checkedFull + " full, " + checkedEmpty + " empty bins");
        // The saturated region under sigmoid's flat left end is shaded, the steep middle is not.
        Color background = onFx(() -> chart.color(ChartCanvas.ChartColor.BACKGROUND));
        Color shaded = blend(background, onFx(() -> chart.color(ChartCanvas.ChartColor.MARKER)), 0.16);
        assertTrue(near(argb(image, v.pixelX(-5.5), v.top() + 3), shaded, 4), "f′ < 0.05 at x = −5.5");
        assertTrue(near(argb(image, v.pixelX(0.5), v.top() + 3), background, 4), "f′ ≈ 0.24 at x = 0.5");
        assertEquals("37% saturated", SaturationChart.shareText(0.372));
        assertEquals("—", SaturationChart.shareText(Double.NaN));
    }

    @Test
    void preluSlopesFollowTheLearnedSlopeAndExplainThemselvesOtherwise() {
        PReluSlopesChart chart = onFx(PReluSlopesChart::new);
        Snapshot relu = InstrumentFx.trained(InstrumentFx.smallClassic(), 1);
        onFx(() -> {
            chart.setSnapshot(relu);
            render(chart, W, H);
        });
        assertEquals(PReluSlopesChart.NO_PRELU, chart.note());

        ExperimentConfig c = InstrumentFx.smallClassic().withOptimizer(OptimizerSpec.of(OptimizerKind.ADAM, 1e-2))
                .withModels(List.of(Activations.PRELU, Activations.LINEAR));
        Snapshot prelu = InstrumentFx.trained(c, 5);
        WritableImage image = onFx(() -> {
            chart.setSnapshot(prelu);
            return render(chart, W, H);
        });
        assertEquals("", chart.note());
        PlotViewport v = chart.viewport();
        List<Series> slopes = prelu.histories().get(0).learnedSlope();
        for (int l = 0; l < slopes.size(); l++) {
            int layer = l;
            Color shade = onFx(() -> chart.shade(chart.color(ChartCanvas.ChartColor.ACTIVATION), layer, slopes.size()));
            double px = v.pixelX(slopes.get(l).length() - 1);
            double py = v.pixelY(slopes.get(l).last());
            assertTrue(count(image, px - 3, py - 3, px + 3, py + 3, shade, 12) > 0,
                    "layer " + (l + 1) + " slope " + slopes.get(l).last());
        }
    }

    /** Whether at least two thirds of the 30 × 3 pixels from (x, y) are {@code colour}. */
    private static boolean mostly(WritableImage image, double x, double y, Color colour) {
        return count(image, x, y, x + 30, y + 3, colour, 4) >= 60;
    }
}
