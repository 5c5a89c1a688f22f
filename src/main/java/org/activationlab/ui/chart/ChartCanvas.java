package org.activationlab.ui.chart;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleConverter;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.transform.Scale;
import javafx.scene.text.Text;
import org.activationlab.training.Snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A region that draws itself onto one {@link Canvas} — no node per data point — with colours
 * taken from CSS (properties such as {@code -al-activation-color}, set from the theme's named
 * colours), so a theme is only a stylesheet.
 *
 * <p>Drawing is lazy: data changes and resizes only mark the chart dirty, and the frame loop
 * calls {@link #redrawIfDirty()} once per frame, so a flood of updates costs one redraw. What
 * changes rarely (axes, grid, the true curve) goes on a static layer under the live one and is
 * only drawn again when {@link #markStaticDirty()} says so: in the software pipeline
 * rasterising thick anti-aliased paths is what a frame costs.
 */
public abstract class ChartCanvas extends Region {

    /** The colours a chart may use, each a CSS property. */
    public enum ChartColor {
        BACKGROUND("-al-background-color", "#ffffff"),
        GRID("-al-grid-color", "#e6e6e6"),
        AXIS("-al-axis-color", "#555555"),
        TEXT("-al-text-color", "#222222"),
        TRUE("-al-true-color", "#333333"),
        ACTIVATION("-al-activation-color", "#0072b2"),
        LINEAR("-al-linear-color", "#d55e00"),
        DERIVATIVE("-al-derivative-color", "#009e73"),
        MARKER("-al-marker-color", "#cc79a7"),
        POINTS("-al-points-color", "#999999");

        private final String cssProperty;
        private final Color fallback;
        private final CssMetaData<ChartCanvas, Color> metaData;

        ChartColor(String cssProperty, String fallback) {
            this.cssProperty = cssProperty;
            this.fallback = Color.web(fallback);
            ChartColor self = this;
            this.metaData = new CssMetaData<>(cssProperty, StyleConverter.getColorConverter(), this.fallback) {
                @Override
                public boolean isSettable(ChartCanvas chart) {
                    return !chart.colors.get(self).isBound();
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(ChartCanvas chart) {
                    return chart.colors.get(self);
                }
            };
        }

        public String cssProperty() {
            return cssProperty;
        }
    }

    private static final CssMetaData<ChartCanvas, Number> FONT_SIZE = new CssMetaData<>(
            "-al-font-size", StyleConverter.getSizeConverter(), 13.0) {
        @Override
        public boolean isSettable(ChartCanvas chart) {
            return !chart.fontSize.isBound();
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(ChartCanvas chart) {
            return chart.fontSize;
        }
    };

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        for (ChartColor c : ChartColor.values()) {
            list.add(c.metaData);
        }
        list.add(FONT_SIZE);
        CSS_META_DATA = Collections.unmodifiableList(list);
    }

    /** Background, axes and whatever else rarely changes. */
    private final Canvas staticLayer = new Canvas();
    /** The live layer, transparent where the static layer shows through. */
    protected final Canvas canvas = new Canvas();
    private final Map<ChartColor, StyleableObjectProperty<Color>> colors = new EnumMap<>(ChartColor.class);
    private final StyleableObjectProperty<Number> fontSize;
    /** The chart's size in points, which drawing uses (the canvases are this × pixelScale). */
    private double drawWidth;
    private double drawHeight;
    private double pixelScale = 1;
    private boolean dirty = true;
    private boolean staticDirty = true;
    private long redraws;
    private final List<PlotOverlay> overlays = new ArrayList<>();
    private Rectangle2D overlayArea;
    private long staticRedraws;

    protected ChartCanvas() {
        getStyleClass().add("chart-canvas");
        for (ChartColor c : ChartColor.values()) {
            StyleableObjectProperty<Color> p =
                    new SimpleStyleableObjectProperty<>(c.metaData, this, c.name(), c.fallback);
            p.addListener((obs, old, now) -> markAllDirty());
            colors.put(c, p);
        }
        fontSize = new SimpleStyleableObjectProperty<>(FONT_SIZE, this, "fontSize", 13.0);
        fontSize.addListener((obs, old, now) -> markAllDirty());
        getChildren().addAll(staticLayer, canvas);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    /** The colour the stylesheet gives this chart for {@code role}. */
    public Color color(ChartColor role) {
        return colors.get(role).get();
    }

    /** The chart's font size from CSS ({@code -al-font-size}), in pixels. */
    protected final javafx.beans.value.ObservableValue<Number> fontSizeProperty() {
        return fontSize;
    }

    public double fontSize() {
        return fontSize.get().doubleValue();
    }

    public Font font(double relative) {
        return Font.font("DejaVu Sans", fontSize() * relative);
    }

    /** Drawing happens on the FX thread only, so one measuring node serves every chart. */
    private static final Text MEASURE = new Text();

    /** The width of {@code text} in {@code font}, for boxes and titles that must fit it. */
    protected static double textWidth(String text, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    @Override
    public void layoutChildren() {
        sizeLayers();
    }

    private void sizeLayers() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (drawWidth != w || drawHeight != h || canvas.getWidth() != w * pixelScale) {
            drawWidth = w;
            drawHeight = h;
            canvas.setWidth(w * pixelScale);
            canvas.setHeight(h * pixelScale);
            staticLayer.setWidth(w * pixelScale);
            staticLayer.setHeight(h * pixelScale);
            markAllDirty();
            // Draw at once so a resized window never shows a stale or stretched frame.
            redrawIfDirty();
        }
    }

    /**
     * Draws with {@code scale} canvas pixels per point, shown shrunk back to the chart's size: a
     * snapshot through a scale transform (a PNG at 2× for slides) then gets sharp lines and text
     * rather than a bitmap enlarged. Set it back to 1 afterwards; both redraw at once.
     */
    public final void setPixelScale(double scale) {
        if (!(scale >= 1 && scale <= 8)) {
            throw new IllegalArgumentException("pixel scale must be in [1, 8], got " + scale);
        }
        if (scale == pixelScale) {
            return;
        }
        pixelScale = scale;
        Scale shrink = new Scale(1 / scale, 1 / scale, 0, 0);
        canvas.getTransforms().setAll(shrink);
        staticLayer.getTransforms().setAll(shrink);
        sizeLayers();
    }

    public final void markDirty() {
        dirty = true;
    }

    /** The static layer must be drawn again too (data range, size or colours changed). */
    public final void markStaticDirty() {
        staticDirty = true;
        dirty = true;
    }

    private void markAllDirty() {
        markStaticDirty();
    }

    public final boolean isDirty() {
        return dirty;
    }

    /** How often this chart has been drawn (for tests and the UI benchmark). */
    public final long redrawCount() {
        return redraws;
    }

    /** How often this chart's static layer has been drawn (for tests). */
    public final long staticRedrawCount() {
        return staticRedraws;
    }

    /** Draws the chart if anything changed since the last draw. */
    public final void redrawIfDirty() {
        if (!dirty || drawWidth < 2 || drawHeight < 2) {
            return;
        }
        redraws++;
        double w = drawWidth;
        double h = drawHeight;
        prepare(w, h);
        // After prepare(): it may mark the static layer, which this draw already covers.
        dirty = false;
        if (staticDirty) {
            staticDirty = false;
            staticRedraws++;
            GraphicsContext s = staticLayer.getGraphicsContext2D();
            s.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
            s.setLineDashes((double[]) null);
            s.clearRect(0, 0, w, h);
            s.setFill(color(ChartColor.BACKGROUND));
            s.fillRect(0, 0, w, h);
            drawStatic(s, w, h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(pixelScale, 0, 0, pixelScale, 0, 0);
        g.setLineDashes((double[]) null);
        g.clearRect(0, 0, w, h);
        draw(g, w, h);
    }

    /**
     * Called before drawing; a chart may work out its mapping here and call
     * {@link #markStaticDirty()} if the static layer no longer matches.
     */
    protected void prepare(double width, double height) {
    }

    /** Draws what rarely changes onto the static layer, already filled with the background. */
    protected void drawStatic(GraphicsContext g, double width, double height) {
    }

    /** Draws the live layer on a cleared, transparent canvas of the given size. */
    protected abstract void draw(GraphicsContext g, double width, double height);

    /** Model 0 (the one the teacher switches) in the activation colour, the others in the linear one. */
    public Color modelColor(int model) {
        return model == 0 ? color(ChartColor.ACTIVATION) : color(ChartColor.LINEAR);
    }

    /** Draws {@code overlay} over the plot with every snapshot (if the chart calls {@link #drawOverlays}). */
    public void addOverlay(PlotOverlay overlay) {
        overlays.add(overlay);
        markDirty();
    }

    /** Draws the overlays, after the chart's own curves; forgets the area they covered last time. */
    protected void drawOverlays(GraphicsContext g, PlotViewport v, Snapshot snapshot) {
        overlayArea = null;
        for (PlotOverlay overlay : overlays) {
            overlay.draw(g, this, v, snapshot);
        }
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

    /**
     * Saves the context and clips drawing to the plot area until {@link GraphicsContext#restore()}.
     * The clip rectangle is widened to whole pixels on purpose: a canvas clips to a rectangle on
     * whole pixels by cheap scissoring, but to any other shape (a rectangle at 45.5 px included)
     * through a full-size mask texture that every later fill and stroke is blended through, which
     * on the software pipeline cost most of a frame and a new texture per clip.
     */
    public static void clipToPlot(GraphicsContext g, PlotViewport v) {
        double left = Math.floor(v.left());
        double top = Math.floor(v.top());
        g.save();
        g.beginPath();
        g.rect(left, top, Math.ceil(v.right()) - left, Math.ceil(v.bottom()) - top);
        g.clip();
    }

    /** The plot area's frame, on whole pixels so its one-pixel lines stay sharp. */
    protected static void strokePlotFrame(GraphicsContext g, PlotViewport v) {
        g.strokeRect(Math.round(v.left()) + 0.5, Math.round(v.top()) + 0.5,
                Math.round(v.right() - v.left()), Math.round(v.bottom() - v.top()));
    }

    /** Draws a polyline of {@code n} points, skipping non-finite values (NaN breaks the line). */
    protected static void strokeSeries(GraphicsContext g, PlotViewport v, float[] xs, float[] ys, int n) {
        boolean open = false;
        for (int i = 0; i < n; i++) {
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
            if (!open) {
                g.beginPath();
                g.moveTo(px, py);
                open = true;
            } else {
                g.lineTo(px, py);
            }
        }
        if (open) {
            g.stroke();
        }
    }

    /**
     * Draws the points of a {@link ColumnDecimator}: as a polyline ({@link #strokeSeries}) while
     * they are one per epoch, and once reduced to pixel columns as a filled band, one polygon over
     * each column's range joined to the next column's, as thick as the line would be. Filling one
     * polygon costs the software pipeline far less than stroking thousands of short segments
     * with their joins, and looks the same: a line where the series is smooth, a band where it
     * wobbles within a pixel column. Dashes become gaps every {@code dash[0]} of {@code dash[0]
     * + dash[1]} pixels. Uses the stroke colour and line width.
     *
     * @param ys values already mapped onto the axis (NaN = a gap)
     */
    protected static void drawDecimated(GraphicsContext g, PlotViewport v, ColumnDecimator d, float[] ys,
                                        double[] dashes) {
        int n = d.size();
        if (!d.reduced()) {
            strokeSeries(g, v, d.xs(), ys, n);
            return;
        }
        float[] xs = d.xs();
        double half = Math.max(0.5, g.getLineWidth() / 2);
        double period = dashes == null || dashes.length < 2 ? 0 : dashes[0] + dashes[1];
        int columns = 0;
        for (int i = 0; i < n; columns++) {
            i += Float.isNaN(ys[i]) ? 1 : 4;
        }
        if (bandX.length < columns) {
            bandX = new double[columns * 2];
            bandTop = new double[columns * 2];
            bandBottom = new double[columns * 2];
        }
        // Each column's pixel range, widened to meet the previous column's last value.
        double previousLast = Double.NaN;
        int c = 0;
        for (int i = 0; i < n; c++) {
            if (Float.isNaN(ys[i])) {
                bandX[c] = Double.NaN;
                previousLast = Double.NaN;
                i++;
                continue;
            }
            double lo = Math.min(Math.min(ys[i], ys[i + 1]), Math.min(ys[i + 2], ys[i + 3]));
            double hi = Math.max(Math.max(ys[i], ys[i + 1]), Math.max(ys[i + 2], ys[i + 3]));
            double top = v.clampPixelY(v.pixelY(hi));
            double bottom = v.clampPixelY(v.pixelY(lo));
            if (!Double.isNaN(previousLast)) {
                top = Math.min(top, previousLast);
                bottom = Math.max(bottom, previousLast);
            }
            bandX[c] = v.pixelX(xs[i + 1]);
            bandTop[c] = top - half;
            bandBottom[c] = bottom + half;
            previousLast = v.clampPixelY(v.pixelY(ys[i + 3]));
            i += 4;
        }
        Paint fill = g.getFill();
        g.setFill(g.getStroke());
        int start = 0;
        while (start < columns) {
            // A run: consecutive columns with values and, if dashed, in the same dash.
            if (Double.isNaN(bandX[start]) || (period > 0 && bandX[start] % period >= dashes[0])) {
                start++;
                continue;
            }
            int end = start + 1;
            while (end < columns && !Double.isNaN(bandX[end])
                    && (period == 0 || bandX[end] % period < dashes[0])) {
                end++;
            }
            g.beginPath();
            g.moveTo(bandX[start] - half, bandTop[start]);
            for (int k = start; k < end; k++) {
                g.lineTo(bandX[k], bandTop[k]);
            }
            g.lineTo(bandX[end - 1] + half, bandTop[end - 1]);
            g.lineTo(bandX[end - 1] + half, bandBottom[end - 1]);
            for (int k = end - 1; k >= start; k--) {
                g.lineTo(bandX[k], bandBottom[k]);
            }
            g.lineTo(bandX[start] - half, bandBottom[start]);
            g.closePath();
            g.fill();
            start = end;
        }
        g.setFill(fill);
    }

    /** The band's outline, reused: drawing happens on the FX thread only. */
    private static double[] bandX = new double[0];
    private static double[] bandTop = new double[0];
    private static double[] bandBottom = new double[0];
}
