package org.activationlab.ui.lessons;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activationlab.engine.Activations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Softmax as a vector function, to play with: a few logits on sliders, a temperature, and the
 * probabilities as bars. The probabilities come from the engine's {@link Activations#SOFTMAX}
 * applied to one row of {@code logits / T}, the very code a softmax layer would run.
 */
public final class SoftmaxPanel extends StackPane {

    public static final int MIN_CLASSES = 3;
    public static final int MAX_CLASSES = 5;
    public static final double MAX_LOGIT = 5;
    /** The temperature slider is logarithmic: T = 10^value. */
    public static final double MIN_TEMPERATURE = 0.1;
    public static final double MAX_TEMPERATURE = 100;
    private static final double[] START_LOGITS = {2.0, 1.0, 0.1, -1.0, -2.0};

    private final ChoiceBox<Integer> classCount = new ChoiceBox<>();
    private final Slider temperature = new Slider(Math.log10(MIN_TEMPERATURE), Math.log10(MAX_TEMPERATURE), 0);
    private final Label temperatureValue = new Label();
    private final List<Slider> logits = new ArrayList<>();
    private final List<Label> logitValues = new ArrayList<>();
    private final List<ProgressBar> bars = new ArrayList<>();
    private final List<Label> percents = new ArrayList<>();
    private final List<List<javafx.scene.Node>> rows = new ArrayList<>();
    private final Label sum = new Label();
    private double[] probabilities = new double[0];

    public SoftmaxPanel() {
        getStyleClass().add("softmax-panel");
        setId("softmax-panel");

        Label title = new Label("Softmax: scores in, probabilities out");
        title.getStyleClass().add("softmax-title");
        Label formula = new Label("pᵢ = e^(zᵢ / T) / Σⱼ e^(zⱼ / T)");
        formula.getStyleClass().add("softmax-formula");
        Label caption = new Label("Each logit z is one class's score. Softmax turns all of them together into "
                + "probabilities between 0 and 1 that add up to 1.");
        caption.getStyleClass().add("softmax-caption");
        caption.setWrapText(true);
        caption.setMinHeight(USE_PREF_SIZE);

        classCount.setId("softmax-classes");
        classCount.getItems().setAll(3, 4, 5);
        classCount.setValue(4);
        classCount.valueProperty().addListener((obs, old, now) -> recompute());
        temperature.setId("softmax-temperature");
        temperature.setBlockIncrement(0.1);
        temperature.valueProperty().addListener((obs, old, now) -> recompute());
        HBox.setHgrow(temperature, Priority.ALWAYS);
        temperatureValue.getStyleClass().add("softmax-value");
        HBox settings = new HBox(new Label("Classes"), classCount, new Label("Temperature T"), temperature,
                temperatureValue);
        settings.getStyleClass().add("softmax-settings");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("softmax-grid");
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints slider = new ColumnConstraints(160, 260, 360);
        slider.setHgrow(Priority.SOMETIMES);
        ColumnConstraints value = new ColumnConstraints(60);
        value.setHalignment(HPos.RIGHT);
        ColumnConstraints bar = new ColumnConstraints(160, 320, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints percent = new ColumnConstraints(80);
        percent.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().setAll(name, slider, value, bar, percent);
        grid.addRow(0, header("class"), header("logit z"), header(""), header("probability p"), header(""));
        for (int i = 0; i < MAX_CLASSES; i++) {
            addRow(grid, i);
        }
        sum.getStyleClass().add("softmax-sum");
        grid.add(sum, 3, MAX_CLASSES + 1, 2, 1);
        GridPane.setHalignment(sum, HPos.RIGHT);

        VBox content = new VBox(title, formula, caption, settings, grid);
        content.getStyleClass().add("softmax-content");
        content.setMaxWidth(980);
        content.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(content);
        StackPane.setAlignment(content, Pos.TOP_CENTER);
        recompute();
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("softmax-header");
        return l;
    }

    private void addRow(GridPane grid, int i) {
        Label name = new Label("class " + (char) ('A' + i));
        name.getStyleClass().add("softmax-class");
        name.setMinWidth(USE_PREF_SIZE);
        Slider logit = new Slider(-MAX_LOGIT, MAX_LOGIT, START_LOGITS[i]);
        logit.setId("softmax-logit-" + i);
        logit.setBlockIncrement(0.5);
        logit.valueProperty().addListener((obs, old, now) -> recompute());
        Label value = new Label();
        value.getStyleClass().add("softmax-value");
        ProgressBar bar = new ProgressBar(0);
        bar.setId("softmax-bar-" + i);
        bar.getStyleClass().add("softmax-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label percent = new Label();
        percent.getStyleClass().add("softmax-percent");
        percent.setMinWidth(USE_PREF_SIZE);
        grid.addRow(i + 1, name, logit, value, bar, percent);
        logits.add(logit);
        logitValues.add(value);
        bars.add(bar);
        percents.add(percent);
        rows.add(List.of(name, logit, value, bar, percent));
    }

    /**
     * Softmax of {@code logits / temperature}, computed by the engine's softmax on a 1 × k row
     * (in single precision, as in training).
     */
    public static double[] probabilities(double[] logits, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        int k = logits.length;
        float[] scaled = new float[k];
        for (int j = 0; j < k; j++) {
            scaled[j] = (float) (logits[j] / temperature);
        }
        float[] out = new float[k];
        Activations.SOFTMAX.forward(scaled, out, 1, k, 0f);
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = out[j];
        }
        return p;
    }

    private void recompute() {
        int k = classCount();
        double t = temperature();
        double[] z = new double[k];
        for (int i = 0; i < MAX_CLASSES; i++) {
            boolean shown = i < k;
            for (javafx.scene.Node n : rows.get(i)) {
                n.setVisible(shown);
                n.setManaged(shown);
            }
            logitValues.get(i).setText(String.format(Locale.ROOT, "%+.1f", logits.get(i).getValue()));
            if (shown) {
                z[i] = logits.get(i).getValue();
            }
        }
        probabilities = probabilities(z, t);
        double total = 0;
        for (int i = 0; i < k; i++) {
            bars.get(i).setProgress(probabilities[i]);
            percents.get(i).setText(String.format(Locale.ROOT, "%.1f %%", 100 * probabilities[i]));
            total += probabilities[i];
        }
        temperatureValue.setText(String.format(Locale.ROOT, t < 10 ? "%.2f" : "%.0f", t));
        sum.setText(String.format(Locale.ROOT, "sum %.1f %%", 100 * total));
    }

    /** The probabilities shown, one per visible class. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    public int classCount() {
        return classCount.getValue();
    }

    public void setClassCount(int k) {
        if (k < MIN_CLASSES || k > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be " + MIN_CLASSES + "–" + MAX_CLASSES + ", got " + k);
        }
        classCount.setValue(k);
    }

    public double logit(int i) {
        return logits.get(i).getValue();
    }

    /** Sets logit {@code i}, clamped to ±{@link #MAX_LOGIT} as the slider is. */
    public void setLogit(int i, double value) {
        logits.get(i).setValue(value);
    }

    public double temperature() {
        return Math.pow(10, temperature.getValue());
    }

    /** Sets the temperature, clamped to [{@link #MIN_TEMPERATURE}, {@link #MAX_TEMPERATURE}]. */
    public void setTemperature(double t) {
        temperature.setValue(Math.log10(Math.max(MIN_TEMPERATURE, Math.min(MAX_TEMPERATURE, t))));
    }

    public Slider temperatureSlider() {
        return temperature;
    }

    public Slider logitSlider(int i) {
        return logits.get(i);
    }

    public ProgressBar bar(int i) {
        return bars.get(i);
    }
}
