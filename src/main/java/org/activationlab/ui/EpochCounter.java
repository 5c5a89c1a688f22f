package org.activationlab.ui;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * "epoch 7 / 100": a label as wide as its widest text for the limit ("epoch 100 / 100"), so the
 * controls after it do not move while the count goes up. The font's digits are all equally wide
 * (tabular, as in DejaVu Sans), so measuring zeros stands for every number of that many digits.
 */
public final class EpochCounter extends Label {

    /** Without a limit the count keeps room for this many digits before it grows. */
    private static final int MIN_DIGITS = 4;

    private final Text measure = new Text();
    private String widest = "";

    public EpochCounter() {
        getStyleClass().add("epoch-counter");
    }

    /** Shows {@code epoch} of {@code limit} (0: no limit). */
    public void show(long epoch, int limit) {
        setText("epoch " + epoch + (limit > 0 ? " / " + limit : ""));
        int digits = Math.max(Long.toString(epoch).length(),
                limit > 0 ? Integer.toString(limit).length() : MIN_DIGITS);
        String next = "epoch " + "0".repeat(digits) + (limit > 0 ? " / " + "0".repeat(digits) : "");
        if (!next.equals(widest)) {
            widest = next;
            requestLayout();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        measure.setFont(getFont());
        measure.setText(widest);
        double widestText = Math.ceil(measure.getLayoutBounds().getWidth())
                + snappedLeftInset() + snappedRightInset();
        return Math.max(super.computePrefWidth(height), widestText);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }
}
