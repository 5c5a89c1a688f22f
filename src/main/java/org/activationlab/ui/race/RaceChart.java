package org.activationlab.ui.race;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.TargetFunction;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotViewport;

/**
 * One model's small fit chart in race mode: the true curve (or the points of custom data) on the
 * static layer, the model's curve, name and MSE on the live layer. The model's colour is the
 * chart's {@code -al-activation-color}, set per model in CSS.
 */
public final class RaceChart extends ChartCanvas {

    private static final double BASE_Y = 1.5;

    private Dataset data;
    private ModelStats stats;
    private int rank;
    private PlotViewport viewport;
    private float[] trueX = new float[0];
    private float[] trueY = new float[0];
    private double layoutWidth = -1;
    private double layoutHeight = -1;

    public RaceChart() {
        getStyleClass().add("race-chart");
    }

    /** Shows {@code model}'s state; the static layer is redrawn only if the data changed. */
    public void show(Dataset newData, ModelStats model, int newRank) {
        if (newData != data) {
            data = newData;
            prepareTrueCurve();
            markStaticDirty();
        }
        if (model != stats || newRank != rank) {
            stats = model;
            rank = newRank;
            markDirty();
        }
    }

    public ModelStats stats() {
        return stats;
    }

    /** The place in the leaderboard shown in the corner (1 = lowest MSE). */
    public int rank() {
        return rank;
    }

    @Override
    protected void prepare(double width, double height) {
        if (data == null) {
            return;
        }
        if (viewport == null || width != layoutWidth || height != layoutHeight
                || viewport.minX() != data.minX() || viewport.maxX() != data.maxX()) {
            layoutWidth = width;
            layoutHeight = height;
            double fs = fontSize();
            double minY = -BASE_Y;
            double maxY = BASE_Y;
            for (float y : data.y()) {
                minY = Math.min(minY, y * 1.1);
                maxY = Math.max(maxY, y * 1.1);
            }
            double top = fs * 1.9;
            double pad = fs * 0.5;
            viewport = new PlotViewport(pad, top, width - 2 * pad, height - top - pad,
                    data.minX(), data.maxX(), minY, maxY, false);
        }
    }

    private void prepareTrueCurve() {
        TargetFunction target = data.target().orElse(null);
        int n = target == null ? 0 : Dataset.GRID_POINTS;
        trueX = new float[n];
        trueY = new float[n];
        for (int i = 0; i < n; i++) {
            double x = data.minX() + (data.maxX() - data.minX()) * i / (n - 1);
            trueX[i] = (float) x;
            trueY[i] = (float) target.apply(x);
        }
        viewport = null;
    }

    @Override
    protected void drawStatic(GraphicsContext g, double width, double height) {
        if (data == null || viewport == null) {
            return;
        }
        PlotViewport v = viewport;
        g.setStroke(color(ChartColor.GRID));
        g.setLineWidth(1);
        if (v.minY() < 0 && v.maxY() > 0) {
            double py = Math.round(v.pixelY(0)) + 0.5;
            g.strokeLine(v.left(), py, v.right(), py);
        }
        clipToPlot(g, v);
        if (data.target().isPresent()) {
            g.setStroke(color(ChartColor.TRUE));
            g.setLineWidth(Math.max(1.5, fontSize() * 0.2));
            strokeSeries(g, v, trueX, trueY, trueX.length);
        } else {
            Color c = color(ChartColor.POINTS);
            g.setFill(c);
            float[] xs = data.x();
            float[] ys = data.y();
            int stride = Math.max(1, xs.length / 400);
            for (int i = 0; i < xs.length; i += stride) {
                g.fillRect(v.pixelX(xs[i]) - 1, v.pixelY(ys[i]) - 1, 2, 2);
            }
        }
        g.restore();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (stats == null || viewport == null) {
            return;
        }
        PlotViewport v = viewport;
        double fs = fontSize();
        clipToPlot(g, v);
        g.setStroke(color(ChartColor.ACTIVATION));
        g.setLineWidth(Math.max(1.5, fs * 0.2));
        g.setLineJoin(StrokeLineJoin.ROUND);
        strokeDecimated(g, v, data.gridX(), stats.gridPredictions());
        g.restore();

        g.setTextBaseline(VPos.CENTER);
        double y = fs * 0.95;
        String name = (rank > 0 ? rank + ". " : "") + stats.activation().displayName();
        boolean diverged = ModelText.loss(stats).equals("diverged"); // flagged, or an MSE too big to show
        String mse = diverged ? "diverged" : ModelText.mse(stats.mse());
        Font nameFont = font(1.0);
        Font mseFont = font(0.9);
        double key = fs * 1.3; // a stroke of the model's colour before its name
        double room = width - fs * 1.5 - key;
        // As much as fits: "MSE 0.0123", then the bare number, then smaller, then no number
        // (the leaderboard beside the grid has it).
        if (textWidth(name, nameFont) + textWidth("MSE " + mse, mseFont) <= room) {
            mse = diverged ? mse : "MSE " + mse;
        } else if (textWidth(name, nameFont) + textWidth(mse, mseFont) > room) {
            nameFont = font(0.85);
            mseFont = font(0.8);
            if (textWidth(name, nameFont) + textWidth(mse, mseFont) + fs * 0.5 > room) {
                mse = "";
            }
        }
        // The name in the text colour: some model colours are too dark to read on a dark theme.
        g.setStroke(color(ChartColor.ACTIVATION));
        g.setLineWidth(Math.max(2.5, fs * 0.3));
        g.strokeLine(fs * 0.5, y, fs * 0.5 + key - fs * 0.35, y);
        g.setFont(nameFont);
        g.setFill(color(ChartColor.TEXT));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(name, fs * 0.5 + key, y);
        g.setFont(mseFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(mse, width - fs * 0.5, y);
    }

    /**
     * The curve through about one grid point every two pixels: rasterising the path is what a
     * frame of thirteen charts costs in the software pipeline.
     */
    private static void strokeDecimated(GraphicsContext g, PlotViewport v, float[] xs, float[] ys) {
        int n = Math.min(xs.length, ys.length);
        int stride = Math.max(1, (int) (n / Math.max(1, v.width() / 2)));
        boolean open = false;
        int steps = (n - 1 + stride - 1) / stride;
        for (int k = 0; k <= steps; k++) {
            int i = Math.min(k * stride, n - 1); // the last point always
            double y = ys[i];
            if (!Double.isFinite(y)) {
                if (open) {
                    g.stroke();
                    open = false;
                }
                continue;
            }
            double px = v.pixelX(xs[i]);
            double py = v.clampPixelY(v.pixelY(y));
            if (open) {
                g.lineTo(px, py);
            } else {
                g.beginPath();
                g.moveTo(px, py);
                open = true;
            }
        }
        if (open) {
            g.stroke();
        }
    }
}
