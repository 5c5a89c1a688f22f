package org.activationlab.ui.experiment;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.Setting;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The "Experiment" drawer: hyper-parameters, network shape and training data, each sent to the
 * trainer through the {@link LabModel} when changed and applied at the next epoch boundary.
 * The controls show the current config (after a lesson or a file changed it) without sending
 * anything back.
 */
public final class ExperimentDrawer extends ScrollPane {

    public static final List<Integer> BATCH_SIZES = List.of(1, 8, 16, 32, 64, 128, 256, 1000);
    public static final List<Integer> POINT_COUNTS = List.of(10, 20, 50, 100, 200, 500, 1000, 2000, 5000);

    private final LabModel model;
    private final LogSlider learningRate = new LogSlider("drawer-learning-rate",
            Math.log10(Setting.LEARNING_RATE.min()), Math.log10(Setting.LEARNING_RATE.max()), LogSlider::rate);
    private final ChoiceBox<OptimizerKind> optimizer = choice("drawer-optimizer", OptimizerKind.values(),
            OptimizerKind::displayName);
    private final ChoiceBox<Integer> batchSize = choice("drawer-batch-size", BATCH_SIZES.toArray(new Integer[0]),
            String::valueOf);
    private final Spinner<Integer> width = new Spinner<>(new DoublingFactory(Setting.WIDTH.minInt(),
            Setting.WIDTH.maxInt(), Setting.WIDTH.defaultInt()));
    private final Spinner<Integer> depth = new Spinner<>(Setting.DEPTH.minInt(), Setting.DEPTH.maxInt(),
            Setting.DEPTH.defaultInt());
    private final ChoiceBox<Initializer> initializer = choice("drawer-initializer", Initializer.values(),
            Initializer::displayName);
    /** The init scale's range is open at 0: the slider starts four decades below its maximum. */
    private final LogSlider initScale = new LogSlider("drawer-init-scale",
            Math.log10(Setting.INIT_SCALE.max()) - 4, Math.log10(Setting.INIT_SCALE.max()),
            v -> String.format(Locale.ROOT, "× %.3g", v));
    private final Spinner<Double> biasInit = new Spinner<>(Setting.BIAS_INIT.min(), Setting.BIAS_INIT.max(),
            Setting.BIAS_INIT.defaultValue(), 0.1);
    private final TextField seed = new TextField();
    private final ComboBox<TargetFunction> target =
            new ComboBox<>(FXCollections.observableArrayList(TargetFunction.values()));
    private final ChoiceBox<Integer> points = choice("drawer-points", POINT_COUNTS.toArray(new Integer[0]),
            String::valueOf);
    private final Slider noise = new Slider(Setting.NOISE.min(), Setting.NOISE.max(), Setting.NOISE.defaultValue());
    private final Label noiseValue = new Label();
    private final Label dataInfo = new Label();
    private final Button loadCsv = new Button("Load CSV…");
    private final Button hide = new Button("×");
    private ExperimentConfig shown;
    private boolean updating;

    public ExperimentDrawer(LabModel model) {
        this.model = model;
        setId("experiment-drawer");
        getStyleClass().add("experiment-drawer");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        learningRate.setOnCommit(v -> send(() -> model.setLearningRate(v)));
        optimizer.valueProperty().addListener((o, a, kind) -> send(() -> model.setOptimizer(kind)));
        batchSize.valueProperty().addListener((o, a, b) -> send(() -> model.setBatchSize(b)));
        spinner(width, "drawer-width", Integer::valueOf, w -> send(() -> model.setWidth(w)));
        spinner(depth, "drawer-depth", Integer::valueOf, d -> send(() -> model.setDepth(d)));
        initializer.valueProperty().addListener((o, a, i) -> send(() -> model.setInitializer(i)));
        initScale.setOnCommit(v -> send(() -> model.setInitScale(v)));
        spinner(biasInit, "drawer-bias-init", Double::valueOf, b -> send(() -> model.setBiasInit(b)));
        seed.setId("drawer-seed");
        seed.setPromptText("seed");
        seed.setOnAction(e -> applySeed());

        target.setId("drawer-target");
        target.setMaxWidth(Double.MAX_VALUE);
        target.setConverter(converter(TargetFunction::displayName));
        target.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(TargetFunction item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "custom data" : item.displayName());
            }
        });
        target.valueProperty().addListener((o, a, t) -> {
            if (t != null) {
                send(() -> model.setTarget(t));
            }
        });
        points.valueProperty().addListener((o, a, n) -> send(() -> model.setPointCount(n)));
        noise.setId("drawer-noise");
        noise.setBlockIncrement(0.05);
        noiseValue.getStyleClass().add("drawer-value");
        noise.valueProperty().addListener((o, a, v) -> {
            noiseValue.setText(String.format(Locale.ROOT, "%.2f", v.doubleValue()));
            if (!noise.isValueChanging()) {
                commitNoise();
            }
        });
        noise.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commitNoise();
            }
        });
        loadCsv.setId("drawer-load-csv");
        loadCsv.setMaxWidth(Double.MAX_VALUE);
        dataInfo.setId("drawer-data-info");
        dataInfo.getStyleClass().add("drawer-note");
        dataInfo.setWrapText(true);
        Label clickHint = new Label("Click the chart to add a point, right-click to remove one.");
        clickHint.getStyleClass().add("drawer-note");
        clickHint.setWrapText(true);

        hide.setId("drawer-hide");
        hide.getStyleClass().add("drawer-hide");
        hide.setTooltip(new Tooltip("Hide the panel (E)"));
        hide.setFocusTraversable(false);
        Label title = new Label("Experiment");
        title.getStyleClass().add("drawer-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(title, gap, hide);
        head.getStyleClass().add("drawer-head");
        Label applies = new Label("Changes apply at the next epoch; shape, initialisation, batch "
                + "and data restart both models.");
        applies.getStyleClass().add("drawer-note");
        applies.setWrapText(true);

        tooltip(learningRate, Setting.LEARNING_RATE);
        tooltip(optimizer, Setting.OPTIMIZER);
        tooltip(batchSize, Setting.BATCH_SIZE);
        tooltip(width, Setting.WIDTH);
        tooltip(depth, Setting.DEPTH);
        tooltip(initializer, Setting.INITIALIZER);
        tooltip(initScale, Setting.INIT_SCALE);
        tooltip(biasInit, Setting.BIAS_INIT);
        tooltip(seed, Setting.SEED);
        tooltip(target, Setting.TARGET);
        tooltip(points, Setting.POINTS);
        tooltip(noise, Setting.NOISE);
        VBox content = new VBox(head, applies,
                section("Training"),
                row("Learning rate", learningRate), row("Optimiser", optimizer), row("Batch size", batchSize),
                section("Network"),
                pair(row("Width", width), row("Depth", depth)),
                row("Initialiser", initializer), row("Init scale", initScale),
                pair(row("Bias init", biasInit), row("Seed", seed)),
                section("Data"),
                row("Target function", target),
                row("Points", points), row("Noise (σ)", withValue(noise, noiseValue)),
                loadCsv, dataInfo, clickHint);
        content.getStyleClass().add("drawer-content");
        setContent(content);
        show(model.snapshot());
    }

    /** What the hide button does (the controller hides the drawer). */
    public void setOnHide(Runnable action) {
        hide.setOnAction(e -> action.run());
    }

    /** What the "Load CSV…" button does (the controller opens a file chooser). */
    public void setOnLoadCsv(Runnable action) {
        loadCsv.setOnAction(e -> action.run());
    }

    /** Shows the snapshot's config in the controls, if it changed; sends nothing. */
    public void show(Snapshot s) {
        if (s == null || s.config() == shown) {
            return;
        }
        shown = s.config();
        ExperimentConfig c = shown;
        updating = true;
        try {
            learningRate.show(c.optimizer().learningRate());
            optimizer.setValue(c.optimizer().kind());
            showChoice(batchSize, c.batchSize());
            NetworkSpec n = c.network();
            showSpinner(width, n.width());
            showSpinner(depth, n.depth());
            initializer.setValue(n.initializer());
            initScale.show(n.initScale());
            showSpinner(biasInit, n.biasInit());
            if (!seed.isFocused()) {
                seed.setText(String.valueOf(c.seed()));
                seed.getStyleClass().remove("invalid");
            }
            Dataset d = c.data();
            boolean generated = d.target().isPresent();
            target.setValue(d.target().orElse(null));
            showChoice(points, d.size());
            if (!noise.isValueChanging()) {
                noise.setValue(d.noise());
                noiseValue.setText(String.format(Locale.ROOT, "%.2f", noise.getValue()));
            }
            points.setDisable(!generated);
            noise.setDisable(!generated);
            dataInfo.setText(generated ? d.size() + " points of " + d.target().get().displayName()
                    + (d.noise() > 0 ? String.format(Locale.ROOT, " with noise σ = %.2f", d.noise()) : "")
                    : "Custom data (" + d.description() + "), " + d.size() + " points. Choose a "
                    + "target function to generate data again.");
        } finally {
            updating = false;
        }
    }

    /** The settings table's help, range and default as the control's tooltip. */
    private static void tooltip(javafx.scene.control.Control control, Setting setting) {
        Tooltip tip = new Tooltip(setting.description());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        control.setTooltip(tip);
    }

    private static void tooltip(LogSlider slider, Setting setting) {
        Tooltip.install(slider, new Tooltip(setting.description()));
    }

    private void send(Runnable action) {
        if (!updating) {
            action.run();
        }
    }

    private void commitNoise() {
        double v = Math.round(noise.getValue() * 100) / 100.0;
        if (!updating && shown != null && Math.abs(v - shown.data().noise()) > 1e-9) {
            model.setNoise(v);
        }
    }

    private void applySeed() {
        try {
            long value = Long.parseLong(seed.getText().strip());
            seed.getStyleClass().remove("invalid");
            model.setSeed(value);
        } catch (NumberFormatException e) {
            if (!seed.getStyleClass().contains("invalid")) {
                seed.getStyleClass().add("invalid");
            }
        }
    }

    private static <T> void showChoice(ChoiceBox<T> box, T value) {
        if (!box.getItems().contains(value)) {
            // A lesson or file may use a value the list does not offer: offer it too.
            box.getItems().add(value);
            if (value instanceof Integer) {
                box.getItems().sort(null);
            }
        }
        box.setValue(value);
    }

    private static <T> void showSpinner(Spinner<T> spinner, T value) {
        if (!spinner.getEditor().isFocused() && !value.equals(spinner.getValue())) {
            spinner.getValueFactory().setValue(value);
        }
    }

    private static <T> void spinner(Spinner<T> spinner, String id, Function<String, T> parse,
                                    java.util.function.Consumer<T> action) {
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        StringConverter<T> shown = factory.getConverter();
        // Typed text that is not a number puts the current value back instead of throwing.
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return shown.toString(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.apply(text.strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    spinner.getEditor().setText(shown.toString(factory.getValue()));
                    return factory.getValue();
                }
            }
        });
        spinner.valueProperty().addListener((o, a, v) -> {
            // A typed value beyond the range passes through on its way to being clamped by the
            // factory; only the clamped value is sent (the trainer would refuse the other).
            if (v != null && !v.equals(a) && inRange(factory, v)) {
                action.accept(v);
            }
        });
    }

    private static boolean inRange(SpinnerValueFactory<?> factory, Object value) {
        if (factory instanceof SpinnerValueFactory.IntegerSpinnerValueFactory f && value instanceof Integer v) {
            return v >= f.getMin() && v <= f.getMax();
        }
        if (factory instanceof SpinnerValueFactory.DoubleSpinnerValueFactory f && value instanceof Double v) {
            return v >= f.getMin() && v <= f.getMax();
        }
        return true;
    }

    private static <T> ChoiceBox<T> choice(String id, T[] items, Function<T, String> text) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(converter(text));
        return box;
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("drawer-section");
        return l;
    }

    private static VBox row(String label, Node control) {
        Label l = new Label(label);
        l.getStyleClass().add("drawer-label");
        l.setLabelFor(control);
        VBox box = new VBox(l, control);
        box.getStyleClass().add("drawer-row");
        return box;
    }

    private static HBox pair(VBox left, VBox right) {
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(1);
        right.setPrefWidth(1);
        HBox box = new HBox(left, right);
        box.getStyleClass().add("drawer-pair");
        return box;
    }

    private static HBox withValue(Slider slider, Label value) {
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox box = new HBox(slider, value);
        box.getStyleClass().add("drawer-slider");
        return box;
    }

    /** Spinner steps that double and halve (64 → 128 → 256), for layer widths. */
    static final class DoublingFactory extends SpinnerValueFactory.IntegerSpinnerValueFactory {
        DoublingFactory(int min, int max, int initial) {
            super(min, max, initial);
        }

        @Override
        public void increment(int steps) {
            long v = (long) getValue() << Math.min(steps, 20);
            setValue((int) Math.min(getMax(), v));
        }

        @Override
        public void decrement(int steps) {
            setValue(Math.max(getMin(), getValue() >> Math.min(steps, 20)));
        }
    }

    /** The hyper-parameters' values in the drawer, for tests. */
    ChoiceBox<OptimizerKind> optimizerBox() {
        return optimizer;
    }

    LogSlider learningRateSlider() {
        return learningRate;
    }

    Slider noiseSlider() {
        return noise;
    }

    LogSlider initScaleSlider() {
        return initScale;
    }

    Spinner<Integer> widthSpinner() {
        return width;
    }

    Spinner<Integer> depthSpinner() {
        return depth;
    }

    Spinner<Double> biasInitSpinner() {
        return biasInit;
    }
}
