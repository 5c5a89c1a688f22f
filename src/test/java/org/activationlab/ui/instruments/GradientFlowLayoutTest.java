package org.activationlab.ui.instruments;

import javafx.geometry.Rectangle2D;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.training.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.activationlab.ui.instruments.InstrumentFx.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient-flow chart's texts at the sizes the instrument strip gets (1024×768 and 1280×800
 * windows, 100 % and 250 % text): the line-end labels ("1", "2", "out") neither overlap a tick
 * label nor leave the chart, and the per-layer table shows the snapshot's numbers.
 */
class GradientFlowLayoutTest {

    /** Strip sizes measured in the real window: {width, height, font size in px}. */
    private static final double[][] SIZES = {
            {680, 190, 13}, {800, 180, 13}, {940, 210, 13}, {1380, 150, 32.5}, {1380, 320, 32.5}, {900, 400, 32.5}};

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    /** Trained to its epoch limit, so the lines end at the panels' right edges, where "out" was cut. */
    private static Snapshot atTheLimit(int depth) {
        NetworkSpec spec = new NetworkSpec(depth, 16, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0);
        return InstrumentFx.trained(InstrumentFx.smallClassic().withNetwork(spec).withEpochLimit(10)
                .withModels(List.of(Activations.SIGMOID, Activations.LINEAR)), 10);
    }

    @Test
    void lineLabelsStayClearOfTickLabelsAndInsideTheChart() {
        for (int depth : new int[]{2, 6}) {
            Snapshot s = atTheLimit(depth);
            for (double[] size : SIZES) {
                GradientFlowChart chart = onFx(GradientFlowChart::new);
                List<GradientFlowChart.DrawnText> texts = onFx(() -> {
                    chart.setStyle("-al-font-size: " + size[2] + "px;");
                    chart.setSnapshot(s);
                    render(chart, size[0], size[1]);
                    return chart.drawnTexts();
                });
                String where = "depth " + depth + ", " + (int) size[0] + "×" + (int) size[1] + " at " + size[2] + " px";
                List<Rectangle2D> ticks = new ArrayList<>();
                List<GradientFlowChart.DrawnText> labels = new ArrayList<>();
                for (GradientFlowChart.DrawnText t : texts) {
                    if (t.text().equals("tick")) {
                        ticks.add(t.box());
                    } else {
                        labels.add(t);
                    }
                }
                assertFalse(ticks.isEmpty(), where);
                boolean out = false;
                for (GradientFlowChart.DrawnText label : labels) {
                    Rectangle2D b = label.box();
                    out |= label.text().equals("out");
                    assertTrue(b.getMinX() >= 0 && b.getMaxX() <= size[0] && b.getMinY() >= 0 && b.getMaxY() <= size[1],
                            where + ": '" + label.text() + "' at " + b + " is cut by the chart's edge");
                    for (Rectangle2D tick : ticks) {
                        assertFalse(b.intersects(tick), where + ": '" + label.text() + "' at " + b
                                + " overlaps a tick label at " + tick);
                    }
                }
                double panel = onFx(() -> chart.gradientViewport().bottom() - chart.gradientViewport().top());
                if (panel >= (depth + 2) * 0.8 * size[2]) {
                    // Room for every label: "out" is drawn whole (it was cut to "o" beside the ratio panel).
                    assertTrue(out, where + ": the output layer's label is drawn whole");
                }
            }
        }
    }

    @Test
    void tableShowsTheSnapshotsGradientNormsOfEveryLayer() {
        Snapshot s = atTheLimit(3);
        GradientFlowChart chart = onFx(GradientFlowChart::new);
        List<List<String>> table = onFx(() -> {
            chart.setSnapshot(s);
            render(chart, 940, 210);
            return chart.drawnTable();
        });
        assertEquals(List.of("layer", "Sigmoid", "Linear (none)"), table.get(0));
        assertEquals(5, table.size(), "a header and 4 dense layers");
        for (int l = 0; l < 4; l++) {
            assertEquals(l == 3 ? "out" : String.valueOf(l + 1), table.get(l + 1).get(0));
            for (int m = 0; m < 2; m++) {
                double norm = s.models().get(m).layers().get(l).gradientNorm();
                assertEquals(GradientFlowChart.formatNorm(norm), table.get(l + 1).get(m + 1), "layer " + (l + 1));
                assertEquals(norm, Double.parseDouble(table.get(l + 1).get(m + 1)), Math.abs(norm) * 0.006,
                        "three significant digits of the norm");
            }
        }
        // The cells are drawn: every one appears among the chart's texts, inside the chart.
        List<String> drawn = onFx(() -> chart.drawnTexts().stream().map(GradientFlowChart.DrawnText::text).toList());
        for (List<String> row : table) {
            for (String cell : row) {
                assertTrue(drawn.contains(cell), cell);
            }
        }
    }

    @Test
    void normsAreFormattedLikeEveryOtherNumber() {
        assertEquals("0.616", GradientFlowChart.formatNorm(0.61649));
        assertEquals("1.50", GradientFlowChart.formatNorm(1.5));
        assertEquals("153", GradientFlowChart.formatNorm(153.2));
        assertEquals("1.23e-5", GradientFlowChart.formatNorm(1.2345e-5));
        assertEquals("1.23e4", GradientFlowChart.formatNorm(12_345));
        assertEquals("8.55e11", GradientFlowChart.formatNorm(854_515_359_197.77));
        assertEquals("—", GradientFlowChart.formatNorm(Double.NaN));
        assertEquals("0", GradientFlowChart.formatNorm(0));
    }
}
