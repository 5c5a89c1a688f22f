package org.activationlab.ui.instruments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.activationlab.training.Series;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.ColumnDecimator;
import org.activationlab.ui.chart.PlotViewport;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the charts in the instrument tabs: holds the snapshot to draw and offers what they
 * share — an epoch axis, one shade per layer, small framed panels, series with gaps for NaN.
 * Everything is drawn on the live layer: the charts are small and only the visible tab draws.
 */
abstract class InstrumentChart extends ChartCanvas {

    private Snapshot snapshot;
    private final ColumnDecimator decimator = new ColumnDecimator();

    InstrumentChart() {
        getStyleClass().add("instrument-chart");
    }

    public void setSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        markDirty();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The epoch the timeline shows (a cursor on every epoch axis), −1 for live. */
    private int cursorEpoch = -1;

    /** Puts the timeline's cursor at {@code epoch} on the epoch axes; −1 removes it. */
    public void setCursorEpoch(int epoch) {
        if (epoch != cursorEpoch) {
            cursorEpoch = epoch;
            markDirty();
        }
    }

    public int cursorEpoch() {
        return cursorEpoch;
    }

    /**
     * The last epoch on the x axis: the limit (at least 10), or without one the epoch reached
     * rounded up in steps ({@link PlotViewport#epochAxisEnd}).
     */
    int maxEpoch() {
        int limit = snapshot.config().epochLimit();
        return limit > 0 ? Math.max(snapshot.epoch(), Math.max(limit, 10))
                : PlotViewport.epochAxisEnd(snapshot.epoch());
    }

    /** Dashes of model {@code model}'s lines: solid for model 0, dashed for the others (as on the fit chart). */
    double[] modelDashes(int model) {
        double fs = fontSize();
        return model == 0 ? null : new double[]{fs * 0.6, fs * 0.4};
    }

    /**
     * The shade of {@code base} for layer {@code index} of {@code count}: the first layer light,
     * the last dark, so depth reads as shade in any theme.
     */
    Color shade(Color base, int index, int count) {
        if (count <= 1) {
            return base;
        }
        double t = (double) index / (count - 1);
        return t < 0.5 ? base.interpolate(color(ChartColor.BACKGROUND), (0.5 - t) * 1.1)
                : base.interpolate(color(ChartColor.TEXT), (t - 0.5) * 0.9);
    }

    /** A colour with the given opacity. */
    static Color alpha(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), opacity);
    }

    /** Layer names as the tabs show them: "layer 1", "layer 2", …, "output". */
    static String layerName(int layer, int layers) {
        return layer == layers - 1 ? "output" : "layer " + (layer + 1);
    }

    /** A viewport over epochs 0…{@link #maxEpoch()} in the given pixel box. */
    PlotViewport epochViewport(double left, double top, double right, double bottom, double minY,
                               double maxY, boolean logY) {
        return new PlotViewport(left, top, right - left, bottom - top, 0, maxEpoch(), minY, maxY, logY);
    }

    /**
     * The panel's frame, horizontal grid lines with labels at {@code yTicks}, and epoch labels below.
     *
     * @return the boxes of the tick labels drawn, for layout checks
     */
    List<javafx.geometry.Rectangle2D> drawFrame(GraphicsContext g, PlotViewport v, List<PlotViewport.Tick> yTicks,
                                                boolean epochLabels) {
        List<javafx.geometry.Rectangle2D> boxes = new ArrayList<>();
        double fs = fontSize();
        g.setLineWidth(1);
        g.setStroke(color(ChartColor.GRID));
        for (PlotViewport.Tick t : yTicks) {
            double py = Math.round(v.pixelY(t.value())) + 0.5;
            g.strokeLine(v.left(), py, v.right(), py);
        }
        g.setStroke(color(ChartColor.AXIS));
        strokePlotFrame(g, v);
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(0.85));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double lineHeight = fs * 0.85 * 1.2;
        for (PlotViewport.Tick t : yTicks) {
            double w = textWidth(t.label(), g.getFont());
            g.fillText(t.label(), v.left() - fs * 0.3, v.pixelY(t.value()));
            boxes.add(new javafx.geometry.Rectangle2D(v.left() - fs * 0.3 - w, v.pixelY(t.value()) - lineHeight / 2,
                    w, lineHeight));
        }
        if (epochLabels && cursorEpoch >= 0 && cursorEpoch <= v.maxX()) {
            // The timeline's cursor: the panel's values at the epoch the fit chart shows.
            double px = Math.round(v.pixelX(cursorEpoch)) + 0.5;
            g.setStroke(color(ChartColor.TEXT));
            g.setLineWidth(Math.max(1.5, fs * 0.12));
            g.strokeLine(px, v.top(), px, v.bottom());
        }
        if (epochLabels) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            int target = Math.max(2, (int) ((v.right() - v.left()) / (fs * 5)));
            for (PlotViewport.Tick t : PlotViewport.linearTicks(v.minX(), v.maxX(), Math.min(8, target))) {
                double w = textWidth(t.label(), g.getFont());
                g.fillText(t.label(), v.pixelX(t.value()), v.bottom() + fs * 0.2);
                boxes.add(new javafx.geometry.Rectangle2D(v.pixelX(t.value()) - w / 2, v.bottom() + fs * 0.2, w,
                        lineHeight));
            }
        }
        return boxes;
    }

    /** Powers of ten in [lo, hi], every second or third one if there is no room for all. */
    static List<PlotViewport.Tick> decadeTicks(PlotViewport v, double minSpacing) {
        List<PlotViewport.Tick> all = PlotViewport.logTicks(v.minY(), v.maxY());
        double perDecade = (v.bottom() - v.top()) / Math.max(1, Math.log10(v.maxY() / v.minY()));
        int every = (int) Math.ceil(minSpacing / Math.max(1, perDecade));
        List<PlotViewport.Tick> kept = new ArrayList<>();
        for (PlotViewport.Tick t : all) {
            if (Math.round(Math.log10(t.value())) % Math.max(1, every) == 0) {
                kept.add(t);
            }
        }
        return kept;
    }

    /**
     * The smallest and largest finite positive values of the series (NaN if none), from the
     * ranges the series keep as they grow: no rescan per frame.
     */
    static double[] positiveRange(List<Series> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Series s : series) {
            if (s.positiveMax() > 0) {
                lo = Math.min(lo, s.positiveMin());
                hi = Math.max(hi, s.positiveMax());
            }
        }
        return hi > 0 ? new double[]{lo, hi} : new double[]{Double.NaN, Double.NaN};
    }

    /**
     * Strokes a series over epochs 0, 1, 2, …; NaN leaves a gap. On a log axis values ≤ 0 sit on
     * the bottom edge and +∞ on the top edge: a gradient of 0 has vanished, an infinite one
     * has exploded.
     */
    void strokeHistory(GraphicsContext g, PlotViewport v, Series s) {
        strokeHistory(g, v, s, 0);
    }

    /**
     * The same from epoch {@code from} on (gradients exist only from epoch 1: epoch 0 took no
     * step), reduced to the pixel columns it covers ({@link ColumnDecimator}).
     */
    void strokeHistory(GraphicsContext g, PlotViewport v, Series s, int from) {
        int n = decimator.reduce(s, from, v);
        float[] ys = decimator.ys();
        for (int k = 0; k < n; k++) {
            ys[k] = onScale(v, ys[k]);
        }
        drawDecimated(g, v, decimator, ys, g.getLineDashes());
        float newest = s.length() > from ? onScale(v, s.last()) : Float.NaN;
        if (Float.isFinite(newest)) {
            // The newest value as a dot: visible while the line is one point long.
            double r = Math.max(1.5, g.getLineWidth() * 1.1);
            g.setFill(g.getStroke());
            g.fillOval(v.pixelX(s.length() - 1) - r, v.clampPixelY(v.pixelY(newest)) - r, 2 * r, 2 * r);
        }
    }

    /** Where a value is drawn: on a log axis ≤ 0 on the bottom edge; ±∞ on the edges; NaN a gap. */
    private static float onScale(PlotViewport v, float value) {
        if (v.isLogY() && value <= 0) {
            return (float) v.minY();
        } else if (value == Float.POSITIVE_INFINITY) {
            return (float) v.maxY();
        } else if (value == Float.NEGATIVE_INFINITY) {
            return (float) v.minY();
        }
        return value;
    }

    /** Clips drawing to the panel until {@link GraphicsContext#restore()}. */
    static void clip(GraphicsContext g, PlotViewport v) {
        clipToPlot(g, v);
    }

    /** A line of text, top-left anchored. */
    void text(GraphicsContext g, String text, double x, double y, double relativeSize, Color c) {
        g.setFill(c);
        g.setFont(font(relativeSize));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y);
    }

    /** A centred note where there is nothing to plot. */
    void message(GraphicsContext g, String text, double width, double height) {
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(1.0));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, width / 2, height / 2);
    }
}
