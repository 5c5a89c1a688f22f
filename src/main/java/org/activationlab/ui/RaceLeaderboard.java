package org.activationlab.ui;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.activationlab.engine.ModelStats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The race's live ranking: rank, colour, name, MSE and share of dead units, sorted by MSE
 * (diverged models last). Its rows are made once; a frame only changes texts that differ and,
 * when the order changes, which colour a row's swatch shows, so updating it every frame is cheap.
 */
public final class RaceLeaderboard extends GridPane {

    private final int capacity;
    private final Label[] rank;
    private final Region[] swatch;
    private final Label[] name;
    private final Label[] mse;
    private final Label[] dead;
    private final HBox[] nameCell;
    private final int[] swatchModel;
    private final Integer[] order;
    private final double[] keys;
    /** Lowest MSE first; diverged or non-finite last; ties keep the catalogue order. */
    private final Comparator<Integer> byMse;
    private int[] ranks = new int[0];
    private List<ModelStats> models = List.of();

    /** A leaderboard with rows for up to {@code capacity} models. */
    public RaceLeaderboard(int capacity) {
        this.capacity = capacity;
        setId("race-leaderboard");
        getStyleClass().add("race-leaderboard");
        rank = new Label[capacity];
        swatch = new Region[capacity];
        name = new Label[capacity];
        mse = new Label[capacity];
        dead = new Label[capacity];
        nameCell = new HBox[capacity];
        swatchModel = new int[capacity];
        order = new Integer[capacity];
        keys = new double[capacity];
        byMse = (a, b) -> {
            int c = Double.compare(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(right, grow, right, right);
        addRow(0, header("#"), header("Activation"), header("MSE"), header("dead"));
        for (int r = 0; r < capacity; r++) {
            rank[r] = cell("race-rank");
            swatch[r] = new Region();
            swatch[r].getStyleClass().addAll("race-swatch", RaceView.colourClass(r));
            swatchModel[r] = r;
            name[r] = cell("race-name");
            mse[r] = cell("race-mse");
            dead[r] = cell("race-dead");
            nameCell[r] = new HBox(swatch[r], name[r]);
            nameCell[r].getStyleClass().add("race-name-cell");
            addRow(r + 1, rank[r], nameCell[r], mse[r], dead[r]);
            if (r == 0) {
                for (Label l : List.of(rank[r], name[r], mse[r], dead[r])) {
                    l.getStyleClass().add("race-leader");
                }
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("race-header");
        return l;
    }

    private static Label cell(String styleClass) {
        Label l = new Label();
        l.getStyleClass().addAll("race-cell", styleClass);
        return l;
    }

    /** Ranks the models by MSE and shows them; returns each model's rank (1 = best). */
    public int[] show(List<ModelStats> newModels) {
        models = newModels;
        int n = Math.min(capacity, newModels.size());
        for (int i = 0; i < n; i++) {
            order[i] = i;
            keys[i] = sortKey(newModels.get(i));
        }
        Arrays.sort(order, 0, n, byMse);
        if (ranks.length != n) {
            ranks = new int[n];
        }
        for (int r = 0; r < capacity; r++) {
            boolean used = r < n;
            setVisibleRow(r, used);
            if (!used) {
                continue;
            }
            int m = order[r];
            ranks[m] = r + 1;
            ModelStats s = newModels.get(m);
            setText(rank[r], String.valueOf(r + 1));
            setText(name[r], s.activation().displayName());
            setText(mse[r], s.diverged() ? "diverged" : FitChart.formatMse(s.mse()));
            setText(dead[r], String.format(Locale.ROOT, "%.0f%%", 100 * s.deadFraction()));
            if (swatchModel[r] != m) {
                swatch[r].getStyleClass().set(1, RaceView.colourClass(m));
                swatchModel[r] = m;
            }
        }
        return ranks;
    }

    /** The model shown in row {@code row} (0 = leader), for tests. */
    ModelStats modelInRow(int row) {
        return models.get(order[row]);
    }

    /** The texts of row {@code row}: rank, name, MSE, dead share. */
    List<String> rowTexts(int row) {
        return List.of(rank[row].getText(), name[row].getText(), mse[row].getText(), dead[row].getText());
    }

    private void setVisibleRow(int r, boolean visible) {
        if (rank[r].isVisible() != visible) {
            for (javafx.scene.Node node : List.of(rank[r], nameCell[r], mse[r], dead[r])) {
                node.setVisible(visible);
                node.setManaged(visible);
            }
        }
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    static double sortKey(ModelStats s) {
        return s.diverged() || !Double.isFinite(s.mse()) ? Double.POSITIVE_INFINITY : s.mse();
    }
}
