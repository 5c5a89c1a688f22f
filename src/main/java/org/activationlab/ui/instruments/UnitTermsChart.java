package org.activationlab.ui.instruments;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.TargetFunction;
import org.activationlab.engine.UnitTerms;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotViewport;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Units" instrument: how the activation network's last hidden layer builds its output,
 * {@code b + Σᵢ wᵢ·hᵢ(x)}. Every unit's term is a thin line (green where wᵢ > 0, pink where
 * wᵢ < 0, fainter the smaller it is), their sum bold over the true function, and the count of
 * units that shape the curve (or the training points, for data without a true function). Hovering a unit (its line or its square) highlights its term and
 * where it switches (its kink, for ReLU-like units); clicking switches it off <em>in this tab</em>:
 * the sum and its MSE are recomputed without it while the network itself trains on with every
 * unit. A right click switches them all back on.
 */
public final class UnitTermsChart extends InstrumentChart {

    /** Where one unit's square is in the strip on the right. */
    record Square(double x, double y, double size) {
        boolean contains(double px, double py) {
            return px >= x && px < x + size && py >= y && py < y + size;
        }
    }

    /** Said wherever there is room: switching a unit off here does not change the training. */
    static final String OFF_HERE_ONLY = "click a unit: off in this tab only, training goes on with every unit";

    private final BitSet off = new BitSet();
    private int hovered = -1;

    private ModelStats termsFor;
    private UnitTerms terms;
    private BitSet contributing = new BitSet();
    private PlotViewport viewport;
    private Square[] squares = new Square[0];

    public UnitTermsChart() {
        getStyleClass().add("unit-terms-chart");
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setHovered(unitAt(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(-1));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                switchAllOn();
            } else if (e.getButton() == MouseButton.PRIMARY) {
                int unit = unitAt(e.getX(), e.getY());
                if (unit >= 0) {
                    toggle(unit);
                }
            }
        });
    }

    // ------------------------------------------------------------------ state, for the pointer and tests

    /** The unit under the pointer, or −1. */
    int hoveredUnit() {
        return hovered;
    }

    void setHovered(int unit) {
        if (unit != hovered) {
            hovered = unit;
            markDirty();
        }
    }

    /** The units switched off in this tab. */
    BitSet unitsOff() {
        return (BitSet) off.clone();
    }

    void toggle(int unit) {
        off.flip(unit);
        markDirty();
    }

    void switchAllOn() {
        off.clear();
        markDirty();
    }

    /** The decomposition last drawn, or null. */
    UnitTerms terms() {
        return terms;
    }

    /** The units that shape the curve in the last drawing. */
    BitSet contributing() {
        return (BitSet) contributing.clone();
    }

    /** Unit {@code unit}'s square in the last drawing, or null. */
    Square square(int unit) {
        return unit < squares.length ? squares[unit] : null;
    }

    /** The plot's viewport in the last drawing, or null. */
    PlotViewport viewport() {
        return viewport;
    }

    /**
     * The MSE on the training points of the activation network with the units switched off here
     * left out (its own MSE when none is off).
     */
    double mseWithUnitsOff() {
        Snapshot s = snapshot();
        if (s == null) {
            return Double.NaN;
        }
        ModelStats model = s.models().get(LabModel.SWITCHED_MODEL);
        if (off.isEmpty()) {
            return model.mse();
        }
        Dataset data = s.config().data();
        UnitTerms atData = data.x() == data.gridX() && terms != null && termsFor == model ? terms
                : UnitTerms.of(model, data.x());
        return UnitTerms.mse(atData.sum(off), data.y());
    }

    /** The unit whose square, or whose line in the plot, is at this point; −1 if none. */
    int unitAt(double px, double py) {
        for (int u = 0; u < squares.length; u++) {
            if (squares[u] != null && squares[u].contains(px, py)) {
                return u;
            }
        }
        if (terms == null || viewport == null || px < viewport.left() || px > viewport.right()
                || py < viewport.top() || py > viewport.bottom()) {
            return -1;
        }
        float[] xs = terms.xs();
        double x = viewport.dataX(px);
        int i = 0;
        while (i < xs.length - 1 && xs[i + 1] < x) {
            i++;
        }
        int best = -1;
        double bestDistance = fontSize() * 0.5;
        for (int u = 0; u < terms.units(); u++) {
            double d = Math.abs(viewport.pixelY(terms.term(u)[i]) - py);
            if (d < bestDistance) {
                bestDistance = d;
                best = u;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------ drawing

    @Override
    public void setSnapshot(Snapshot snapshot) {
        super.setSnapshot(snapshot);
        if (snapshot != null) {
            int units = snapshot.config().network().width();
            if (off.length() > units) {
                off.clear();
            }
        }
    }

    private void update(ModelStats model, float[] grid) {
        if (model != termsFor) {
            termsFor = model;
            terms = UnitTerms.of(model, grid);
            contributing = terms.contributing();
        }
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        double fs = fontSize();
        ModelStats model = s.models().get(LabModel.SWITCHED_MODEL);
        Dataset data = s.config().data();
        if (model.diverged()) {
            terms = null;
            squares = new Square[0];
            message(g, "The activation network diverged: its weights are not finite numbers.", width, height);
            return;
        }
        update(model, data.gridX());
        int units = terms.units();
        if (hovered >= units) {
            hovered = -1;
        }
        int layer = model.layers().size() - 1;
        double room = width - fs * 1.2;
        String output = "output = b + Σ wᵢ·hᵢ(x) over the " + units + " units of hidden layer " + layer;
        text(g, fitting(room, 1.0, "How the units build the curve: " + output + " — " + ModelText.label(model),
                "How the units build the curve: " + output, output), fs * 0.6, fs * 0.25, 1.0, color(ChartColor.TEXT));
        int offCount = off.cardinality();
        String mse = offCount == 0 ? "MSE " + ModelText.mse(model.mse())
                : "MSE " + ModelText.mse(mseWithUnitsOff()) + " without " + offCount + " unit" + (offCount == 1 ? "" : "s")
                + " (" + ModelText.mse(model.mse()) + " with all)";
        String shaping = contributing.cardinality() + " of " + units + " units shape the curve";
        text(g, fitting(room, 0.85, shaping + "   ·   " + mse + "   ·   " + OFF_HERE_ONLY, shaping + "   ·   " + mse,
                        shaping), fs * 0.6, fs * 1.45, 0.85, color(ChartColor.AXIS));

        double split = Math.round(width * 0.72);
        double top = fs * 2.9;
        double bottom = height - fs * 1.5;
        float[] xs = terms.xs();
        float[] sum = terms.sum(off);
        float[] truth = truth(data, xs);
        double[] range = yRange(sum, truth, data.y());
        viewport = new PlotViewport(fs * 3.2, top, split - fs * 3.6, bottom - top, data.minX(), data.maxX(),
                range[0], range[1], false);
        drawFrame(g, viewport, PlotViewport.linearTicks(range[0], range[1], 4), false);
        xLabels(g, viewport);
        clip(g, viewport);
        double maxSize = 0;
        for (int u = 0; u < units; u++) {
            maxSize = Math.max(maxSize, terms.termSize(u));
        }
        Color positive = color(ChartColor.DERIVATIVE);
        Color negative = color(ChartColor.MARKER);
        g.setLineWidth(Math.max(1, fs * 0.08));
        for (int u = 0; u < units; u++) {
            if (off.get(u) || u == hovered) {
                continue;
            }
            double share = maxSize == 0 ? 0 : terms.termSize(u) / maxSize;
            g.setStroke(alpha(terms.outputWeight(u) >= 0 ? positive : negative, 0.2 + 0.6 * Math.sqrt(share)));
            strokeSeries(g, viewport, xs, terms.term(u), xs.length);
        }
        if (truth != null) {
            g.setStroke(color(ChartColor.TRUE));
            g.setLineWidth(fs * 0.22);
            strokeSeries(g, viewport, xs, truth, xs.length);
        } else {
            // Loaded or edited data has no true function: its points are what the sum is fitted to.
            g.setFill(color(ChartColor.POINTS));
            double r = Math.max(1.5, fs * 0.15);
            float[] px = data.x();
            float[] py = data.y();
            for (int i = 0; i < px.length; i += Math.max(1, px.length / 2000)) {
                g.fillOval(viewport.pixelX(px[i]) - r, viewport.pixelY(py[i]) - r, 2 * r, 2 * r);
            }
        }
        g.setStroke(color(ChartColor.ACTIVATION));
        g.setLineWidth(fs * 0.3);
        strokeSeries(g, viewport, xs, sum, xs.length);
        if (hovered >= 0) {
            drawHovered(g, fs);
        }
        g.restore();
        drawSquares(g, split + fs * 0.6, top, width - fs * 0.6, bottom, fs, maxSize);
    }

    /** The first text that fits {@code room} pixels at this relative size (the last one if none does). */
    private String fitting(double room, double relativeSize, String... texts) {
        javafx.scene.text.Font f = font(relativeSize);
        for (String t : texts) {
            if (textWidth(t, f) <= room) {
                return t;
            }
        }
        return texts[texts.length - 1];
    }

    private void drawHovered(GraphicsContext g, double fs) {
        float[] xs = terms.xs();
        g.setStroke(color(ChartColor.TEXT));
        g.setLineWidth(fs * 0.22);
        if (off.get(hovered)) {
            g.setLineDashes(fs * 0.4, fs * 0.3);
        }
        strokeSeries(g, viewport, xs, terms.term(hovered), xs.length);
        g.setLineDashes((double[]) null);
        List<Double> switches = terms.switchPoints(hovered);
        g.setFill(color(ChartColor.TEXT));
        for (double x : switches) {
            double px = viewport.pixelX(x);
            double py = viewport.clampPixelY(viewport.pixelY(termAt(hovered, x)));
            double r = fs * 0.3;
            g.fillPolygon(new double[] {px - r, px + r, px}, new double[] {py + r * 1.6, py + r * 1.6, py}, 3);
        }
        String where = switches.isEmpty() ? "never switches on this range"
                : (terms.piecewiseLinear() ? "kink" : "centre") + (switches.size() == 1 ? " at x = " : "s at x = ")
                + joinNumbers(switches);
        text(g, String.format(Locale.ROOT, "unit %d: w = %+.3f, %s%s", hovered + 1, terms.outputWeight(hovered),
                where, off.get(hovered) ? " (off)" : ""), viewport.left() + fs * 0.4, viewport.top() + fs * 0.3,
                0.85, color(ChartColor.TEXT));
    }

    private double termAt(int unit, double x) {
        float[] xs = terms.xs();
        float[] t = terms.term(unit);
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] >= x) {
                double f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return t[i - 1] + f * (t[i] - t[i - 1]);
            }
        }
        return t[t.length - 1];
    }

    private static String joinNumbers(List<Double> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, values.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", values.get(i)));
        }
        return values.size() > 3 ? sb.append(", …").toString() : sb.toString();
    }

    /** One square per unit: filled by the sign and size of its term, hollow when off, ringed when hovered. */
    private void drawSquares(GraphicsContext g, double left, double top, double right, double bottom, double fs,
                             double maxSize) {
        int units = terms.units();
        text(g, fitting(right - left, 0.8, "Units (click: off / on; right click: all on)", "Units (click: off / on)",
                "Units"), left, top - fs * 0.2, 0.8, color(ChartColor.AXIS));
        DeadUnitsChart.UnitGrid grid = DeadUnitsChart.fit(units, left, top + fs * 1.2, right - left,
                bottom - top - fs * 1.2, fs * 1.6);
        squares = new Square[units];
        Color positive = color(ChartColor.DERIVATIVE);
        Color negative = color(ChartColor.MARKER);
        double gap = grid.size() > 5 ? 2 : 0;
        for (int u = 0; u < units; u++) {
            double x = grid.centreX(u) - grid.size() / 2;
            double y = grid.centreY(u) - grid.size() / 2;
            double size = grid.size() - gap;
            squares[u] = new Square(x, y, grid.size());
            double share = maxSize == 0 ? 0 : terms.termSize(u) / maxSize;
            Color c = terms.outputWeight(u) >= 0 ? positive : negative;
            if (off.get(u)) {
                g.setStroke(color(ChartColor.AXIS));
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
                g.strokeLine(x + 1, y + size - 1, x + size - 1, y + 1);
            } else {
                g.setFill(contributing.get(u) ? alpha(c, 0.25 + 0.75 * Math.sqrt(share)) : alpha(color(ChartColor.GRID), 1));
                g.fillRect(x, y, size, size);
            }
            if (u == hovered) {
                g.setStroke(color(ChartColor.TEXT));
                g.setLineWidth(2);
                g.strokeRect(x - 1, y - 1, size + 2, size + 2);
            }
        }
    }

    private void xLabels(GraphicsContext g, PlotViewport v) {
        double fs = fontSize();
        g.setFill(color(ChartColor.TEXT));
        g.setFont(font(0.85));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        List<PlotViewport.Tick> ticks = PlotViewport.piTicks(v.minX(), v.maxX(), false);
        if (ticks.size() < 3) {
            ticks = PlotViewport.linearTicks(v.minX(), v.maxX(), 6);
        }
        for (PlotViewport.Tick t : ticks) {
            g.fillText(t.label(), v.pixelX(t.value()), v.bottom() + fs * 0.2);
        }
    }

    /** The noise-free target at xs, or null for data without one. */
    private static float[] truth(Dataset data, float[] xs) {
        Optional<TargetFunction> target = data.target();
        if (target.isEmpty()) {
            return null;
        }
        float[] y = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            y[i] = (float) target.get().apply(xs[i]);
        }
        return y;
    }

    /** The sum's and the truth's range, padded; the terms may run off it (they are clipped). */
    private static double[] yRange(float[] sum, float[] truth, float[] pointsY) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] series : new float[][] {sum, truth != null ? truth : pointsY}) {
            if (series == null) {
                continue;
            }
            for (float v : series) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : -1;
            hi = lo + 2;
        }
        double pad = (hi - lo) * 0.35;
        return new double[] {lo - pad, hi + pad};
    }
}
