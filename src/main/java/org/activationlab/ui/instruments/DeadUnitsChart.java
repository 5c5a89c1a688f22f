package org.activationlab.ui.instruments;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ModelHistory;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotViewport;

import java.util.List;
import java.util.Locale;

/**
 * The "Dead units" instrument, one row per network (small multiples, so a lesson can talk about
 * either): per hidden layer, the share of dead units (output 0 for every training input: no
 * gradient of their own) and the share of zero outputs (sparsity) over the epochs; beside it,
 * every unit of each layer as a small square, filled where the unit is dead now.
 */
public final class DeadUnitsChart extends InstrumentChart {

    /** Where one layer's squares are: unit u sits in column u % columns, row u / columns. */
    record UnitGrid(double left, double top, double size, int columns, int units) {
        double centreX(int unit) {
            return left + (unit % columns + 0.5) * size;
        }

        double centreY(int unit) {
            return top + (unit / columns + 0.5) * size;
        }
    }

    /** More networks than this (a race) are not drawn: the rows would be too thin to read. */
    static final int MAX_ROWS = 4;

    private UnitGrid[] grids = new UnitGrid[0];
    private UnitGrid[][] gridsByModel = new UnitGrid[0][];

    public DeadUnitsChart() {
        getStyleClass().add("dead-units-chart");
    }

    /** Where the squares of each hidden layer of the first network were drawn last, for tests. */
    UnitGrid[] grids() {
        return grids.clone();
    }

    /** The same for network {@code model}. */
    UnitGrid[] grids(int model) {
        return gridsByModel[model].clone();
    }

    /** The fill of a dead unit's square. */
    Color deadColor() {
        return color(ChartColor.TEXT);
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        double fs = fontSize();
        int rows = Math.min(MAX_ROWS, s.models().size());
        text(g, "Dead units (solid) and zero outputs (dashed) per hidden layer, one row per network",
                fs * 0.6, fs * 0.25, 1.0, color(ChartColor.TEXT));
        text(g, "A dead unit outputs 0 for every training input: it gets no gradient of its own, "
                        + "though changes in earlier layers can bring it back.",
                fs * 0.6, fs * 1.45, 0.85, color(ChartColor.AXIS));
        double top = fs * 2.7;
        double band = (height - top) / rows;
        gridsByModel = new UnitGrid[rows][];
        for (int m = 0; m < rows; m++) {
            drawModel(g, s, m, width, top + m * band, top + (m + 1) * band, fs);
        }
        grids = gridsByModel[0];
    }

    /** Network {@code m}'s row: its name, the shares over the epochs, and its units now. */
    private void drawModel(GraphicsContext g, Snapshot s, int m, double width, double rowTop, double rowBottom,
                           double fs) {
        ModelStats model = s.models().get(m);
        ModelHistory history = s.histories().get(m);
        int hidden = history.deadFraction().size();
        double split = Math.round(width * 0.55);
        Color base = modelColor(m);
        text(g, ModelText.label(model), fs * 0.6, rowTop + fs * 0.1, 0.9,
                base.interpolate(color(ChartColor.TEXT), 0.3));
        double top = rowTop + fs * 1.5;
        double bottom = rowBottom - fs * 1.5;
        PlotViewport v = epochViewport(fs * 3.4, top, split - fs * 1.2, Math.max(top + 2, bottom), 0, 1, false);
        drawFrame(g, v, List.of(new PlotViewport.Tick(0, "0%"), new PlotViewport.Tick(0.5, "50%"),
                new PlotViewport.Tick(1, "100%")), true);
        clip(g, v);
        for (int l = 0; l < hidden; l++) {
            Color c = shade(base, l, hidden);
            g.setStroke(c);
            g.setLineWidth(fs * 0.2);
            strokeHistory(g, v, history.deadFraction().get(l));
            g.setLineWidth(fs * 0.14);
            g.setLineDashes(fs * 0.5, fs * 0.35);
            strokeHistory(g, v, history.sparsity().get(l));
            g.setLineDashes((double[]) null);
        }
        g.restore();
        gridsByModel[m] = drawUnits(g, model, base, split + fs * 0.6, rowTop + fs * 0.1, width - fs * 0.6,
                rowBottom - fs * 0.4, fs);
    }

    /** One band per hidden layer: its counts, then its units as squares, dead ones filled. */
    private UnitGrid[] drawUnits(GraphicsContext g, ModelStats model, Color base, double left, double top,
                                 double right, double bottom, double fs) {
        List<LayerStats> layers = model.layers();
        int hidden = layers.size() - 1;
        UnitGrid[] grids = new UnitGrid[hidden];
        double band = (bottom - top) / Math.max(1, hidden);
        for (int l = 0; l < hidden; l++) {
            LayerStats layer = layers.get(l);
            double y = top + l * band;
            Color c = shade(base, l, hidden);
            text(g, String.format(Locale.ROOT, "Layer %d: %d of %d dead, %.0f%% zero outputs", l + 1,
                    layer.deadUnits().length, layer.units(), layer.sparsity() * 100), left, y, 0.85, c.interpolate(color(ChartColor.TEXT), 0.4));
            double gridTop = y + fs * 1.2;
            UnitGrid grid = fit(layer.units(), left, gridTop, right - left, y + band - gridTop - fs * 0.3, fs * 1.3);
            grids[l] = grid;
            boolean[] dead = new boolean[layer.units()];
            for (int u : layer.deadUnits()) {
                dead[u] = true;
            }
            double gap = grid.size() > 5 ? 1 : 0;
            for (int u = 0; u < layer.units(); u++) {
                double x = grid.centreX(u) - grid.size() / 2;
                double yy = grid.centreY(u) - grid.size() / 2;
                double s = grid.size() - gap;
                if (dead[u]) {
                    g.setFill(deadColor());
                    g.fillRect(x, yy, s, s);
                } else {
                    g.setFill(alpha(c, 0.25));
                    g.fillRect(x, yy, s, s);
                }
            }
        }
        return grids;
    }

    /** The largest squares (at most {@code maxSize}) that fit {@code units} into the box. */
    static UnitGrid fit(int units, double left, double top, double width, double height, double maxSize) {
        double best = 0;
        int bestColumns = units;
        for (int columns = 1; columns <= units; columns++) {
            int rows = (units + columns - 1) / columns;
            double size = Math.min(Math.min(width / columns, height / rows), maxSize);
            if (size > best + 1e-9) {
                best = size;
                bestColumns = columns;
            }
        }
        return new UnitGrid(left, top, Math.max(1, best), bestColumns, units);
    }
}
