package org.activationlab.ui.instruments;

import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.activationlab.engine.Activations;
import org.activationlab.engine.FunctionShape;
import org.activationlab.engine.LinearCollapse;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.fit.FitChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.activationlab.ui.instruments.InstrumentFx.count;
import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.activationlab.ui.instruments.InstrumentFx.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kinks and the collapsed line over the fit chart, from a real trainer's snapshot. */
class FitShapeOverlayTest {

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    @Test
    void equationsUseMinusSignsAndThreeDecimals() {
        assertEquals("y = −0.076x + 0.000", FitShapeOverlay.equation(new LinearCollapse.Line(-0.0761, -0.0004)));
        assertEquals("y = 1.250x − 2.000", FitShapeOverlay.equation(new LinearCollapse.Line(1.25, -2)));
        assertEquals("y = 0.000x + 0.500", FitShapeOverlay.equation(new LinearCollapse.Line(-0.0001, 0.5)));
    }

    @Test
    void reluModelGetsATickAtEveryKinkAndTheLinearModelItsLine() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic(), 3);
        ModelStats relu = s.models().get(0);
        ModelStats linear = s.models().get(1);
        FunctionShape shape = relu.shape();
        assertTrue(shape.kinks().length > 5, "kinks: " + shape.kinks().length);
        assertEquals("ReLU network: " + (shape.kinks().length + 1) + " linear pieces (ticks: kinks)",
                FitShapeOverlay.piecesText(relu));
        String collapse = FitShapeOverlay.collapseText(linear.shape());
        assertEquals("Linear net = one line: " + FitShapeOverlay.equation(linear.shape().line())
                + "   (best line: " + FitShapeOverlay.equation(linear.shape().bestLine()) + ")", collapse);
        assertNull(FitShapeOverlay.piecesText(linear), "a linear net is one line, not pieces");
        assertNull(FitShapeOverlay.collapseText(relu.shape()));

        FitChart chart = onFx(FitChart::new);
        WritableImage image = onFx(() -> {
            chart.addOverlay(new FitShapeOverlay());
            chart.setSnapshot(s);
            return render(chart, 1000, 560);
        });
        PlotViewport v = chart.viewport();
        Color activation = onFx(() -> chart.color(ChartCanvas.ChartColor.ACTIVATION));
        double fs = onFx(chart::fontSize);
        int ticked = 0;
        for (double k : shape.kinks()) {
            double px = Math.round(v.pixelX(k)) + 0.5;
            // The tick rises from the bottom edge by 0.75 font sizes.
            if (count(image, px - 1, v.bottom() - fs * 0.6, px + 1, v.bottom() - 2,
                    activation, 25) > 0) {
                ticked++;
            }
        }
        assertEquals(shape.kinks().length, ticked, "every kink has its tick");
        // Between the kinks the tick row is empty: find a gap of 6 pixels and look there.
        double gapX = -1;
        double[] kinks = shape.kinks();
        for (int i = 0; i + 1 < kinks.length && gapX < 0; i++) {
            if (v.pixelX(kinks[i + 1]) - v.pixelX(kinks[i]) > 12) {
                gapX = (v.pixelX(kinks[i]) + v.pixelX(kinks[i + 1])) / 2;
            }
        }
        assertTrue(gapX > 0);
        assertEquals(0, count(image, gapX - 2, v.bottom() - fs * 0.6, gapX + 2, v.bottom() - 2, activation, 25));
    }

    @Test
    void smoothActivationsHaveNoTicks() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic()
                .withModels(List.of(Activations.TANH, Activations.LINEAR)), 2);
        assertNull(FitShapeOverlay.piecesText(s.models().get(0)));
        FitChart chart = onFx(FitChart::new);
        WritableImage image = onFx(() -> {
            chart.addOverlay(new FitShapeOverlay());
            chart.setSnapshot(s);
            return render(chart, 1000, 560);
        });
        PlotViewport v = chart.viewport();
        Color activation = onFx(() -> chart.color(ChartCanvas.ChartColor.ACTIVATION));
        // Along the bottom edge, away from the curves (which stay above y = −1.1), no tick at all.
        assertEquals(0, count(image, v.left() + 2, v.bottom() - 8, v.right() - 2, v.bottom() - 2, activation, 25));
    }
}
