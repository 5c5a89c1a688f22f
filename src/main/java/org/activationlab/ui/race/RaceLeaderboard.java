package org.activationlab.ui.race;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.activationlab.engine.ModelStats;
import org.activationlab.ui.chart.ModelText;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The race's live ranking: rank, colour, name, MSE and share of dead units, sorted by MSE
 * (diverged models last). Each model owns one row of nodes, made once with its colour; a new
 * order only moves rows (their grid row index) and a frame only changes texts that differ, so
 * nothing is created and no style is recomputed when it updates every frame.
 */
public final class RaceLeaderboard extends GridPane {

    private static final int COLUMNS = 4;

    private final int capacity;
    private final Label[] rank;
    private final Label[] name;
    private final Label[] mse;
    private final Label[] dead;
    private final Node[][] rows;
    /** The row each model's nodes are in (0 = leader), −1 while hidden. */
    private final int[] position;
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
        name = new Label[capacity];
        mse = new Label[capacity];
        dead = new Label[capacity];
        rows = new Node[capacity][];
        position = new int[capacity];
        order = new Integer[capacity];
        keys = new double[capacity];
        byMse = (a, b) -> {
            int c = Double.compare(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };
        // Numbers are never cut short ("8.03e-05", "13"); a long name may be, with an ellipsis.
        ColumnConstraints number = new ColumnConstraints();
        number.setHalignment(HPos.RIGHT);
        number.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints text = new ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        text.setMinWidth(0);
        getColumnConstraints().addAll(number, text, number, number);
        Region leaderBand = new Region();
        leaderBand.getStyleClass().add("race-leader-band");
        add(leaderBand, 0, 1, COLUMNS, 1);
        addRow(0, header("#"), header("Activation"), header("MSE"), header("dead"));
        for (int m = 0; m < capacity; m++) {
            rank[m] = cell("race-rank");
            Region swatch = new Region();
            swatch.getStyleClass().addAll("race-swatch", RaceView.colourClass(m));
            name[m] = cell("race-name");
            mse[m] = cell("race-mse");
            dead[m] = cell("race-dead");
            HBox nameCell = new HBox(swatch, name[m]);
            nameCell.getStyleClass().add("race-name-cell");
            rows[m] = new Node[]{rank[m], nameCell, mse[m], dead[m]};
            for (int c = 0; c < COLUMNS; c++) {
                add(rows[m][c], c, m + 1); // not addRow: it appends after the leader band
            }
            position[m] = m;
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
        for (int r = 0; r < n; r++) {
            int m = order[r];
            ranks[m] = r + 1;
            moveRow(m, r);
            ModelStats s = newModels.get(m);
            setText(rank[m], String.valueOf(r + 1));
            setText(name[m], s.activation().displayName());
            setText(mse[m], s.diverged() ? "diverged" : ModelText.mse(s.mse()));
            setText(dead[m], String.format(Locale.ROOT, "%.0f%%", 100 * s.deadFraction()));
        }
        for (int m = n; m < capacity; m++) {
            moveRow(m, -1);
        }
        return ranks;
    }

    /** Puts model {@code m}'s row at {@code row} (0 = top), or hides it for −1. */
    private void moveRow(int m, int row) {
        if (position[m] == row) {
            return;
        }
        boolean visible = row >= 0;
        for (Node node : rows[m]) {
            if (visible) {
                GridPane.setRowIndex(node, row + 1);
            }
            node.setVisible(visible);
            node.setManaged(visible);
        }
        position[m] = row;
    }

    /** The model shown in row {@code row} (0 = leader), for tests. */
    ModelStats modelInRow(int row) {
        return models.get(order[row]);
    }

    /** The texts of row {@code row}: rank, name, MSE, dead share. */
    List<String> rowTexts(int row) {
        int m = order[row];
        return List.of(rank[m].getText(), name[m].getText(), mse[m].getText(), dead[m].getText());
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
