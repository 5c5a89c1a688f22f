package org.activationlab.ui.experiment;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

/**
 * A slider over a base-10 logarithmic range with its value shown beside it. The value is
 * committed when the user lets go (or steps it with the keys), not while dragging: each commit
 * is a trainer command, and a new learning rate resets the optimiser's state.
 */
public final class LogSlider extends HBox {

    private final Slider slider;
    private final Label value = new Label();
    private final DoubleFunction<String> format;
    private DoubleConsumer onCommit = v -> { };
    private double committed = Double.NaN;
    private boolean showing;

    /**
     * @param minExponent the slider's left end is 10^minExponent
     * @param maxExponent its right end is 10^maxExponent
     */
    public LogSlider(String id, double minExponent, double maxExponent, DoubleFunction<String> format) {
        this.format = format;
        slider = new Slider(minExponent, maxExponent, minExponent);
        slider.setId(id);
        slider.setBlockIncrement(0.25);
        getStyleClass().add("drawer-slider");
        value.getStyleClass().add("drawer-value");
        HBox.setHgrow(slider, Priority.ALWAYS);
        getChildren().addAll(slider, value);
        slider.valueProperty().addListener((o, a, v) -> {
            value.setText(format.apply(value()));
            if (!slider.isValueChanging()) {
                commit();
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        value.setText(format.apply(value()));
    }

    /** The value, 10^position, rounded to three significant digits as shown. */
    public double value() {
        double v = Math.pow(10, slider.getValue());
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    /** Shows {@code v} without committing it (unless the user is dragging the slider). */
    public void show(double v) {
        if (slider.isValueChanging()) {
            return;
        }
        showing = true;
        try {
            committed = v;
            slider.setValue(Math.log10(v));
            value.setText(format.apply(v));
        } finally {
            showing = false;
        }
    }

    /** Called with the value when the user commits a new one. */
    public void setOnCommit(DoubleConsumer action) {
        onCommit = action;
    }

    public Slider slider() {
        return slider;
    }

    private void commit() {
        double v = value();
        if (showing || v == committed) {
            return;
        }
        committed = v;
        onCommit.accept(v);
    }

    /** A learning rate: "0.001", "0.0316", "1", and below 0.001 "3.16e-05". */
    static String rate(double v) {
        if (v < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros()
                .toPlainString();
    }
}
