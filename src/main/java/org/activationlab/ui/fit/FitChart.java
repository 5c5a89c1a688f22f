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
import org.activationlab.ui.DataEdits;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotViewport;

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
    private String titleText = TITLE;
    private boolean showTitle = true;
    /** Rows of the legend at the last layout. */
    private int legendRows = 1;
    private final List<double[]> legendEntries = new java.util.ArrayList<>();
    /** Every training point drawn, over the true curve (the Edit data tool shows what it edits). */
    private boolean showAllPoints;
    /** Points clicked in (x, y pairs): drawn large, for the back of the room. */
    private float[] handAdded = new float[0];
    /** Where the Point tool hovers (data x), or NaN for nowhere. */
    private double probeX = Double.NaN;
    /** The point (x, y) a click of the Edit data tool would remove, or null. */
    private float[] removable;
    private Rectangle2D probeBounds;


    /**
     * The plot (inside axes and legend) is never squeezed below this height: the window's other
     * parts fold or scroll first (see {@link ScaledLayout}).
     */
    public static final double MIN_PLOT_HEIGHT = 160;
    /** Below this plot height the title is left out, for the plot's sake (a lesson names the step). */
    private static final double TITLE_PLOT_HEIGHT = 240;

    public FitChart() {
        getStyleClass().add("fit-chart");
        // The minimum height follows the text scale: the parent lays out again when it changes.
        fontSizeProperty().addListener((obs, old, now) -> requestLayout());
    }

    /** Axes, legend and the smallest usable plot, without the title. */
    @Override
    protected double computeMinHeight(double width) {
        double fs = fontSize();
        return fs * (TOP_WITHOUT_TITLE + (legendRows - 1) * LEGEND_ROW + BOTTOM) + MIN_PLOT_HEIGHT;
    }

    private static final double TOP_WITH_TITLE = 4.6;
    private static final double TOP_WITHOUT_TITLE = 2.4;
    private static final double BOTTOM = 2.6;

    /** Whether the last layout had room for the title. */
    boolean showsTitle() {
        return showTitle;
    }

    public void setSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
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

    @Override
    protected void prepare(double width, double height) {
        if (snapshot == null) {
            return;
        }
        Dataset data = snapshot.config().data();
        double fs = fontSize();
        double left = fs * 4.2;
        double right = fs * 1.2;
        double bottom = fs * BOTTOM;
        int rows = legendRows(width - left - right, fs);
        if (rows != legendRows) {
            // More legend rows need more height: the minimum height changed.
            legendRows = rows;
            // On this node: that clears its cached minimum too (a parent's would not).
            requestLayout();
        }
        double extraRows = (rows - 1) * LEGEND_ROW;
        showTitle = height - fs * (TOP_WITH_TITLE + extraRows + BOTTOM) >= TITLE_PLOT_HEIGHT;
        double top = fs * ((showTitle ? TOP_WITH_TITLE : TOP_WITHOUT_TITLE) + extraRows);
        double minY = -BASE_Y;
        double maxY = BASE_Y;
        for (float y : data.y()) {
            minY = Math.min(minY, y * 1.1);
            maxY = Math.max(maxY, y * 1.1);
        }
        PlotViewport next = new PlotViewport(left, top, width - left - right, height - top - bottom,
                data.minX(), data.maxX(), minY, maxY, false);
        String nextTitle = showTitle ? title(snapshot.config().models()) : "";
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
        drawOverlays(g, v, snapshot);
        drawRemovable(g, v, fs);
        drawProbe(g, v, snapshot, fs, height);
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
        if (hasLinear && models.size() == 2) { // both Linear: the activation network was switched to Linear
            return ModelText.SWITCHED_LINEAR + " vs. Linear (no activation)";
        }
        StringBuilder sb = new StringBuilder();
        for (org.activationlab.engine.Activation a : models) {
            sb.append(sb.length() == 0 ? "" : " vs. ").append(a.displayName()).append(" network");
        }
        return sb.toString();
    }

    private void drawTitle(GraphicsContext g, double width, double fs) {
        if (titleText.isEmpty()) {
            return;
        }
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
        // Full size while it leaves most of the plot in view; on a squeezed plot (large text, a
        // small window, the drawer open) it shrinks, and below half size it is left out: a box
        // that hides the curves it reads would defeat it. The guide line and dots stay.
        double k = 1;
        double[] size = probeBoxSize(readings, head, k, fs);
        k = Math.min(1, Math.min((v.right() - v.left()) / size[0], (v.bottom() - v.top()) * 0.6 / size[1]));
        if (k < 0.5) {
            return;
        }
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
                    r.model() > 0 ? new double[]{fs * 0.5 * k, fs * 0.3 * k} : null, sample);
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
     * The legend between the title and the plot, centred: outside the plot, so it never hides a
     * peak of the curves. One row while it fits (shrinking a little); on a narrow chart or at a
     * large text size its entries go onto more rows rather than shrink past reading or run off.
     */
    private void drawLegend(GraphicsContext g, PlotViewport v, Dataset data, List<ModelStats> models,
                            double fs) {
        String[] texts = legendTexts(data, models, false);
        LegendLayout layout = layoutLegend(texts, v.right() - v.left(), fs);
        double shrink = layout.shrink();
        double sample = fs * LEGEND_SAMPLE * shrink;
        double gap = fs * LEGEND_GAP * shrink;
        double spacing = fs * LEGEND_SPACING * shrink;
        javafx.scene.text.Font f = font(shrink);
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double[] widths = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            widths[i] = textWidth(texts[i], f);
        }
        legendEntries.clear();
        int rows = layout.rowStarts().length;
        double rowHeight = fs * LEGEND_ROW;
        double firstY = v.top() - fs * 1.1 - (rows - 1) * rowHeight;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        boolean hasTarget = data.target().isPresent();
        for (int r = 0; r < rows; r++) {
            int from = layout.rowStarts()[r];
            int to = r + 1 < rows ? layout.rowStarts()[r + 1] : texts.length;
            double total = 0;
            for (int k = from; k < to; k++) {
                total += sample + gap + widths[k] + (k > from ? spacing : 0);
            }
            double x = Math.max(v.left(), (v.left() + v.right()) / 2 - total / 2);
            double y = firstY + r * rowHeight;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x + total);
            for (int k = from; k < to; k++) {
                int model = hasTarget ? k - 1 : k;
                if (model < 0) {
                    legendLine(g, x, y, color(ChartColor.TRUE), fs * 0.38 * shrink, null, sample);
                } else {
                    legendLine(g, x, y, modelColor(model), fs * 0.24 * shrink,
                            model == 0 ? null : new double[]{fs * 0.9 * shrink, fs * 0.55 * shrink}, sample);
                }
                legendEntries.add(new double[]{x, x + sample, x + sample + gap, x + sample + gap + widths[k]});
                x = legendText(g, texts[k], x + sample + gap, y, widths[k], spacing);
            }
        }
        legendBounds = new Rectangle2D(minX, firstY - fs * 0.8, maxX - minX, (rows - 1) * rowHeight + fs * 1.6);
    }

    private static final double LEGEND_SAMPLE = 2.4;
    private static final double LEGEND_GAP = 0.6;
    private static final double LEGEND_SPACING = 1.8;
    private static final double LEGEND_ROW = 1.5;
    /** A legend row shrinks to this before its entries go onto another row. */
    private static final double LEGEND_MIN_SHRINK = 0.8;

    /** Where each row starts (entry index) and how much the text shrinks. */
    private record LegendLayout(int[] rowStarts, double shrink) {
    }

    /**
     * The legend's texts; with {@code widest}, each MSE as its widest form, so that the row count
     * does not flicker as the numbers change.
     */
    private static String[] legendTexts(Dataset data, List<ModelStats> models, boolean widest) {
        boolean hasTarget = data.target().isPresent();
        String[] texts = new String[models.size() + (hasTarget ? 1 : 0)];
        int k = 0;
        if (hasTarget) {
            texts[k++] = "True function " + data.target().get().displayName();
        }
        for (ModelStats m : models) {
            // The widest MSE form in place of the live one (the rest, e.g. the epoch, as is).
            String text = legendText(m, models);
            texts[k++] = widest ? text.replace(ModelText.mse(m.mse()), "0.00e-00") : text;
        }
        return texts;
    }

    /** Fewest rows whose widest fits {@code available} shrunk by at most {@link #LEGEND_MIN_SHRINK}. */
    private LegendLayout layoutLegend(String[] texts, double available, double fs) {
        javafx.scene.text.Font f = font(1.0);
        double[] entry = new double[texts.length];
        for (int i = 0; i < texts.length; i++) {
            entry[i] = fs * (LEGEND_SAMPLE + LEGEND_GAP) + textWidth(texts[i], f);
        }
        double spacing = fs * LEGEND_SPACING;
        for (int rows = 1; rows <= Math.max(1, texts.length); rows++) {
            int[] starts = new int[rows];
            double widest = splitIntoRows(entry, spacing, rows, starts);
            int used = 1;
            while (used < rows && starts[used] > 0) {
                used++;
            }
            starts = java.util.Arrays.copyOf(starts, used);
            double shrink = Math.min(1, available / widest);
            if (shrink >= LEGEND_MIN_SHRINK || rows == texts.length) {
                return new LegendLayout(starts, Math.max(0.5, shrink));
            }
        }
        return new LegendLayout(new int[]{0}, 1);
    }

    /** Splits the entries into {@code rows} consecutive rows (filling starts) and returns the widest row. */
    private static double splitIntoRows(double[] entry, double spacing, int rows, int[] starts) {
        double total = 0;
        for (double e : entry) {
            total += e;
        }
        total += spacing * Math.max(0, entry.length - 1);
        double target = total / rows;
        int r = 0;
        double row = 0;
        double widest = 0;
        starts[0] = 0;
        for (int i = 0; i < entry.length; i++) {
            double add = (row > 0 ? spacing : 0) + entry[i];
            int left = entry.length - i;
            if (row > 0 && r + 1 < rows && (row + add > target * 1.05 || left <= rows - r - 1)) {
                widest = Math.max(widest, row);
                starts[++r] = i;
                row = entry[i];
            } else {
                row += add;
            }
        }
        return Math.max(widest, row);
    }

    /** Rows the legend needs at {@code width} (for the space above the plot). */
    private int legendRows(double plotWidth, double fs) {
        return layoutLegend(legendTexts(snapshot.config().data(), snapshot.models(), true), plotWidth, fs)
                .rowStarts().length;
    }

    private double legendText(GraphicsContext g, String text, double x, double y, double width,
                              double spacing) {
        g.setFill(color(ChartColor.TEXT));
        g.fillText(text, x, y);
        return x + width + spacing;
    }

    /**
     * The legend's entries as last drawn, row by row: {line sample start, end, label start, end}
     * in chart pixels (for tests: a sample must end before its label starts).
     */
    public List<double[]> legendEntries() {
        return List.copyOf(legendEntries);
    }

    /** Where the legend was last drawn, in chart pixels (null before the first draw). */
    public Rectangle2D legendBounds() {
        return legendBounds;
    }

    /** "ReLU network  MSE 0.0123 · epoch 58": each network's own epochs (a switch restarts them). */
    public static String legendText(ModelStats m) {
        return legendText(m, List.of(m));
    }

    /** As {@link #legendText(ModelStats)}, naming {@code m} apart from the other {@code models}. */
    public static String legendText(ModelStats m, List<ModelStats> models) {
        return ModelText.label(m, models) + "  " + ModelText.loss(m) + " · epoch " + m.epoch();
    }

    /** A line sample {@code length} long (it shrinks with the legend row, or it overprints the label). */
    private static void legendLine(GraphicsContext g, double x, double y, Color c, double w,
                                   double[] dashes, double length) {
        g.setStroke(c);
        g.setLineWidth(w);
        g.setLineDashes(dashes);
        // Butt caps: a round cap would reach half a line width into the gap before the label.
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeLine(x, y, x + length, y);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes((double[]) null);
    }

}
