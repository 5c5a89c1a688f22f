package org.activationlab.ui.race;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Race mode's centre: one small {@link RaceChart} per model in a grid, and a live leaderboard
 * sorted by MSE. Every chart and row is made once, for as many models as an experiment may
 * have; a snapshot only changes what they show.
 */
public final class RaceView extends HBox {

    /** CSS colour classes race-model-0 … race-model-15, one per model position. */
    static String colourClass(int model) {
        return "race-model-" + model;
    }

    private final List<RaceChart> charts = new ArrayList<>();
    private final RaceGrid grid = new RaceGrid();
    private final RaceLeaderboard leaderboard = new RaceLeaderboard(ExperimentConfig.MAX_MODELS);
    private final Label summary = new Label();
    private int shownModels = -1;

    public RaceView(LabModel model) {
        setId("race-view");
        getStyleClass().add("race-view");
        for (int i = 0; i < ExperimentConfig.MAX_MODELS; i++) {
            RaceChart chart = new RaceChart();
            chart.setId("race-chart-" + i);
            chart.getStyleClass().add(colourClass(i));
            charts.add(chart);
        }
        grid.getChildren().addAll(charts);
        HBox.setHgrow(grid, Priority.ALWAYS);
        Label title = new Label("Activation race");
        title.getStyleClass().add("race-title");
        summary.getStyleClass().add("race-summary");
        summary.setWrapText(true);
        Label note = new Label("Same data, same initial weights, same optimiser: only the "
                + "activation differs. Dead = units that output 0 for every input. G leaves the race.");
        note.getStyleClass().add("race-note");
        note.setWrapText(true);
        // Whole lines, never "…": at a large text size the side column scrolls instead.
        summary.setMinHeight(USE_PREF_SIZE);
        note.setMinHeight(USE_PREF_SIZE);
        VBox side = new VBox(title, summary, leaderboard, note);
        side.getStyleClass().add("race-side");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.getStyleClass().add("race-side-scroll");
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(grid, sideScroll);
        show(model.snapshot());
    }

    /** Every chart, shown or not (the main view redraws them when dirty). */
    public List<RaceChart> charts() {
        return Collections.unmodifiableList(charts);
    }

    public RaceLeaderboard leaderboard() {
        return leaderboard;
    }

    /** The number of charts shown. */
    public int shownCharts() {
        return Math.max(0, shownModels);
    }

    public void show(Snapshot s) {
        if (s == null) {
            return;
        }
        List<ModelStats> models = s.models();
        int n = Math.min(models.size(), charts.size());
        if (n != shownModels) {
            shownModels = n;
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).setVisible(i < n);
                charts.get(i).setManaged(i < n);
            }
        }
        int[] ranks = leaderboard.show(models);
        for (int i = 0; i < n; i++) {
            charts.get(i).show(s.config().data(), models.get(i), ranks[i]);
        }
        String text = n + " models · epoch " + s.epoch() + " · " + s.config().network().shapeText()
                + ", " + s.config().optimizer().kind().displayName() + ", "
                + s.config().data().description();
        if (!text.equals(summary.getText())) {
            summary.setText(text);
        }
    }

    /**
     * Lays the shown charts out in the number of columns that makes each as large as it can be
     * without getting much wider than tall.
     */
    static final class RaceGrid extends Pane {
        static final double GAP = 6;

        RaceGrid() {
            getStyleClass().add("race-grid");
        }

        // The charts take whatever room there is; their canvases' sizes must not feed back.
        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computeMinHeight(double width) {
            return 0;
        }

        @Override
        protected double computePrefWidth(double height) {
            return 400;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 300;
        }

        @Override
        protected void layoutChildren() {
            List<javafx.scene.Node> shown = getManagedChildren();
            int n = shown.size();
            if (n == 0) {
                return;
            }
            double x0 = snappedLeftInset();
            double y0 = snappedTopInset();
            double w = getWidth() - x0 - snappedRightInset();
            double h = getHeight() - y0 - snappedBottomInset();
            int columns = columns(n, w, h);
            int rows = (n + columns - 1) / columns;
            double cellW = Math.floor((w - GAP * (columns - 1)) / columns);
            double cellH = Math.floor((h - GAP * (rows - 1)) / rows);
            for (int i = 0; i < n; i++) {
                int c = i % columns;
                int r = i / columns;
                shown.get(i).resizeRelocate(x0 + c * (cellW + GAP), y0 + r * (cellH + GAP), cellW, cellH);
            }
        }

        /** The column count whose cells, capped at 1.6 : 1, have the largest area. */
        static int columns(int n, double width, double height) {
            int best = 1;
            double bestArea = -1;
            for (int c = 1; c <= n; c++) {
                int rows = (n + c - 1) / c;
                double cw = (width - GAP * (c - 1)) / c;
                double ch = (height - GAP * (rows - 1)) / rows;
                double usedW = Math.min(cw, ch * 1.6);
                double usedH = Math.min(ch, cw);
                double area = usedW * usedH;
                if (area > bestArea) {
                    bestArea = area;
                    best = c;
                }
            }
            return best;
        }
    }
}
