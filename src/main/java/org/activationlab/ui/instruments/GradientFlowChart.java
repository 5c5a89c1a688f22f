package org.activationlab.ui.instruments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.activationlab.training.ModelHistory;
import org.activationlab.training.Series;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotViewport;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Gradient flow" instrument: each layer's gradient norm per epoch on a log scale, for every
 * model (the activation model solid, the others dashed; the layers light to dark), between a
 * shaded "vanishing" band at the bottom and an "exploding" band at the top. Beside it, the
 * update/weight ratio ‖ΔW‖/‖W‖ per layer, whose rule of thumb is about 1e−3.
 */
public final class GradientFlowChart extends InstrumentChart {

    /** Gradient norms below this have vanished: the layer no longer learns. */
    public static final double VANISHING = 1e-5;
    /** Gradient norms above this explode: one step throws the weights far away. */
    public static final double EXPLODING = 1e2;
    /** Karpathy's rule of thumb for the update/weight ratio per step. */
    public static final double TYPICAL_UPDATE_RATIO = 1e-3;

    private PlotViewport gradientViewport;
    private PlotViewport ratioViewport;

    public GradientFlowChart() {
        getStyleClass().add("gradient-flow-chart");
    }

    /** The gradient-norm panel of the last draw (null before), for tests. */
    PlotViewport gradientViewport() {
        return gradientViewport;
    }

    PlotViewport ratioViewport() {
        return ratioViewport;
    }

    /** The colour of model {@code model}'s line for dense layer {@code layer} of {@code layers}. */
    Color layerColor(int model, int layer, int layers) {
        return shade(modelColor(model), layer, layers);
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        double fs = fontSize();
        double top = fs * 2.9;
        double bottom = height - fs * 1.5;
        double split = Math.round(width * 0.6);
        List<Series> norms = new ArrayList<>();
        List<Series> ratios = new ArrayList<>();
        for (ModelHistory h : s.histories()) {
            norms.addAll(h.gradientNorm());
            ratios.addAll(h.updateRatio());
        }
        double[] range = positiveRange(norms);
        gradientViewport = epochViewport(fs * 3.4, top, split - fs * 2.2, bottom,
                decadeBelow(range[0], 1e-7), decadeAbove(range[1], 1e3), true);
        double[] ratioRange = positiveRange(ratios);
        ratioViewport = epochViewport(split + fs * 3.2, top, width - fs * 0.8, bottom,
                decadeBelow(ratioRange[0], 1e-5), decadeAbove(ratioRange[1], 1e-1), true);

        drawHeader(g, s, split, fs);
        drawBands(g, gradientViewport, fs);
        drawFrame(g, gradientViewport, decadeTicks(gradientViewport, fs * 1.1), true);
        drawLines(g, gradientViewport, s, true);
        drawFrame(g, ratioViewport, decadeTicks(ratioViewport, fs * 1.1), true);
        drawTypicalRatio(g, ratioViewport, fs);
        drawLines(g, ratioViewport, s, false);
        labelTypicalRatio(g, ratioViewport, fs);
        text(g, "Update / weight ratio ‖ΔW‖ / ‖W‖", split, fs * 0.25, 1.0, color(ChartColor.TEXT));
        text(g, "light → dark: layer 1 → output", split, fs * 1.45, 0.85, color(ChartColor.AXIS));
    }

    private void drawHeader(GraphicsContext g, Snapshot s, double split, double fs) {
        text(g, "Gradient norm ‖∂loss/∂(W, b)‖ per layer, log scale", fs * 0.6, fs * 0.25, 1.0,
                color(ChartColor.TEXT));
        StringBuilder key = new StringBuilder();
        for (int m = 0; m < s.models().size(); m++) {
            key.append(m == 0 ? "solid: " : m == 1 ? "   dashed: " : ", ")
                    .append(ModelText.label(s.models().get(m)));
        }
        text(g, key.toString(), fs * 0.6, fs * 1.45, 0.85, color(ChartColor.AXIS));
    }

    /** The shaded bands, each labelled, so the class can read "vanishing" and "exploding" off the chart. */
    private void drawBands(GraphicsContext g, PlotViewport v, double fs) {
        double vanishTop = v.clampPixelY(v.pixelY(VANISHING));
        double explodeBottom = v.clampPixelY(v.pixelY(EXPLODING));
        g.setFill(alpha(color(ChartColor.AXIS), 0.16));
        g.fillRect(v.left(), vanishTop, v.right() - v.left(), v.bottom() - vanishTop);
        g.setFill(alpha(color(ChartColor.MARKER), 0.22));
        g.fillRect(v.left(), v.top(), v.right() - v.left(), explodeBottom - v.top());
        g.setFont(font(0.8));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(color(ChartColor.AXIS));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("vanishing  < 1e−5", v.right() - fs * 0.4, v.bottom() - 2);
        g.setTextBaseline(VPos.TOP);
        g.setFill(color(ChartColor.MARKER).interpolate(color(ChartColor.TEXT), 0.35));
        g.fillText("exploding  > 1e2", v.right() - fs * 0.4, v.top() + 2);
    }

    private void drawTypicalRatio(GraphicsContext g, PlotViewport v, double fs) {
        double py = Math.round(v.pixelY(TYPICAL_UPDATE_RATIO)) + 0.5;
        g.setStroke(color(ChartColor.DERIVATIVE));
        g.setLineWidth(1.5);
        g.setLineDashes(fs * 0.3, fs * 0.3);
        g.strokeLine(v.left(), py, v.right(), py);
        g.setLineDashes((double[]) null);
    }

    /** Over the lines, on a patch of background, so it stays readable. */
    private void labelTypicalRatio(GraphicsContext g, PlotViewport v, double fs) {
        String label = "≈ 1e−3 is healthy";
        double py = v.pixelY(TYPICAL_UPDATE_RATIO);
        double w = label.length() * fs * 0.5;
        g.setFill(alpha(color(ChartColor.BACKGROUND), 0.85));
        g.fillRect(v.left() + 2, py - fs * 1.05, w + fs * 0.4, fs * 0.95);
        g.setFill(color(ChartColor.DERIVATIVE).interpolate(color(ChartColor.TEXT), 0.3));
        g.setFont(font(0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(label, v.left() + 2 + fs * 0.2, py - 1);
    }

    /** Every model's layers, the switched model last so it is on top; its lines get end labels. */
    private void drawLines(GraphicsContext g, PlotViewport v, Snapshot s, boolean gradients) {
        double fs = fontSize();
        clip(g, v);
        List<ModelHistory> histories = s.histories();
        for (int m = histories.size() - 1; m >= 0; m--) {
            List<Series> layers = gradients ? histories.get(m).gradientNorm() : histories.get(m).updateRatio();
            for (int l = 0; l < layers.size(); l++) {
                g.setStroke(layerColor(m, l, layers.size()));
                g.setLineWidth(m == 0 ? fs * 0.2 : fs * 0.16);
                g.setLineDashes(modelDashes(m));
                strokeHistory(g, v, layers.get(l), 1);
            }
        }
        g.setLineDashes((double[]) null);
        g.restore();
        if (!histories.isEmpty()) {
            List<Series> layers = gradients ? histories.get(0).gradientNorm() : histories.get(0).updateRatio();
            labelLineEnds(g, v, layers, fs);
        }
    }

    /** "1", "2", "out" at the newest point of each layer's line, pushed apart so they do not overlap. */
    private void labelLineEnds(GraphicsContext g, PlotViewport v, List<Series> layers, double fs) {
        int n = layers.size();
        double[] y = new double[n];
        Integer[] order = new Integer[n];
        double x = 0;
        for (int l = 0; l < n; l++) {
            Series s = layers.get(l);
            order[l] = l;
            double value = s.length() == 0 ? Double.NaN : s.last();
            y[l] = Double.isNaN(value) ? Double.NaN
                    : v.clampPixelY(v.pixelY(value > 0 ? value : v.minY()));
            x = v.pixelX(Math.max(0, s.length() - 1));
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
        double previous = Double.NEGATIVE_INFINITY;
        g.setFont(font(0.75));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int k : order) {
            if (Double.isNaN(y[k])) {
                continue;
            }
            double at = Math.max(y[k], previous + fs * 0.8);
            previous = at;
            g.setFill(layerColor(0, k, n));
            g.fillText(k == n - 1 ? "out" : String.valueOf(k + 1), Math.min(x + fs * 0.5, v.right() + fs * 0.3), at);
        }
    }

    private static double decadeBelow(double value, double atMost) {
        double lo = Double.isNaN(value) ? atMost : Math.min(atMost, value);
        return Math.pow(10, Math.floor(Math.log10(Math.max(lo, 1e-12))));
    }

    private static double decadeAbove(double value, double atLeast) {
        double hi = Double.isNaN(value) ? atLeast : Math.max(atLeast, value);
        return Math.pow(10, Math.ceil(Math.log10(Math.min(hi, 1e12))));
    }
}
