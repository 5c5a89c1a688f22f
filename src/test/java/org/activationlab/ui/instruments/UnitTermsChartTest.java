package org.activationlab.ui.instruments;

import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.activationlab.engine.Activations;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.UnitTerms;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.activationlab.ui.instruments.InstrumentFx.count;
import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.activationlab.ui.instruments.InstrumentFx.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Units" tab: terms, their bold sum, hover and switching units off, on real snapshots. */
class UnitTermsChartTest {

    private static final double W = 1000;
    private static final double H = 300;

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y, MouseButton button) {
        return new MouseEvent(type, x, y, x, y, button, 1, false, false, false, false,
                button == MouseButton.PRIMARY, false, button == MouseButton.SECONDARY, false, false, true, null);
    }

    @Test
    void theBoldSumIsTheNetworksOwnPredictionAndTheCountIsOfUnitsThatShapeIt() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic(), 30);
        ModelStats model = s.models().get(0);
        UnitTermsChart chart = onFx(UnitTermsChart::new);
        WritableImage image = onFx(() -> {
            chart.setSnapshot(s);
            return render(chart, W, H);
        });
        UnitTerms terms = chart.terms();
        assertNotNull(terms);
        assertEquals(64, terms.units());
        float[] sum = terms.sum();
        float[] predicted = model.gridPredictions();
        for (int i = 0; i < sum.length; i++) {
            assertEquals(predicted[i], sum[i], 1e-4, "grid point " + i);
        }
        int shaping = chart.contributing().cardinality();
        assertTrue(shaping > 10 && shaping <= 64, "shaping units " + shaping);
        // The bold sum is drawn in the activation colour where the model's prediction is.
        PlotViewport v = chart.viewport();
        Color activation = onFx(() -> chart.color(ChartCanvas.ChartColor.ACTIVATION));
        float[] xs = terms.xs();
        int found = 0;
        for (int i = 5; i < xs.length - 5; i += 20) {
            double px = v.pixelX(xs[i]);
            double py = v.pixelY(predicted[i]);
            if (count(image, px - 3, py - 3, px + 3, py + 3, activation, 40) > 0) {
                found++;
            }
        }
        assertTrue(found >= (xs.length - 10) / 20 - 1, "bold sum seen at " + found + " places");
    }

    @Test
    void hoverHighlightsAUnitAndAClickSwitchesItOffInTheTabOnly() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic(), 30);
        ModelStats model = s.models().get(0);
        UnitTermsChart chart = onFx(UnitTermsChart::new);
        onFx(() -> {
            chart.setSnapshot(s);
            render(chart, W, H);
        });
        // the unit whose term is largest matters most
        UnitTerms terms = chart.terms();
        int biggest = 0;
        for (int u = 1; u < terms.units(); u++) {
            if (terms.termRange(u) > terms.termRange(biggest)) {
                biggest = u;
            }
        }
        UnitTermsChart.Square square = chart.square(biggest);
        double cx = square.x() + square.size() / 2;
        double cy = square.y() + square.size() / 2;
        onFx(() -> chart.fireEvent(mouse(MouseEvent.MOUSE_MOVED, cx, cy, MouseButton.NONE)));
        assertEquals(biggest, (int) onFx(chart::hoveredUnit));
        onFx(() -> chart.fireEvent(mouse(MouseEvent.MOUSE_CLICKED, cx, cy, MouseButton.PRIMARY)));
        BitSet off = onFx(chart::unitsOff);
        assertEquals(1, off.cardinality());
        assertTrue(off.get(biggest));
        double without = onFx(chart::mseWithUnitsOff);
        // independent of the chart: the model's predictions minus that unit's term
        float[] y = s.config().data().y();
        float[] pred = model.predictions();
        UnitTerms atData = UnitTerms.of(model, s.config().data().x());
        double expected = 0;
        for (int i = 0; i < y.length; i++) {
            double d = pred[i] - atData.term(biggest)[i] - y[i];
            expected += d * d;
        }
        expected /= y.length;
        assertEquals(expected, without, 1e-4 * expected);
        assertTrue(Math.abs(without - model.mse()) > 1e-3 * model.mse(), "the MSE did not change: " + without);
        // Training is untouched: the snapshot's own MSE is still the model's.
        assertEquals(model.mse(), s.models().get(0).mse());

        onFx(() -> chart.fireEvent(mouse(MouseEvent.MOUSE_CLICKED, cx, cy, MouseButton.PRIMARY)));
        assertTrue(onFx(chart::unitsOff).isEmpty(), "a second click switches it back on");
        onFx(() -> chart.toggle(1));
        onFx(() -> chart.toggle(2));
        onFx(() -> chart.fireEvent(mouse(MouseEvent.MOUSE_CLICKED, 2, 2, MouseButton.SECONDARY)));
        assertTrue(onFx(chart::unitsOff).isEmpty(), "right click: all on");
        onFx(() -> chart.fireEvent(mouse(MouseEvent.MOUSE_EXITED, -1, -1, MouseButton.NONE)));
        assertEquals(-1, (int) onFx(chart::hoveredUnit));
    }

    @Test
    void hoveringALineInThePlotFindsItsUnit() {
        Snapshot s = InstrumentFx.trained(InstrumentFx.smallClassic().withModels(
                java.util.List.of(Activations.TANH, Activations.LINEAR)), 10);
        UnitTermsChart chart = onFx(UnitTermsChart::new);
        onFx(() -> {
            chart.setSnapshot(s);
            render(chart, W, H);
        });
        UnitTerms terms = chart.terms();
        PlotViewport v = chart.viewport();
        // a point on some unit's line, inside the plot
        int found = -1;
        for (int u = 0; u < terms.units() && found < 0; u++) {
            for (int i = 10; i < terms.xs().length - 10; i += 7) {
                double py = v.pixelY(terms.term(u)[i]);
                if (py > v.top() + 2 && py < v.bottom() - 2) {
                    double px = v.pixelX(terms.xs()[i]);
                    int unit = onFx(() -> chart.unitAt(px, py));
                    assertTrue(unit >= 0, "nothing found at a line of unit " + u);
                    // whichever unit it found has its line there too
                    assertEquals(py, v.pixelY(terms.term(unit)[i]), onFx(chart::fontSize) * 0.5 + 1e-9);
                    found = unit;
                    break;
                }
            }
        }
        assertTrue(found >= 0);
        assertEquals(-1, (int) onFx(() -> chart.unitAt(v.left() + 5, v.top() - 20)), "above the plot");
    }
}
