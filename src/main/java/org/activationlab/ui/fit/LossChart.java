package org.activationlab.ui.fit;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.activationlab.training.ModelHistory;
import org.activationlab.training.Series;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchEvent;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.ColumnDecimator;
import org.activationlab.ui.chart.PlotViewport;

import java.util.ArrayList;
import java.util.List;

/** MSE per epoch for each model on a log scale, with a marker at every activation switch. */
public final class LossChart extends ChartCanvas {

    private static final double FLOOR = 1e-6;
    private Snapshot snapshot;
    private PlotViewport viewport;
    private final List<Rectangle2D> labelBounds = new ArrayList<>();
    /** Switch labels' widths in the current font (a few distinct labels, measured once). */
    private final java.util.Map<String, Double> labelWidths = new java.util.HashMap<>();
    private double labelWidthsFontSize = Double.NaN;
    /** Switch markers closer than this many pixels are drawn as one line. */
    private static final double MARKER_GAP_PX = 3;
    private final List<String> labelTexts = new ArrayList<>();
    private int markerCount;
    private final ColumnDecimator decimator = new ColumnDecimator();
    /** Switches the static layer shows markers for. */
    private int markedSwitches = -1;

    public LossChart() {
        getStyleClass().add("loss-chart");
    }

    public void setSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        markDirty();
    }

    /** Where the timeline's cursor stands (the epoch the fit chart shows); −1 for none (live). */
    private int cursorEpoch = -1;

    /** Draws a cursor at {@code epoch} (the epoch gone back to), or none for −1. */
    public void setCursorEpoch(int epoch) {
        if (epoch != cursorEpoch) {
            cursorEpoch = epoch;
            markDirty();
        }
    }

    public int cursorEpoch() {
        return cursorEpoch;
    }

    public PlotViewport viewport() {
        return viewport;
    }

    @Override
    protected void prepare(double width, double height) {
        if (snapshot == null) {
            return;
        }
        double fs = fontSize();
        double left = fs * 4.2;
        double top = fs * 1.9;
        double right = fs * 1.2;
        double bottom = fs * 2.2;
        int limit = snapshot.config().epochLimit();
        // The x axis spans the limit, or (with no limit) grows with training in round steps, so
        // that the static layer is not redrawn for every epoch.
        int maxEpoch = limit > 0 ? Math.max(snapshot.epoch(), limit) : PlotViewport.epochAxisEnd(snapshot.epoch());
        // The histories keep their ranges as they grow: nothing is rescanned per frame.
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (ModelHistory h : snapshot.histories()) {
            Series s = h.mse();
            if (s.positiveMax() > 0) {
                lo = Math.min(lo, s.positiveMin());
                hi = Math.max(hi, s.positiveMax());
            }
        }
        if (!(hi > 0)) {
            lo = 1e-3;
            hi = 1;
        }
        lo = Math.pow(10, Math.floor(Math.log10(Math.max(lo, FLOOR))));
        hi = Math.pow(10, Math.ceil(Math.log10(Math.max(hi, lo * 10))));
        PlotViewport next = new PlotViewport(left, top, width - left - right, height - top - bottom,
                0, maxEpoch, lo, hi, true);
        // The switch markers are on the static layer too: a new switch redraws it.
        if (!next.equals(viewport) || snapshot.switches().size() != markedSwitches) {
            markStaticDirty();
        }
        viewport = next;
    }

    /** Title, grid, axes and switch markers: redrawn only when they, the ranges or the size change. */
    @Override
    protected void drawStatic(GraphicsContext g, double width, double height) {
        if (viewport == null) {
            return;
        }
        PlotViewport v = viewport;
        double fs = fontSize();
        double left = v.left();
        double lo = v.minY();
        double hi = v.maxY();
        int maxEpoch = (int) v.maxX();
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(1.0));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Training loss (MSE, log scale) per epoch", left, fs * 0.3);

        g.setLineWidth(1);
        g.setStroke(color(ChartColor.GRID));
        List<PlotViewport.Tick> yTicks = PlotViewport.logTicks(lo, hi);
        List<PlotViewport.Tick> xTicks = PlotViewport.linearTicks(0, maxEpoch, 8);
        for (PlotViewport.Tick t : yTicks) {
            double py = Math.round(v.pixelY(t.value())) + 0.5;
            g.strokeLine(v.left(), py, v.right(), py);
        }
        g.setStroke(color(ChartColor.AXIS));
        strokePlotFrame(g, v);
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(0.9));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        // Label every decade while there is room, else every second or third one.
        int every = (int) Math.max(1, Math.ceil(yTicks.size() * fs * 1.2 / v.height()));
        for (int i = 0; i < yTicks.size(); i++) {
            PlotViewport.Tick t = yTicks.get(i);
            if ((yTicks.size() - 1 - i) % every == 0) {
                g.fillText(t.label(), v.left() - fs * 0.4, v.pixelY(t.value()));
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (PlotViewport.Tick t : xTicks) {
            g.fillText(t.label(), v.pixelX(t.value()), v.bottom() + fs * 0.3);
        }

        drawSwitchMarkers(g, v, fs);
        markedSwitches = snapshot.switches().size();
    }

    /** The loss curves, each reduced to the pixel columns it covers: redrawn with every snapshot. */
    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (snapshot == null || viewport == null) {
            return;
        }
        PlotViewport v = viewport;
        double fs = fontSize();

        // No clip (it renders through a mask every frame); strokeSeries clamps to the plot.
        List<ModelHistory> histories = snapshot.histories();
        for (int i = histories.size() - 1; i >= 0; i--) {
            Series s = histories.get(i).mse();
            int n = decimator.reduce(s, 0, v);
            float[] ys = decimator.ys();
            for (int k = 0; k < n; k++) {
                float val = ys[k];
                // NaN stays NaN (a gap): drawn at the floor it would look like a perfect fit.
                ys[k] = val > 0 || Float.isNaN(val) ? val : (float) FLOOR;
            }
            g.setStroke(i == 0 ? color(ChartColor.ACTIVATION) : color(ChartColor.LINEAR));
            g.setLineWidth(fs * 0.2);
            g.setLineDashes(i == 0 ? null : new double[]{fs * 0.7, fs * 0.45});
            drawDecimated(g, v, decimator, ys, g.getLineDashes());
            float newest = s.last();
            newest = newest > 0 || Float.isNaN(newest) ? newest : (float) FLOOR;
            if (s.length() > 0 && Float.isFinite(newest)) {
                // The newest value as a dot: visible even while the line is one point long.
                double r = fs * 0.3;
                g.setFill(i == 0 ? color(ChartColor.ACTIVATION) : color(ChartColor.LINEAR));
                g.fillOval(v.pixelX(s.length() - 1) - r, v.clampPixelY(v.pixelY(newest)) - r,
                        2 * r, 2 * r);
            }
        }
        g.setLineDashes((double[]) null);
        drawCursor(g, v, fs, histories);
    }

    /** The timeline's cursor: a line at the epoch shown and a ring on each curve there. */
    private void drawCursor(GraphicsContext g, PlotViewport v, double fs, List<ModelHistory> histories) {
        if (cursorEpoch < 0 || cursorEpoch > v.maxX()) {
            return;
        }
        double px = Math.round(v.pixelX(cursorEpoch)) + 0.5;
        g.setStroke(color(ChartColor.TEXT));
        g.setLineWidth(Math.max(1.5, fs * 0.12));
        g.strokeLine(px, v.top(), px, v.bottom());
        double r = fs * 0.4;
        for (int i = 0; i < histories.size(); i++) {
            Series s = histories.get(i).mse();
            if (cursorEpoch >= s.length()) {
                continue;
            }
            float val = s.get(cursorEpoch);
            if (Float.isFinite(val)) {
                double py = v.clampPixelY(v.pixelY(Math.max(val, FLOOR)));
                g.setStroke(i == 0 ? color(ChartColor.ACTIVATION) : color(ChartColor.LINEAR));
                g.setLineWidth(Math.max(1.5, fs * 0.15));
                g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            }
        }
    }

    /**
     * A dashed line at every switch; labels only where they have room. Quick switches (a teacher
     * trying keys) would pile their labels up, so the newest is labelled first and each older
     * one takes the first of three rows where it overlaps no label, or goes without.
     */
    private void drawSwitchMarkers(GraphicsContext g, PlotViewport v, double fs) {
        List<SwitchEvent> switches = snapshot.switches();
        g.setStroke(color(ChartColor.MARKER));
        g.setLineWidth(Math.max(1.5, fs * 0.12));
        g.setLineDashes(fs * 0.3, fs * 0.3);
        double lastPx = Double.NaN;
        markerCount = 0;
        // One path for all markers, stroked once: the software pipeline rasterises it in one pass
        // instead of one pass per dashed line (after 100,000 epochs with a switch every 150,
        // the strokes one by one made every switch's redraw of this layer a late frame).
        g.beginPath();
        for (SwitchEvent e : switches) {
            double px = Math.round(v.pixelX(e.epoch())) + 0.5;
            // Markers closer than a few pixels merge: after a long run of switches the lines
            // would otherwise hatch the plot.
            if (!(Math.abs(px - lastPx) < MARKER_GAP_PX)) {
                g.moveTo(px, v.top());
                g.lineTo(px, v.bottom());
                lastPx = px;
            }
            markerCount++;
        }
        g.stroke();
        g.setLineDashes((double[]) null);

        labelBounds.clear();
        labelTexts.clear();
        Font font = font(0.85);
        if (font.getSize() != labelWidthsFontSize) {
            labelWidths.clear();
            labelWidthsFontSize = font.getSize();
        }
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setFill(color(ChartColor.MARKER));
        double rowHeight = fs * 1.05;
        int rows = (int) Math.max(0, Math.min(3, (v.height() - 4) / rowHeight));
        double lastLabelledPx = Double.NaN;
        for (int i = switches.size() - 1; i >= 0; i--) {
            SwitchEvent e = switches.get(i);
            double px = Math.round(v.pixelX(e.epoch())) + 0.5;
            if (px == lastLabelledPx) {
                // Several switches at one epoch: the newest (already labelled) is what trains.
                continue;
            }
            String label = "→ " + e.to().displayName();
            double w = labelWidths.computeIfAbsent(label, l -> textWidth(l, font));
            boolean roomOnRight = px + 3 + w <= v.right();
            double x = roomOnRight ? px + 3 : px - 3 - w;
            if (x < v.left()) {
                if (px + 3 < v.left()) {
                    break; // older switches lie further left: none of their labels fits either
                }
                continue;
            }
            for (int row = 0; row < rows; row++) {
                double y = v.top() + 2 + row * rowHeight;
                if (!overlapsALabel(x, y, w, rowHeight * 0.95)) {
                    g.setTextAlign(TextAlignment.LEFT);
                    g.fillText(label, x, y);
                    labelBounds.add(new Rectangle2D(x, y, w, rowHeight * 0.95));
                    labelTexts.add(label);
                    lastLabelledPx = px;
                    break;
                }
            }
        }
    }

    /** Whether the rectangle overlaps a label drawn in this frame (a loop: this runs per switch). */
    private boolean overlapsALabel(double x, double y, double w, double h) {
        for (Rectangle2D r : labelBounds) {
            if (r.intersects(x, y, w, h)) {
                return true;
            }
        }
        return false;
    }

    /** Where switch labels were drawn in the last frame, newest switch first (for tests). */
    List<Rectangle2D> switchLabelBounds() {
        return List.copyOf(labelBounds);
    }

    /** The switch labels drawn in the last frame, newest first. */
    List<String> switchLabelTexts() {
        return List.copyOf(labelTexts);
    }

    /** How many switches the last frame marked. */
    int switchMarkerCount() {
        return markerCount;
    }
}
