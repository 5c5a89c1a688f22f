package org.activationlab.ui.instruments;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.activationlab.engine.LayerStats;
import org.activationlab.training.ModelHistory;
import org.activationlab.training.MseFormat;
import org.activationlab.training.Series;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotViewport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Gradient flow" instrument: each layer's gradient norm per epoch on a log scale, for every
 * model (the activation model solid, the others dashed; the layers light to dark), between a
 * shaded "vanishing" band at the bottom and an "exploding" band at the top; beside it a table of
 * the newest norm of every layer per network (the numbers lessons quote), then the update/weight
 * ratio ‖ΔW‖/‖W‖ per layer, whose rule of thumb is about 1e−3. Each panel keeps room on its left
 * for its decade labels and on its right for the line-end labels ("1", "2", …, "out").
 */
public final class GradientFlowChart extends InstrumentChart {

    /** Gradient norms below this have vanished: the layer no longer learns. */
    public static final double VANISHING = 1e-5;
    /** Gradient norms above this explode: one step throws the weights far away. */
    public static final double EXPLODING = 1e2;
    /** Karpathy's rule of thumb for the update/weight ratio per step. */
    public static final double TYPICAL_UPDATE_RATIO = 1e-3;

    /** Networks listed in the table; a race's further networks are only drawn as lines. */
    static final int MAX_TABLE_COLUMNS = 3;
    private static final double LABEL_SIZE = 0.75;

    private PlotViewport gradientViewport;
    private PlotViewport ratioViewport;
    private final List<DrawnText> drawnTexts = new ArrayList<>();
    private List<List<String>> drawnTable = List.of();

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

    /** A piece of text drawn on the chart and its box, for layout checks. */
    record DrawnText(String text, Rectangle2D box) {
    }

    /** Gradient norms in the table: {@link MseFormat}'s rule, and scientific from 1e4 up; "—" if not finite. */
    static String formatNorm(double norm) {
        if (!Double.isFinite(norm)) {
            return "—";
        }
        if (Math.abs(norm) >= 1e4) {
            String s = String.format(Locale.ROOT, "%.2e", norm);
            int e = s.indexOf('e');
            return s.substring(0, e + 1) + Integer.parseInt(s.substring(e + 1));
        }
        return MseFormat.format(norm);
    }

    /**
     * The table of the newest gradient norms: a header row ("layer" and one column per network)
     * and a row per dense layer ("1", "2", …, "out"), each value by {@link #formatNorm}.
     */
    static List<List<String>> table(Snapshot s, int columns) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("layer");
        int models = Math.min(columns, s.models().size());
        int layers = 0;
        for (int m = 0; m < models; m++) {
            header.add(s.models().get(m).activation().displayName());
            layers = Math.max(layers, s.models().get(m).layers().size());
        }
        rows.add(header);
        for (int l = 0; l < layers; l++) {
            List<String> row = new ArrayList<>();
            row.add(l == layers - 1 ? "out" : String.valueOf(l + 1));
            for (int m = 0; m < models; m++) {
                List<LayerStats> ls = s.models().get(m).layers();
                row.add(l < ls.size() ? formatNorm(ls.get(l).gradientNorm()) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The table drawn last (empty before, or when there was no room), for tests. */
    List<List<String>> drawnTable() {
        return drawnTable;
    }

    /** The texts drawn last: tick labels, line-end labels and table cells, for layout tests. */
    List<DrawnText> drawnTexts() {
        return List.copyOf(drawnTexts);
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Snapshot s = snapshot();
        drawnTexts.clear();
        drawnTable = List.of();
        if (s == null) {
            return;
        }
        double fs = fontSize();
        // A short strip (large text) keeps one header line and gives the rest to the panels.
        boolean compact = height < fs * 8;
        double top = compact ? fs * 1.7 : fs * 2.9;
        double bottom = height - fs * 1.5;
        Font tickFont = font(0.85);
        Font labelFont = font(LABEL_SIZE);
        // Room left of a panel for its decade labels, right of it for the line-end labels.
        double tickRoom = textWidth("1e−10", tickFont) + fs * 0.6;
        double labelRoom = textWidth("out", labelFont) + fs * 0.9;

        List<List<String>> table = table(s, MAX_TABLE_COLUMNS);
        double[] columnWidths = columnWidths(table, labelFont, fs);
        double tableWidth = fs * 0.4;
        for (double w : columnWidths) {
            tableWidth += w;
        }
        double rowHeight = fs * LABEL_SIZE * 1.35;
        boolean tableFits = width - tableWidth >= fs * 30 && top + rowHeight * table.size() <= height;
        if (!tableFits) {
            tableWidth = 0;
        }
        double split = Math.round((width - tableWidth) * 0.6);
        List<Series> norms = new ArrayList<>();
        List<Series> ratios = new ArrayList<>();
        for (ModelHistory h : s.histories()) {
            norms.addAll(h.gradientNorm());
            ratios.addAll(h.updateRatio());
        }
        double[] range = positiveRange(norms);
        gradientViewport = epochViewport(tickRoom, top, split - labelRoom, bottom,
                decadeBelow(range[0], 1e-7), decadeAbove(range[1], 1e3), true);
        double ratioLeft = split + tableWidth;
        double[] ratioRange = positiveRange(ratios);
        ratioViewport = epochViewport(ratioLeft + tickRoom, top, width - labelRoom, bottom,
                decadeBelow(ratioRange[0], 1e-5), decadeAbove(ratioRange[1], 1e-1), true);

        drawHeader(g, s, compact, fs);
        drawBands(g, gradientViewport, fs);
        record(drawFrame(g, gradientViewport, decadeTicks(gradientViewport, fs * 1.1), true));
        drawLines(g, gradientViewport, s, true);
        record(drawFrame(g, ratioViewport, decadeTicks(ratioViewport, fs * 1.1), true));
        drawTypicalRatio(g, ratioViewport, fs);
        drawLines(g, ratioViewport, s, false);
        labelTypicalRatio(g, ratioViewport, fs);
        if (tableFits) {
            drawTable(g, s, table, columnWidths, split + fs * 0.2, top, rowHeight, labelFont);
        }
        String ratioTitle = "Update / weight ratio ‖ΔW‖ / ‖W‖";
        for (String shorter : new String[]{"Update ratio ‖ΔW‖ / ‖W‖", "‖ΔW‖ / ‖W‖"}) {
            if (ratioLeft + textWidth(ratioTitle, font(1.0)) > width - fs * 0.3) {
                ratioTitle = shorter;
            }
        }
        text(g, ratioTitle, ratioLeft, fs * 0.25, 1.0, color(ChartColor.TEXT));
        if (!compact) {
            text(g, "light → dark: layer 1 → output", ratioLeft, fs * 1.45, 0.85, color(ChartColor.AXIS));
        }
    }

    private void record(List<Rectangle2D> tickBoxes) {
        for (Rectangle2D b : tickBoxes) {
            drawnTexts.add(new DrawnText("tick", b));
        }
    }

    private static double[] columnWidths(List<List<String>> table, Font font, double fs) {
        double[] widths = new double[table.get(0).size()];
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], textWidth(row.get(c), font) + fs * 0.8);
            }
        }
        return widths;
    }

    /**
     * The newest gradient norm of every layer per network, as numbers a lesson can quote; the
     * header names each network beside a sample of its line (solid, dashed).
     */
    private void drawTable(GraphicsContext g, Snapshot s, List<List<String>> table, double[] widths, double left,
                           double top, double rowHeight, Font font) {
        double fs = fontSize();
        drawnTable = table;
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        int layers = table.size() - 1;
        for (int r = 0; r < table.size(); r++) {
            double y = top + rowHeight * (r + 0.5);
            double x = left;
            for (int c = 0; c < table.get(r).size(); c++) {
                String cell = table.get(r).get(c);
                double w = textWidth(cell, font);
                // Numbers right-aligned so their digits line up; the layer column left-aligned.
                double textLeft = c == 0 ? x + fs * 0.2 : x + widths[c] - fs * 0.2 - w;
                Color ink = r == 0 ? color(ChartColor.AXIS)
                        : c == 0 ? layerColor(0, r - 1, layers).interpolate(color(ChartColor.TEXT), 0.25)
                        : color(ChartColor.TEXT);
                g.setFill(ink);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(cell, textLeft, y);
                drawnTexts.add(new DrawnText(cell, new Rectangle2D(textLeft, y - rowHeight / 2, w, rowHeight)));
                if (r == 0 && c > 0) {
                    // The line style of this network, as in the chart.
                    g.setStroke(modelColor(c - 1));
                    g.setLineWidth(Math.max(1.5, fs * 0.14));
                    g.setLineDashes(modelDashes(c - 1) == null ? null : new double[]{fs * 0.35, fs * 0.25});
                    g.strokeLine(textLeft, y + rowHeight * 0.45, textLeft + w, y + rowHeight * 0.45);
                    g.setLineDashes((double[]) null);
                }
                x += widths[c];
            }
        }
        g.setStroke(color(ChartColor.GRID));
        g.setLineWidth(1);
        double right = left;
        for (double w : widths) {
            right += w;
        }
        g.strokeLine(left, Math.round(top + rowHeight) + 0.5 + fs * 0.1, right, Math.round(top + rowHeight) + 0.5 + fs * 0.1);
    }

    private void drawHeader(GraphicsContext g, Snapshot s, boolean compact, double fs) {
        text(g, "Gradient norm ‖∂loss/∂(W, b)‖ per layer, log scale", fs * 0.6, fs * 0.25, 1.0,
                color(ChartColor.TEXT));
        if (compact) {
            return;
        }
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
        if (v.bottom() - v.top() < fs * 2.2) {
            return; // too short for both labels: the bands' shades speak for themselves
        }
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
        // Pushed apart downwards, then back up from the bottom, so every label stays beside the
        // panel and off the epoch numbers below it; where the panel is too short for all, the
        // labels that do not fit are left out (the table has the numbers).
        double gap = fs * 0.8;
        double lowest = v.bottom() - fs * 0.4;
        double highest = v.top() + fs * 0.4;
        double[] at = new double[n];
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : order) {
            if (!Double.isNaN(y[k])) {
                at[k] = Math.max(y[k], previous + gap);
                previous = at[k];
            }
        }
        double next = Double.POSITIVE_INFINITY;
        for (int i = n - 1; i >= 0; i--) {
            int k = order[i];
            if (!Double.isNaN(y[k])) {
                at[k] = Math.min(at[k], Math.min(lowest, next - gap));
                next = at[k];
            }
        }
        g.setFont(font(LABEL_SIZE));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int k : order) {
            if (Double.isNaN(y[k]) || at[k] < highest) {
                continue;
            }
            g.setFill(layerColor(0, k, n));
            String label = k == n - 1 ? "out" : String.valueOf(k + 1);
            double left = Math.min(x + fs * 0.5, v.right() + fs * 0.3);
            g.fillText(label, left, at[k]);
            double w = textWidth(label, g.getFont());
            drawnTexts.add(new DrawnText(label, new Rectangle2D(left, at[k] - fs * 0.4, w, fs * 0.8)));
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
