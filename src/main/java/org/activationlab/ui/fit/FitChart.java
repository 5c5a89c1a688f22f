package org.activationlab.ui.fit;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.DataEdits;

import java.util.List;
import java.util.Locale;

/**
 * The centre chart: the true function, the activation model and the linear model over x in
 * multiples of π, with a legend giving each model's live MSE.
 */
public final class FitChart extends ChartCanvas {

    public static final String TITLE = "Neural network with vs. without activation function";
    /** The y axis shows at least this range and widens only if the data needs it. */
    private static final double BASE_Y = 1.5;

    private Snapshot snapshot;
    private Dataset trueCurveFor;
    private float[] trueCurveX = new float[0];
    private float[] trueCurveY = new float[0];
    private PlotViewport viewport;
    private Rectangle2D legendBounds;
    private Rectangle2D overlayArea;
    private String titleText = TITLE;
    private final List<Overlay> overlays = new java.util.ArrayList<>();
    /** Every training point drawn, over the true curve (the Edit data tool shows what it edits). */
    private boolean showAllPoints;
    /** Points clicked in (x, y pairs): drawn large, for the back of the room. */
    private float[] handAdded = new float[0];
    /** Where the Point tool hovers (data x), or NaN for nowhere. */
    private double probeX = Double.NaN;
    /** The point (x, y) a click of the Edit data tool would remove, or null. */
    private float[] removable;
    private Rectangle2D probeBounds;

    /** Something drawn over the curves and the legend (the instruments' kinks and lines). */
    public interface Overlay {
        void draw(GraphicsContext g, FitChart chart, PlotViewport viewport, Snapshot snapshot);
    }

    public FitChart() {
        getStyleClass().add("fit-chart");
    }

    public void setSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        markDirty();
    }

    /** Draws {@code overlay} on top with every snapshot. */
    public void addOverlay(Overlay overlay) {
        overlays.add(overlay);
        markDirty();
    }

    /** Draws every training point over the true curve, even noiseless samples of a function. */
    public void setShowAllPoints(boolean show) {
        if (show != showAllPoints) {
            showAllPoints = show;
            markStaticDirty();
        }
    }

    public boolean showsAllPoints() {
        return showAllPoints;
    }

    /**
     * The points clicked in by hand, as x, y pairs: drawn large, at once (before the trainer has
     * taken the new data).
     */
    public void setHandAddedPoints(float[] xy) {
        if (!java.util.Arrays.equals(xy, handAdded)) {
            handAdded = xy.clone();
            markStaticDirty();
        }
    }

    /** A training point's identity for {@link #setHandAddedPoints}: its exact coordinates. */
    public static long pointKey(float x, float y) {
        return ((long) Float.floatToIntBits(x) << 32) | (Float.floatToIntBits(y) & 0xffffffffL);
    }

    /** Shows the values under data x {@code x} (the Point tool's hover); NaN hides them. */
    public void setProbe(double x) {
        if (Double.compare(x, probeX) != 0) {
            probeX = x;
            markDirty();
        }
    }

    public double probeX() {
        return probeX;
    }

    /** Where the last draw put the hover read-out (null: none), in chart pixels. */
    public Rectangle2D probeBounds() {
        return probeBounds;
    }

    /** Rings the training point (x, y), the one a click would remove. */
    public void setRemovable(float x, float y) {
        if (removable == null || removable[0] != x || removable[1] != y) {
            removable = new float[]{x, y};
            markDirty();
        }
    }

    /** No point ringed. */
    public void clearRemovable() {
        if (removable != null) {
            removable = null;
            markDirty();
        }
    }

    /** Radius of a training point clicked in by hand: about a letter high, at every text size. */
    public double handPointRadius() {
        return fontSize() * 0.65;
    }

    /** How near (pixels) a click must be to a point to remove it: within a large point. */
    public double pointHitRadius() {
        return Math.max(DataEdits.REMOVE_RADIUS_PX, handPointRadius() + fontSize() * 0.2);
    }

    /** The mapping used by the last draw (null before the first), for tests and clicks. */
    public PlotViewport viewport() {
        return viewport;
    }

    /** Display name of model {@code i} in the legend. */
    public static String modelLabel(ModelStats m) {
        return m.activation().id().equals("linear") ? "Linear (no activation)"
                : m.activation().displayName() + " network";
    }

    @Override
    protected void prepare(double width, double height) {
        if (snapshot == null) {
            return;
        }
        Dataset data = snapshot.config().data();
        double fs = fontSize();
        double left = fs * 4.2;
        double top = fs * 4.6;
        double right = fs * 1.2;
        double bottom = fs * 2.6;
        double minY = -BASE_Y;
        double maxY = BASE_Y;
        for (float y : data.y()) {
            minY = Math.min(minY, y * 1.1);
            maxY = Math.max(maxY, y * 1.1);
        }
        PlotViewport next = new PlotViewport(left, top, width - left - right, height - top - bottom,
                data.minX(), data.maxX(), minY, maxY, false);
        String nextTitle = title(snapshot.config().models());
        if (data != trueCurveFor || !next.equals(viewport) || !nextTitle.equals(titleText)) {
            titleText = nextTitle;
            prepareTrueCurve(data);
            markStaticDirty();
        }
        viewport = next;
    }

    /** Title, grid, axes, training points and the true curve: redrawn only when they change. */
    @Override
    protected void drawStatic(GraphicsContext g, double width, double height) {
        if (snapshot == null) {
            return;
        }
        Dataset data = snapshot.config().data();
        PlotViewport v = viewport;
        double fs = fontSize();
        drawTitle(g, width, fs);
        drawGridAndAxes(g, v, data, fs);
        g.save();
        clipToPlot(g, v);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        boolean pointsShown = data.noise() > 0 || data.target().isEmpty();
        if (pointsShown && !showAllPoints) {
            drawPoints(g, v, data);
        }
        if (data.target().isPresent()) {
            g.setStroke(color(ChartColor.TRUE));
            g.setLineWidth(fs * 0.38);
            strokeSeries(g, v, trueCurveX, trueCurveY, trueCurveX.length);
        }
        if (showAllPoints) {
            drawPoints(g, v, data);
        }
        drawHandAddedPoints(g, v);
        g.restore();
    }

    private static void clipToPlot(GraphicsContext g, PlotViewport v) {
        g.beginPath();
        g.rect(v.left(), v.top(), v.right() - v.left(), v.bottom() - v.top());
        g.clip();
    }

    /** The models' curves and the legend: redrawn with every snapshot. */
    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (snapshot == null || viewport == null) {
            return;
        }
        Dataset data = snapshot.config().data();
        PlotViewport v = viewport;
        double fs = fontSize();
        // No clip here: a clip makes the software pipeline render through a mask every frame
        // (measured ~3× slower); strokeSeries keeps the curves inside the plot instead.
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        List<ModelStats> models = snapshot.models();
        for (int i = models.size() - 1; i >= 0; i--) {
            ModelStats m = models.get(i);
            g.setStroke(modelColor(i));
            g.setLineWidth(fs * 0.24);
            g.setLineDashes(i == 0 ? null : new double[]{fs * 0.9, fs * 0.55});
            strokeSeries(g, v, data.gridX(), m.gridPredictions(), m.gridPredictions().length);
        }
        g.setLineDashes((double[]) null);
        drawLegend(g, v, data, models, fs);
        overlayArea = null;
        for (Overlay overlay : overlays) {
            overlay.draw(g, this, v, snapshot);
        }
        drawRemovable(g, v, fs);
        drawProbe(g, v, snapshot, fs, height);
    }

    /** Records a rectangle an overlay drew over the plot, so readers of the curves' pixels can skip it. */
    public void noteOverlayArea(double x, double y, double width, double height) {
        Rectangle2D r = new Rectangle2D(x, y, Math.max(0, width), Math.max(0, height));
        overlayArea = overlayArea == null ? r : new Rectangle2D(
                Math.min(overlayArea.getMinX(), r.getMinX()), Math.min(overlayArea.getMinY(), r.getMinY()),
                Math.max(overlayArea.getMaxX(), r.getMaxX()) - Math.min(overlayArea.getMinX(), r.getMinX()),
                Math.max(overlayArea.getMaxY(), r.getMaxY()) - Math.min(overlayArea.getMinY(), r.getMinY()));
    }

    /** The bounding box of what overlays drew over the plot in the last draw, or null. */
    public Rectangle2D overlayArea() {
        return overlayArea;
    }

    public Color modelColor(int index) {
        return index == 0 ? color(ChartColor.ACTIVATION) : color(ChartColor.LINEAR);
    }

    private void prepareTrueCurve(Dataset data) {
        if (data == trueCurveFor) {
            return;
        }
        trueCurveFor = data;
        TargetFunction target = data.target().orElse(null);
        if (target == null) {
            trueCurveX = new float[0];
            trueCurveY = new float[0];
            return;
        }
        // Twice the grid's resolution keeps steps and kinks of the target crisp.
        int n = Dataset.GRID_POINTS * 2;
        trueCurveX = new float[n];
        trueCurveY = new float[n];
        for (int i = 0; i < n; i++) {
            double x = data.minX() + (data.maxX() - data.minX()) * i / (n - 1);
            trueCurveX[i] = (float) x;
            trueCurveY[i] = (float) target.apply(x);
        }
    }

    /**
     * The classic title when an activation network meets a linear one; otherwise the networks'
     * names, e.g. "Sigmoid network vs. ReLU network".
     */
    static String title(List<org.activationlab.engine.Activation> models) {
        boolean hasLinear = false;
        boolean hasOther = false;
        for (org.activationlab.engine.Activation a : models) {
            boolean linear = a.id().equals("linear");
            hasLinear |= linear;
            hasOther |= !linear;
        }
        if ((hasLinear && hasOther) || models.size() > 2) {
            return TITLE;
        }
        StringBuilder sb = new StringBuilder();
        for (org.activationlab.engine.Activation a : models) {
            sb.append(sb.length() == 0 ? "" : " vs. ").append(a.displayName()).append(" network");
        }
        return sb.toString();
    }

    private void drawTitle(GraphicsContext g, double width, double fs) {
        g.setFill(color(ChartColor.TEXT));
        // At a large text scale the title would run off a narrow chart: shrink it to fit.
        double titleWidth = textWidth(titleText, font(1.35));
        g.setFont(font(1.35 * Math.min(1, (width - fs) / titleWidth)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(titleText, width / 2, fs * 0.7);
    }

    private void drawGridAndAxes(GraphicsContext g, PlotViewport v, Dataset data, double fs) {
        boolean piAxis = data.target().isPresent()
                && Math.abs(data.minX() + 2 * Math.PI) < 1e-3 && Math.abs(data.maxX() - 2 * Math.PI) < 1e-3;
        List<PlotViewport.Tick> xTicks = piAxis ? PlotViewport.piTicks(v.minX(), v.maxX(), false)
                : PlotViewport.linearTicks(v.minX(), v.maxX(), 8);
        // Fewer ticks on a short chart (large text scale) so their labels never overlap.
        int yTickCount = (int) Math.max(2, Math.min(6, v.height() / (fs * 2.2)));
        List<PlotViewport.Tick> yTicks = PlotViewport.linearTicks(v.minY(), v.maxY(), yTickCount);
        g.setLineWidth(1);
        g.setStroke(color(ChartColor.GRID));
        for (PlotViewport.Tick t : xTicks) {
            double px = Math.round(v.pixelX(t.value())) + 0.5;
            g.strokeLine(px, v.top(), px, v.bottom());
        }
        for (PlotViewport.Tick t : yTicks) {
            double py = Math.round(v.pixelY(t.value())) + 0.5;
            g.strokeLine(v.left(), py, v.right(), py);
        }
        g.setStroke(color(ChartColor.AXIS));
        strokePlotFrame(g, v);
        if (v.minY() < 0 && v.maxY() > 0) {
            double py = Math.round(v.pixelY(0)) + 0.5;
            g.strokeLine(v.left(), py, v.right(), py);
        }
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(1.0));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (PlotViewport.Tick t : xTicks) {
            g.fillText(t.label(), v.pixelX(t.value()), v.bottom() + fs * 0.4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (PlotViewport.Tick t : yTicks) {
            g.fillText(t.label(), v.left() - fs * 0.5, v.pixelY(t.value()));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x", (v.left() + v.right()) / 2, v.bottom() + fs * 2.5);
    }

    private void drawPoints(GraphicsContext g, PlotViewport v, Dataset data) {
        Color c = color(ChartColor.POINTS);
        g.setFill(new Color(c.getRed(), c.getGreen(), c.getBlue(), 0.55));
        float[] xs = data.x();
        float[] ys = data.y();
        // Few points (a handful clicked in) are drawn larger, so each one can be seen.
        double r = Math.max(1.5, fontSize() * (xs.length <= 200 ? 0.3 : 0.16));
        int stride = Math.max(1, xs.length / 2000);
        for (int i = 0; i < xs.length; i += stride) {
            g.fillOval(v.pixelX(xs[i]) - r, v.pixelY(ys[i]) - r, 2 * r, 2 * r);
        }
    }

    /** Points clicked in: large, solid, with a ring in the background colour to part them from curves. */
    private void drawHandAddedPoints(GraphicsContext g, PlotViewport v) {
        double r = handPointRadius();
        g.setFill(color(ChartColor.TEXT));
        g.setStroke(color(ChartColor.BACKGROUND));
        g.setLineWidth(Math.max(1.5, fontSize() * 0.14));
        for (int i = 0; i + 1 < handAdded.length; i += 2) {
            double px = v.pixelX(handAdded[i]);
            double py = v.pixelY(handAdded[i + 1]);
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
        }
    }

    /** The ring around the point a click of the Edit data tool would remove. */
    private void drawRemovable(GraphicsContext g, PlotViewport v, double fs) {
        if (removable == null) {
            return;
        }
        double r = handPointRadius() + fs * 0.25;
        g.setStroke(color(ChartColor.MARKER));
        g.setLineWidth(Math.max(2, fs * 0.18));
        g.strokeOval(v.pixelX(removable[0]) - r, v.pixelY(removable[1]) - r, 2 * r, 2 * r);
    }

    /**
     * The Point tool's read-out at {@link #probeX}: a guide line, a dot on every curve, and a box
     * with x and each curve's value, colour-keyed like the legend.
     */
    private void drawProbe(GraphicsContext g, PlotViewport v, Snapshot s, double fs, double height) {
        probeBounds = null;
        if (Double.isNaN(probeX) || probeX < v.minX() || probeX > v.maxX()) {
            return;
        }
        List<FitProbe.Reading> readings = FitProbe.read(s, probeX);
        double px = v.pixelX(probeX);
        g.setStroke(color(ChartColor.AXIS));
        g.setLineWidth(Math.max(1, fs * 0.08));
        g.setLineDashes(fs * 0.3, fs * 0.3);
        g.strokeLine(px, v.top(), px, v.bottom());
        g.setLineDashes((double[]) null);
        double dot = fs * 0.32;
        for (FitProbe.Reading r : readings) {
            if (Double.isFinite(r.value()) && r.value() >= v.minY() && r.value() <= v.maxY()) {
                g.setFill(readingColor(r));
                g.fillOval(px - dot, v.pixelY(r.value()) - dot, 2 * dot, 2 * dot);
            }
        }
        String head = "x = " + FitProbe.format(probeX);
        // Full size while it fits the plot; on a squeezed plot (large text, small window) it
        // shrinks to fit the chart rather than be cut off.
        double k = 1;
        double[] size = probeBoxSize(readings, head, k, fs);
        k = Math.max(0.5, Math.min(1, Math.min((v.right() - v.left()) / size[0], (height - fs * 0.2) / size[1])));
        if (k < 1) {
            size = probeBoxSize(readings, head, k, fs);
        }
        javafx.scene.text.Font f = font(k);
        g.setFont(f);
        double w = size[0];
        double h = size[1];
        double sample = fs * 1.6 * k;
        double pad = fs * 0.5 * k;
        double row = fs * 1.45 * k;
        // Beside the cursor's line, on the side with more room, inside the plot if it fits.
        double x = px + fs < v.right() - w ? px + fs : px - fs - w;
        x = Math.max(v.left(), Math.min(x, v.right() - w));
        double y = Math.max(0, Math.min(v.top() + fs * 0.5, height - h));
        Color bg = color(ChartColor.BACKGROUND);
        g.setFill(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0.92));
        g.fillRoundRect(x, y, w, h, fs * 0.6, fs * 0.6);
        g.setStroke(color(ChartColor.AXIS));
        g.setLineWidth(1);
        g.strokeRoundRect(x, y, w, h, fs * 0.6, fs * 0.6);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(color(ChartColor.TEXT));
        g.setTextAlign(TextAlignment.LEFT);
        double cy = y + pad + row / 2;
        g.fillText(head, x + pad, cy);
        for (int i = 0; i < readings.size(); i++) {
            FitProbe.Reading r = readings.get(i);
            cy += row;
            legendLine(g, x + pad, cy, readingColor(r), (r.model() < 0 ? fs * 0.38 : fs * 0.24) * k,
                    r.model() > 0 ? new double[]{fs * 0.5 * k, fs * 0.3 * k} : null, sample / 2.4);
            g.setFill(color(ChartColor.TEXT));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(r.label(), x + pad + sample + pad, cy);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(FitProbe.format(r.value()), x + w - pad, cy);
        }
        g.setTextAlign(TextAlignment.LEFT);
        probeBounds = new Rectangle2D(x, y, w, h);
        noteOverlayArea(x, y, w, h);
    }

    /** Width and height of the read-out box at {@code k} times the chart's text size. */
    private double[] probeBoxSize(List<FitProbe.Reading> readings, String head, double k, double fs) {
        javafx.scene.text.Font f = font(k);
        double labelWidth = 0;
        double valueWidth = textWidth(head, f);
        for (FitProbe.Reading r : readings) {
            labelWidth = Math.max(labelWidth, textWidth(r.label(), f));
            valueWidth = Math.max(valueWidth, textWidth(FitProbe.format(r.value()), f));
        }
        double pad = fs * 0.5 * k;
        return new double[]{pad + fs * 1.6 * k + pad + labelWidth + fs * 1.2 * k + valueWidth + pad,
                pad + fs * 1.45 * k * (readings.size() + 1) + pad * 0.4};
    }

    private Color readingColor(FitProbe.Reading r) {
        return r.model() < 0 ? color(ChartColor.TRUE) : modelColor(r.model());
    }

    /**
     * One row of entries between the title and the plot, centred: outside the plot, so it never
     * hides a peak of the curves.
     */
    private void drawLegend(GraphicsContext g, PlotViewport v, Dataset data, List<ModelStats> models,
                            double fs) {
        g.setFont(font(1.0));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        int entries = models.size() + (data.target().isPresent() ? 1 : 0);
        String[] texts = new String[entries];
        int k = 0;
        if (data.target().isPresent()) {
            texts[k++] = "True function " + data.target().get().displayName();
        }
        for (ModelStats m : models) {
            texts[k++] = legendText(m);
        }
        double[] widths = new double[entries];
        double available = v.right() - v.left();
        // Large text on a narrow chart: the whole row (text, line samples, gaps) shrinks to fit.
        double shrink = Math.max(0.6, Math.min(1, available
                / legendWidth(texts, widths, g.getFont(), fs * 2.4, fs * 0.6, fs * 1.8)));
        double sample = fs * 2.4 * shrink;
        double gap = fs * 0.6 * shrink;
        double spacing = fs * 1.8 * shrink;
        g.setFont(font(shrink));
        double total = legendWidth(texts, widths, g.getFont(), sample, gap, spacing);
        double x = Math.max(v.left(), (v.left() + v.right()) / 2 - total / 2);
        double y = v.top() - fs * 1.1;
        legendBounds = new Rectangle2D(x, y - fs * 0.8, total, fs * 1.6);
        k = 0;
        if (data.target().isPresent()) {
            legendLine(g, x, y, color(ChartColor.TRUE), fs * 0.38, null, fs);
            x = legendText(g, texts[k], x + sample + gap, y, widths[k++], spacing);
        }
        for (int i = 0; i < models.size(); i++) {
            legendLine(g, x, y, modelColor(i), fs * 0.24,
                    i == 0 ? null : new double[]{fs * 0.9, fs * 0.55}, fs);
            x = legendText(g, texts[k], x + sample + gap, y, widths[k++], spacing);
        }
    }

    private double legendText(GraphicsContext g, String text, double x, double y, double width,
                              double spacing) {
        g.setFill(color(ChartColor.TEXT));
        g.fillText(text, x, y);
        return x + width + spacing;
    }

    private static double legendWidth(String[] texts, double[] widths, javafx.scene.text.Font f,
                                      double sample, double gap, double spacing) {
        double total = 0;
        for (int i = 0; i < texts.length; i++) {
            widths[i] = textWidth(texts[i], f);
            total += sample + gap + widths[i] + (i > 0 ? spacing : 0);
        }
        return total;
    }

    /** Where the legend was last drawn, in chart pixels (null before the first draw). */
    public Rectangle2D legendBounds() {
        return legendBounds;
    }

    /** "ReLU network  MSE 0.0123 · epoch 58": each network's own epochs (a switch restarts them). */
    public static String legendText(ModelStats m) {
        return modelLabel(m) + "  " + (m.diverged() ? "diverged" : "MSE " + formatMse(m.mse()))
                + " · epoch " + m.epoch();
    }

    private static void legendLine(GraphicsContext g, double x, double y, Color c, double w,
                                   double[] dashes, double fs) {
        g.setStroke(c);
        g.setLineWidth(w);
        g.setLineDashes(dashes);
        g.strokeLine(x, y, x + fs * 2.4, y);
        g.setLineDashes((double[]) null);
    }

    public static String formatMse(double mse) {
        if (!Double.isFinite(mse)) {
            return "—";
        }
        return mse >= 0.001 ? String.format(Locale.ROOT, "%.4f", mse)
                : String.format(Locale.ROOT, "%.2e", mse);
    }
}
