package org.activationlab.ui.instruments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.activationlab.engine.Activation;
import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.Saturation;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.chart.PlotViewport;

import java.util.List;
import java.util.Locale;

/**
 * The "Saturation" instrument, one row per network (small multiples, so a lesson can talk about
 * either): its f (solid) and f′ (dashed) enlarged on [−6, 6] over a live histogram of each
 * hidden layer's pre-activations, with the saturated tails (where f′ → 0, see {@link Saturation})
 * shaded and an inactive side (ReLU's x &lt; 0, f′ = 0) hatched, so the class sees inputs pile up
 * where hardly any gradient passes. Beside it, each layer's saturated share, counted by the trainer
 * in the same tails.
 */
public final class SaturationChart extends InstrumentChart {

    private static final int SAMPLES = 241;

    /** More networks than this (a race) are not drawn: the rows would be too thin to read. */
    static final int MAX_ROWS = 4;
    /** A network's row needs this many font sizes: its name, a plot, the x labels. */
    static final double MIN_ROW = 5;

    /** f and f′ sampled for one row, kept while its activation (and PReLU slope) stays the same. */
    private static final class Samples {
        final float[] xs = new float[SAMPLES];
        final float[] fs = new float[SAMPLES];
        final float[] dfs = new float[SAMPLES];
        Activation sampled;
        Saturation.Tails tails;
        float sampledSlope = Float.NaN;
        double minY;
        double maxY;
    }

    private final Samples[] samples = new Samples[MAX_ROWS];
    private PlotViewport viewport;
    private PlotViewport[] viewports = new PlotViewport[0];

    public SaturationChart() {
        getStyleClass().add("saturation-chart");
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new Samples();
        }
    }

    /** The first network's function panel of the last draw (null before), for tests. */
    PlotViewport viewport() {
        return viewport;
    }

    /** How many networks' rows the last draw fitted in, for tests. */
    int rowsDrawn() {
        return viewports.length;
    }

    /** Network {@code model}'s function panel of the last draw, for tests. */
    PlotViewport viewport(int model) {
        return viewports[model];
    }

    /** The fill of layer {@code layer}'s histogram (before its transparency). */
    Color histogramColor(int layer, int layers) {
        return shade(color(ChartColor.POINTS), layer, layers);
    }

    /** Share shown for a layer, e.g. "37% saturated"; "—" where f′ is a Jacobian (Softmax). */
    static String shareText(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.0f%% saturated", share * 100);
    }

    /** Share of pre-activations on an inactive side (where the output is 0), e.g. "48% inactive". */
    static String inactiveText(double share) {
        return String.format(Locale.ROOT, "%.0f%% inactive", share * 100);
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        double font = fontSize();
        // A short strip (large text) keeps one header line and shows the networks that fit.
        boolean compact = height < font * 12;
        double top = compact ? font * 1.5 : font * 2.7;
        int networks = Math.min(MAX_ROWS, s.models().size());
        int rows = Math.min(networks, (int) ((height - top) / (font * MIN_ROW)));
        viewports = new PlotViewport[Math.max(0, rows)];
        viewport = null;
        if (rows < 1) {
            message(g, "Too little room: a taller window or smaller text shows this tab", width, height);
            return;
        }
        text(g, "f (solid), f′ (dashed) and where each hidden layer's pre-activations fall, one row per network"
                        + (rows < networks ? " (" + rows + " of " + networks + " fit)" : ""),
                font * 0.6, font * 0.25, 1.0, color(ChartColor.TEXT));
        if (!compact) {
            text(g, "Shaded: saturated tails, where f′ → 0 (from |f′| < " + Saturation.THRESHOLD
                    + "). Hatched: inactive, f′ = 0 exactly.", font * 0.6, font * 1.45, 0.85, color(ChartColor.AXIS));
        }
        double band = (height - top) / rows;
        for (int m = 0; m < rows; m++) {
            PlotViewport v = viewports[m] = drawModel(g, s.models().get(m), samples[m], m, width, top + m * band,
                    top + (m + 1) * band, font);
            if (m == 0) {
                viewport = v;
            }
        }
    }

    /** Network {@code m}'s row: its name, f and f′ over its histograms, and its saturated shares. */
    private PlotViewport drawModel(GraphicsContext g, ModelStats model, Samples p, int m, double width,
                                   double rowTop, double rowBottom, double font) {
        List<LayerStats> layers = model.layers();
        int hidden = layers.size() - 1;
        sample(p, model.activation(), layers.get(0).learnedSlope());
        double split = Math.round(width * 0.62);
        text(g, ModelText.label(model), font * 0.6, rowTop + font * 0.1, 0.9,
                modelColor(m).interpolate(color(ChartColor.TEXT), 0.3));
        double top = rowTop + font * 1.4;
        double bottom = Math.max(top + 2, rowBottom - font * 1.5);
        PlotViewport v = new PlotViewport(font * 2.6, top, split - font * 2.6 - font * 0.8, bottom - top,
                p.xs[0], p.xs[SAMPLES - 1], p.minY, p.maxY, false);
        drawSaturatedRegions(g, v, p);
        drawHistograms(g, v, layers, hidden);
        drawAxes(g, v, font);
        clip(g, v);
        g.setLineWidth(Math.max(1.5, font * 0.16));
        g.setStroke(color(ChartColor.DERIVATIVE));
        g.setLineDashes(font * 0.5, font * 0.3);
        strokeSeries(g, v, p.xs, p.dfs, SAMPLES);
        g.setLineDashes((double[]) null);
        g.setLineWidth(Math.max(2, font * 0.22));
        g.setStroke(m == 0 ? color(ChartColor.ACTIVATION) : modelColor(m));
        strokeSeries(g, v, p.xs, p.fs, SAMPLES);
        g.restore();
        boolean inactiveSide = p.tails.negative() == Saturation.Side.INACTIVE;
        drawShares(g, layers, hidden, inactiveSide, split + font * 0.4, top, width - font * 0.8, bottom, font);
        return v;
    }

    /** Samples f and f′ once per activation (and PReLU slope); the y range fits them, within reason. */
    private static void sample(Samples p, Activation activation, float learnedSlope) {
        boolean learned = activation.learnsParameter();
        if (activation == p.sampled && (!learned || Float.compare(learnedSlope, p.sampledSlope) == 0)) {
            return;
        }
        p.sampled = activation;
        p.tails = activation.saturation();
        p.sampledSlope = learnedSlope;
        float[] xs = p.xs;
        float[] fs = p.fs;
        float[] dfs = p.dfs;
        double lo = -0.3;
        double hi = 1.2;
        double range = LayerStats.HISTOGRAM_MAX;
        for (int i = 0; i < SAMPLES; i++) {
            double x = -range + 2 * range * i / (SAMPLES - 1);
            xs[i] = (float) x;
            // PReLU is drawn with the slope layer 1 has learned, not its initial one.
            boolean prelu = learned && Float.isFinite(learnedSlope);
            fs[i] = (float) (prelu ? (x > 0 ? x : learnedSlope * x) : activation.value(x));
            dfs[i] = (float) (prelu ? (x > 0 ? 1 : learnedSlope) : activation.derivative(x));
            lo = Math.min(lo, Math.min(fs[i], dfs[i]));
            hi = Math.max(hi, Math.max(fs[i], dfs[i]));
        }
        // Unbounded functions would squash f′ flat: show up to 3 and let f leave the top.
        p.minY = Math.max(lo, -2) - 0.15;
        p.maxY = Math.min(hi, 3) + 0.15;
    }

    /**
     * Shades the saturated tails of the sampled activation and hatches an inactive side (ReLU's
     * x < 0): the same tails the trainer counts ({@link Saturation}).
     */
    private void drawSaturatedRegions(GraphicsContext g, PlotViewport v, Samples p) {
        Saturation.Tails t = p.tails;
        double lo = p.xs[0];
        double hi = p.xs[SAMPLES - 1];
        g.setFill(alpha(color(ChartColor.MARKER), 0.16));
        if (t.below() > lo) {
            double x1 = v.pixelX(Math.min(hi, t.below()));
            g.fillRect(v.left(), v.top(), x1 - v.left(), v.bottom() - v.top());
        }
        if (t.above() < hi) {
            double x0 = v.pixelX(Math.max(lo, t.above()));
            g.fillRect(x0, v.top(), v.right() - x0, v.bottom() - v.top());
        }
        if (t.negative() == Saturation.Side.INACTIVE) {
            hatch(g, v, v.left(), v.pixelX(0));
        }
        if (t.positive() == Saturation.Side.INACTIVE) {
            hatch(g, v, v.pixelX(0), v.right());
        }
    }

    /** Diagonal lines between pixel columns {@code x0} and {@code x1}. */
    private void hatch(GraphicsContext g, PlotViewport v, double x0, double x1) {
        g.save();
        g.beginPath();
        g.rect(x0, v.top(), x1 - x0, v.bottom() - v.top());
        g.clip();
        g.setStroke(alpha(color(ChartColor.AXIS), 0.35));
        g.setLineWidth(1);
        double h = v.bottom() - v.top();
        double gap = Math.max(6, fontSize() * 0.6);
        for (double x = x0 - h; x < x1; x += gap) {
            g.strokeLine(x, v.bottom(), x + h, v.top());
        }
        g.restore();
    }

    /** Each layer's histogram as a translucent step area, scaled to 85% of the panel's height. */
    private void drawHistograms(GraphicsContext g, PlotViewport v, List<LayerStats> layers, int hidden) {
        double binWidth = (LayerStats.HISTOGRAM_MAX - LayerStats.HISTOGRAM_MIN) / LayerStats.HISTOGRAM_BINS;
        double height = (v.bottom() - v.top()) * 0.85;
        for (int l = 0; l < hidden; l++) {
            int[] counts = layers.get(l).histogram();
            int max = 0;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            if (max == 0) {
                continue;
            }
            Color c = histogramColor(l, hidden);
            g.beginPath();
            g.moveTo(v.pixelX(LayerStats.HISTOGRAM_MIN), v.bottom());
            for (int b = 0; b < counts.length; b++) {
                double y = v.bottom() - height * counts[b] / max;
                g.lineTo(v.pixelX(LayerStats.HISTOGRAM_MIN + b * binWidth), y);
                g.lineTo(v.pixelX(LayerStats.HISTOGRAM_MIN + (b + 1) * binWidth), y);
            }
            g.lineTo(v.pixelX(LayerStats.HISTOGRAM_MAX), v.bottom());
            g.closePath();
            g.setFill(alpha(c, 0.45));
            g.fill();
            g.setStroke(c);
            g.setLineWidth(1);
            g.stroke();
        }
    }

    private void drawAxes(GraphicsContext g, PlotViewport v, double font) {
        g.setLineWidth(1);
        g.setStroke(color(ChartColor.AXIS));
        strokePlotFrame(g, v);
        if (v.minY() < 0 && v.maxY() > 0) {
            double py = Math.round(v.pixelY(0)) + 0.5;
            g.strokeLine(v.left(), py, v.right(), py);
        }
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int x = -6; x <= 6; x += 2) {
            g.fillText(x < 0 ? "−" + (-x) : String.valueOf(x), v.pixelX(x), v.bottom() + font * 0.2);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int y : new int[]{0, 1}) {
            g.fillText(String.valueOf(y), v.left() - font * 0.3, v.pixelY(y));
        }
    }

    /**
     * Per hidden layer a bar as long as its saturated share, with the number; for an activation
     * with an inactive side also the share that falls there (its zero outputs).
     */
    private void drawShares(GraphicsContext g, List<LayerStats> layers, int hidden, boolean inactiveSide,
                            double left, double top, double right, double bottom, double font) {
        double row = Math.max(font * 1.15, Math.min(font * 2.4, (bottom - top) / Math.max(1, hidden)));
        boolean bars = row >= font * 1.8;
        int shown = Math.min(hidden, Math.max(1, (int) ((bottom - top + font * 0.5) / row)));
        double barWidth = right - left;
        for (int l = 0; l < shown; l++) {
            double y = top + l * row;
            double share = layers.get(l).saturatedShare();
            Color c = histogramColor(l, hidden);
            // A swatch in the histogram's colour says which histogram is this layer's.
            g.setFill(alpha(c, 0.45));
            g.fillRect(left, y + font * 0.15, font * 0.8, font * 0.8);
            g.setStroke(c);
            g.setLineWidth(1);
            g.strokeRect(left + 0.5, y + font * 0.15 + 0.5, font * 0.8 - 1, font * 0.8 - 1);
            String label = "Layer " + (l + 1) + ": " + shareText(share)
                    + (inactiveSide ? ", " + inactiveText(layers.get(l).sparsity()) : "");
            if (l == shown - 1 && shown < hidden) {
                label = "… " + (hidden - shown + 1) + " more layers";
            }
            text(g, label, left + font * 1.2, y, 0.85, color(ChartColor.TEXT));
            if (!bars) {
                continue;
            }
            double barTop = y + font * 1.15;
            double barHeight = Math.max(3, row - font * 1.55);
            g.setFill(alpha(color(ChartColor.GRID), 1));
            g.fillRect(left, barTop, barWidth, barHeight);
            if (!Double.isNaN(share)) {
                g.setFill(alpha(color(ChartColor.MARKER), 0.75));
                g.fillRect(left, barTop, barWidth * share, barHeight);
            }
            g.setStroke(c);
            g.setLineWidth(1);
            g.strokeRect(left + 0.5, barTop + 0.5, barWidth - 1, barHeight - 1);
        }
    }
}
