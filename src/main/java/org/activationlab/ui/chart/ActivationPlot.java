package org.activationlab.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import org.activationlab.engine.Activation;

/**
 * Plots an activation f (solid) and its derivative f′ (dashed) on [−5, 5], straight from the
 * engine's {@link Activation}: what is drawn is what trains.
 */
public final class ActivationPlot extends ChartCanvas {

    public static final double RANGE = 5;
    private static final int SAMPLES = 161;

    private final Activation activation;
    private final float[] xs = new float[SAMPLES];
    private final float[] fs = new float[SAMPLES];
    private final float[] dfs = new float[SAMPLES];
    private final double minY;
    private final double maxY;

    public ActivationPlot(Activation activation) {
        this.activation = activation;
        getStyleClass().add("activation-plot");
        double lo = -0.5;
        double hi = 1.2;
        for (int i = 0; i < SAMPLES; i++) {
            double x = -RANGE + 2 * RANGE * i / (SAMPLES - 1);
            xs[i] = (float) x;
            fs[i] = (float) activation.value(x);
            dfs[i] = (float) activation.derivative(x);
            lo = Math.min(lo, Math.min(fs[i], dfs[i]));
            hi = Math.max(hi, Math.max(fs[i], dfs[i]));
        }
        double pad = (hi - lo) * 0.08;
        minY = lo - pad;
        maxY = hi + pad;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double font = fontSize();
        PlotViewport v = new PlotViewport(2, 2, width - 4, height - 4, -RANGE, RANGE, minY, maxY, false);
        g.setLineWidth(1);
        g.setStroke(color(ChartColor.AXIS));
        double zeroY = Math.round(v.pixelY(0)) + 0.5;
        double zeroX = Math.round(v.pixelX(0)) + 0.5;
        g.strokeLine(v.left(), zeroY, v.right(), zeroY);
        g.setStroke(color(ChartColor.GRID));
        g.strokeLine(zeroX, v.top(), zeroX, v.bottom());
        g.setLineWidth(Math.max(1.5, font * 0.14));
        g.setStroke(color(ChartColor.DERIVATIVE));
        g.setLineDashes(font * 0.45, font * 0.3);
        strokeSeries(g, v, xs, dfs, SAMPLES);
        g.setLineDashes((double[]) null);
        g.setLineWidth(Math.max(2, font * 0.2));
        g.setStroke(color(ChartColor.ACTIVATION));
        strokeSeries(g, v, xs, fs, SAMPLES);
    }
}
