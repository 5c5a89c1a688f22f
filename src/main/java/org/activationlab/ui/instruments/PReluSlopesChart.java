package org.activationlab.ui.instruments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.activationlab.engine.Activations;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.Series;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.chart.PlotViewport;

import java.util.List;
import java.util.Locale;

/**
 * The "PReLU slopes" instrument: the negative slope a that each hidden layer of a PReLU model
 * learns, over the epochs, against its start (0.25), ReLU (0) and the identity (1).
 */
public final class PReluSlopesChart extends InstrumentChart {

    /** Shown instead of the plot while the activation model has never been PReLU. */
    static final String NO_PRELU = "Choose PReLU (key 3) to watch each layer learn its negative slope.";
    static final String STARTING = "PReLU starts every layer at a = 0.25: train to watch the slopes move.";

    private PlotViewport viewport;
    private String note = "";

    public PReluSlopesChart() {
        getStyleClass().add("prelu-slopes-chart");
    }

    PlotViewport viewport() {
        return viewport;
    }

    /** The note drawn in place of the plot, or "" while there are slopes to plot (for tests). */
    String note() {
        return note;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        double fs = fontSize();
        ModelStats model = s.models().get(LabModel.SWITCHED_MODEL);
        List<Series> slopes = s.histories().get(LabModel.SWITCHED_MODEL).learnedSlope();
        double lo = 0;
        double hi = 0.3;
        boolean any = false;
        for (Series series : slopes) {
            // The series keep their ranges as they grow: nothing is rescanned per frame.
            if (!Float.isNaN(series.finiteMin())) {
                any = true;
                lo = Math.min(lo, series.finiteMin());
                hi = Math.max(hi, series.finiteMax());
            }
        }
        if (!any) {
            viewport = null;
            note = model.activation().learnsParameter() ? STARTING : NO_PRELU;
            message(g, note, width, height);
            return;
        }
        note = "";
        boolean now = model.activation().learnsParameter();
        String title = "PReLU's learned negative slope a per hidden layer (f(x) = a·x for x < 0)";
        text(g, now ? title : title + "  ·  the model is " + model.activation().displayName() + " now",
                fs * 0.6, fs * 0.25, 1.0, color(ChartColor.TEXT));
        text(g, currentSlopes(model), fs * 0.6, fs * 1.45, 0.85, color(ChartColor.AXIS));
        double pad = (hi - lo) * 0.08;
        viewport = epochViewport(fs * 3.4, fs * 2.9, width - fs * 4.5, height - fs * 1.5, lo - pad, hi + pad, false);
        PlotViewport v = viewport;
        int target = Math.max(2, (int) ((v.bottom() - v.top()) / (fs * 1.6)));
        drawFrame(g, v, PlotViewport.linearTicks(v.minY(), v.maxY(), target), true);
        reference(g, v, Activations.PRELU_INITIAL_SLOPE, "start 0.25", fs);
        reference(g, v, 0, "0 = ReLU", fs);
        reference(g, v, 1, "1 = no activation", fs);
        clip(g, v);
        for (int l = 0; l < slopes.size(); l++) {
            g.setStroke(shade(color(ChartColor.ACTIVATION), l, slopes.size()));
            g.setLineWidth(fs * 0.2);
            strokeHistory(g, v, slopes.get(l));
        }
        g.restore();
        g.setFont(font(0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < slopes.size(); l++) {
            Series series = slopes.get(l);
            float last = series.length() == 0 ? Float.NaN : series.last();
            if (Float.isFinite(last)) {
                g.setFill(shade(color(ChartColor.ACTIVATION), l, slopes.size()));
                g.fillText("layer " + (l + 1), v.right() + fs * 0.3,
                        v.clampPixelY(v.pixelY(last)) + (l - (slopes.size() - 1) / 2.0) * fs * 0.2);
            }
        }
    }

    private static String currentSlopes(ModelStats model) {
        StringBuilder sb = new StringBuilder("Now: ");
        for (int l = 0; l < model.layers().size() - 1; l++) {
            float a = model.layers().get(l).learnedSlope();
            sb.append(l == 0 ? "" : ",  ").append("layer ").append(l + 1).append(" a = ")
                    .append(Float.isFinite(a) ? String.format(Locale.ROOT, "%.3f", a) : "—");
        }
        return sb.toString();
    }

    private void reference(GraphicsContext g, PlotViewport v, double value, String label, double fs) {
        if (value < v.minY() || value > v.maxY()) {
            return;
        }
        double py = Math.round(v.pixelY(value)) + 0.5;
        g.setStroke(color(ChartColor.AXIS));
        g.setLineWidth(1);
        g.setLineDashes(fs * 0.3, fs * 0.3);
        g.strokeLine(v.left(), py, v.right(), py);
        g.setLineDashes((double[]) null);
        g.setFill(color(ChartColor.AXIS));
        g.setFont(font(0.75));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(label, v.left() + fs * 0.4, py - 1);
    }
}
