package org.activationlab.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import org.activationlab.training.Snapshot;

/**
 * Something a feature draws over a chart's plot after the chart's own curves (the instruments'
 * kinks and collapsed lines over the fit chart), so that the feature needs to know only the
 * chart base, not the chart. What it covers it notes with {@link ChartCanvas#noteOverlayArea}.
 */
@FunctionalInterface
public interface PlotOverlay {
    void draw(GraphicsContext g, ChartCanvas chart, PlotViewport viewport, Snapshot snapshot);
}
