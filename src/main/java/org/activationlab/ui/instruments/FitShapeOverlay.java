package org.activationlab.ui.instruments;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.activationlab.engine.FunctionShape;
import org.activationlab.engine.Kinks;
import org.activationlab.engine.LinearCollapse;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotOverlay;
import org.activationlab.ui.chart.PlotViewport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Over the fit chart, what the trainer worked out about each model's function: a tick along the
 * bottom at every kink of a piecewise-linear model, with "N linear pieces"; and for a model
 * without activation the one line its layers multiply out to, beside the data's best line. The
 * texts run along the bottom of the plot, each after its model's legend line.
 */
final class FitShapeOverlay implements PlotOverlay {

    /** Text sizes tried, relative to the chart's font, until the rows fit under the data. */
    private static final double[] SCALES = {0.9, 0.8, 0.72};
    private final Text measure = new Text();

    /** "y = −0.076x + 0.000", with proper minus signs. */
    static String equation(LinearCollapse.Line line) {
        double b = line.intercept();
        String intercept = number(Math.abs(b));
        boolean negative = b < 0 && !intercept.equals(number(0));
        return "y = " + signed(line.slope()) + "x " + (negative ? "− " : "+ ") + intercept;
    }

    /** The label of a model without activation, or null if it has no (finite) line. */
    static String collapseText(FunctionShape shape) {
        if (shape.line() == null || !shape.line().isFinite()) {
            return null;
        }
        return "Linear net = one line: " + equation(shape.line())
                + "   (best line: " + equation(shape.bestLine()) + ")";
    }

    /** "ReLU network: 23 linear pieces", or null if the model is not piecewise linear with kinks. */
    static String piecesText(ModelStats model) {
        FunctionShape shape = model.shape();
        if (!shape.piecewiseLinear() || shape.line() != null || model.diverged()) {
            return null;
        }
        int pieces = shape.pieces();
        String count = (shape.kinks().length >= Kinks.MAX_KINKS ? "≥ " : "") + pieces;
        return ModelText.label(model) + ": " + count + (pieces == 1 ? " linear piece" : " linear pieces")
                + (pieces > 1 ? " (ticks: kinks)" : "");
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        String s = number(v);
        return s.startsWith("-") ? (s.equals("-0.000") ? "0.000" : "−" + s.substring(1)) : s;
    }

    private record Row(String text, Color color, boolean dashed) {
    }

    @Override
    public void draw(GraphicsContext g, ChartCanvas chart, PlotViewport v, Snapshot snapshot) {
        double fs = chart.fontSize();
        List<ModelStats> models = snapshot.models();
        List<Row> rows = new ArrayList<>();
        int tickRows = 0;
        for (int i = 0; i < models.size(); i++) {
            ModelStats m = models.get(i);
            Color c = chart.modelColor(i);
            String collapse = m.diverged() ? null : collapseText(m.shape());
            if (collapse != null) {
                rows.add(new Row(collapse, c, i != 0));
            }
            String pieces = piecesText(m);
            if (pieces != null) {
                rows.add(new Row(pieces, c, i != 0));
                drawTicks(g, chart, v, m.shape().kinks(), c, tickRows++, fs);
            }
        }
        // On a very short plot (large text in a small window) the rows would cover the curves.
        if (!rows.isEmpty() && v.height() > fs * 12) {
            double lowest = Double.POSITIVE_INFINITY;
            for (float y : snapshot.config().data().y()) {
                lowest = Math.min(lowest, y);
            }
            drawRows(g, chart, v, rows, tickRows, fs, lowest);
        }
    }

    /** Kinks as short ticks rising from the bottom edge; a second model's ticks sit above the first's. */
    private static void drawTicks(GraphicsContext g, ChartCanvas chart, PlotViewport v, double[] kinks, Color c,
                                  int row, double fs) {
        double length = fs * 0.75;
        double bottom = v.bottom() - row * (length + 2);
        chart.noteOverlayArea(v.left(), bottom - length - 1, v.right() - v.left(), length + 2);
        g.setStroke(c);
        g.setLineWidth(Math.max(1.5, fs * 0.13));
        g.setLineDashes((double[]) null);
        for (double k : kinks) {
            double px = Math.round(v.pixelX(k)) + 0.5;
            g.strokeLine(px, bottom, px, bottom - length);
        }
    }

    /**
     * The rows along the bottom of the plot, above the ticks: under the lowest data point (for
     * sin(x), under y = −1) no curve should run. Two rows share a line when the plot is wide
     * enough, and the text shrinks a little when the band is narrow (a small window).
     */
    private void drawRows(GraphicsContext g, ChartCanvas chart, PlotViewport v, List<Row> rows, int tickRows,
                          double fs, double lowestY) {
        double rowsBottom = v.bottom() - tickRows * (fs * 0.75 + 2) - fs * 0.2;
        double free = rowsBottom - Math.min(v.bottom(), v.pixelY(lowestY)) - 2;
        double available = v.right() - v.left() - fs * 1.2;
        double[] widths = new double[rows.size()];
        double scale = 0;
        boolean oneLine = false;
        for (double candidate : SCALES) {
            scale = candidate;
            double total = measureRows(chart, rows, widths, fs * scale);
            oneLine = total <= available;
            double needed = (oneLine ? 1 : rows.size()) * fs * scale * 1.4;
            if (needed <= free) {
                break;
            }
        }
        double size = fs * scale;
        double rowHeight = size * 1.4;
        double swatch = fs * 1.8;
        double x = v.left() + fs * 0.6;
        Color bg = chart.color(ChartCanvas.ChartColor.BACKGROUND);
        g.setFont(chart.font(scale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = rowsBottom - rowHeight / 2 - (oneLine ? 0 : (rows.size() - 1 - i) * rowHeight);
            double rowX = oneLine ? x : v.left() + fs * 0.6;
            double width = Math.min(widths[i], available);
            g.setFill(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0.8));
            g.fillRoundRect(rowX - fs * 0.3, y - rowHeight / 2, width + fs * 0.6, rowHeight, fs * 0.4, fs * 0.4);
            chart.noteOverlayArea(rowX - fs * 0.3, y - rowHeight / 2, width + fs * 0.6, rowHeight);
            g.setStroke(r.color());
            g.setLineWidth(fs * 0.22);
            g.setLineDashes(r.dashed() ? new double[]{fs * 0.6, fs * 0.4} : null);
            g.strokeLine(rowX, y, rowX + swatch, y);
            g.setLineDashes((double[]) null);
            g.setFill(chart.color(ChartCanvas.ChartColor.TEXT));
            g.fillText(r.text(), rowX + swatch + fs * 0.5, y, width - swatch - fs * 0.5);
            x += widths[i] + fs * 2;
        }
    }

    /** Fills in each row's width (swatch and text) at this font size and returns them side by side. */
    private double measureRows(ChartCanvas chart, List<Row> rows, double[] widths, double size) {
        double fs = chart.fontSize();
        measure.setFont(chart.font(size / fs));
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            measure.setText(rows.get(i).text());
            widths[i] = fs * 2.3 + measure.getLayoutBounds().getWidth();
            total += widths[i] + (i > 0 ? fs * 2 : 0);
        }
        return total;
    }
}
