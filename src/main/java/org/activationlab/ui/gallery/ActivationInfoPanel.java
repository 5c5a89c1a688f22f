package org.activationlab.ui.gallery;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.activationlab.engine.Activation;
import org.activationlab.engine.ActivationFacts;
import org.activationlab.engine.Activations;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;

import java.util.Locale;

/**
 * Under the gallery: the facts of the selected activation (or, while the pointer moves on a
 * card, of that card's), and the parameters a teacher may change — Leaky ReLU's slope with the
 * frameworks' defaults, ELU's α, GELU's exact or tanh form. A change switches the activation
 * model through {@link LabModel#selectActivation}; a slider applies when it is released, not
 * on every pixel of a drag.
 */
public final class ActivationInfoPanel extends VBox {

    private static final PseudoClass PREVIEW = PseudoClass.getPseudoClass("preview");
    static final String[] FACT_NAMES = ActivationFacts.NAMES.toArray(String[]::new);

    private final LabModel model;
    private final Label title = new Label();
    private final Label formula = new Label();
    private final Text[] facts = new Text[FACT_NAMES.length];
    private final VBox parameters = new VBox();
    private final Label slopeLabel = new Label();
    private final Slider slope = new Slider(0, 0.5, Activations.LEAKY_SLOPE_DEFAULT);
    private final Label alphaLabel = new Label();
    private final Slider alpha = new Slider(0.1, 3, 1);
    private final ToggleGroup geluForm = new ToggleGroup();
    private final ToggleButton geluExact = new ToggleButton("exact (erf)");
    private final ToggleButton geluTanh = new ToggleButton("tanh approximation");
    private final VBox leakyBox;
    private final VBox eluBox;
    private final HBox geluBox;
    private final TextFlow preluNote = new TextFlow(new Text("PReLU learns its slope a per layer, "
            + "starting at 0.25: watch it in the PReLU slopes tab."));
    private Activation selected;
    private Activation shown;
    private boolean syncing;

    public ActivationInfoPanel(LabModel model) {
        this.model = model;
        getStyleClass().add("activation-info");
        setId("activation-info");
        title.getStyleClass().add("info-title");
        title.setId("info-title");
        formula.getStyleClass().add("info-formula");
        formula.setWrapText(true);
        VBox grid = new VBox();
        grid.getStyleClass().add("info-facts");
        for (int i = 0; i < FACT_NAMES.length; i++) {
            // A text flow per fact wraps a long value under itself inside the gallery's width.
            Text name = new Text(FACT_NAMES[i] + ":  ");
            name.getStyleClass().add("info-fact-name");
            facts[i] = new Text();
            facts[i].getStyleClass().add("info-fact");
            facts[i].setId("info-fact-" + i);
            TextFlow row = new TextFlow(name, facts[i]);
            row.getStyleClass().add("info-fact-row");
            grid.getChildren().add(row);
        }
        leakyBox = buildLeakyControls();
        eluBox = buildEluControls();
        geluBox = buildGeluControls();
        preluNote.getChildren().get(0).getStyleClass().add("info-fact");
        parameters.getStyleClass().add("info-parameters");
        getChildren().addAll(title, formula, grid, parameters);
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
        show(model.snapshot());
    }

    private VBox buildLeakyControls() {
        slope.setId("leaky-slope");
        slope.setBlockIncrement(0.01);
        slope.setMajorTickUnit(0.1);
        slope.setMinorTickCount(9);
        slope.setSnapToTicks(true);
        updateSlopeLabel();
        slope.valueProperty().addListener((obs, old, now) -> {
            updateSlopeLabel();
            if (!syncing && !slope.isValueChanging()) {
                applySlope();
            }
        });
        slope.valueChangingProperty().addListener((obs, was, dragging) -> {
            if (!dragging && !syncing) {
                applySlope();
            }
        });
        HBox presets = new HBox();
        presets.getStyleClass().add("info-presets");
        String[][] defaults = {{"0.01 PyTorch", "torch.nn.LeakyReLU's default"},
                {"0.2 TF", "tf.nn.leaky_relu's default"}, {"0.3 Keras", "keras.layers.LeakyReLU's default"}};
        for (int i = 0; i < defaults.length; i++) {
            double value = Activations.LEAKY_SLOPE_PRESETS.get(i);
            Button b = new Button(defaults[i][0]);
            b.setId("leaky-preset-" + i);
            b.setTooltip(new Tooltip(defaults[i][1] + ": " + value));
            b.setFocusTraversable(false);
            b.setOnAction(e -> slope.setValue(value));
            presets.getChildren().add(b);
        }
        return new VBox(slopeLabel, slope, presets);
    }

    private VBox buildEluControls() {
        alpha.setId("elu-alpha");
        alpha.setBlockIncrement(0.1);
        alpha.setMajorTickUnit(0.1);
        alpha.setMinorTickCount(0);
        alpha.setSnapToTicks(true);
        updateAlphaLabel();
        alpha.valueProperty().addListener((obs, old, now) -> {
            updateAlphaLabel();
            if (!syncing && !alpha.isValueChanging()) {
                applyAlpha();
            }
        });
        alpha.valueChangingProperty().addListener((obs, was, dragging) -> {
            if (!dragging && !syncing) {
                applyAlpha();
            }
        });
        return new VBox(alphaLabel, alpha);
    }

    private HBox buildGeluControls() {
        geluExact.setId("gelu-exact");
        geluTanh.setId("gelu-tanh");
        geluExact.setToggleGroup(geluForm);
        geluTanh.setToggleGroup(geluForm);
        geluExact.setFocusTraversable(false);
        geluTanh.setFocusTraversable(false);
        geluForm.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // One form is always chosen: clicking the pressed button keeps it.
                old.setSelected(true);
            } else if (!syncing) {
                select(now == geluTanh ? Activations.GELU_TANH : Activations.GELU);
            }
        });
        return new HBox(geluExact, geluTanh);
    }

    private void updateSlopeLabel() {
        slopeLabel.setText(String.format(Locale.ROOT, "Negative slope: %.2f", roundSlope(slope.getValue())));
    }

    private void updateAlphaLabel() {
        alphaLabel.setText(String.format(Locale.ROOT, "α: %.1f   (f ≥ −α for x < 0)", roundAlpha(alpha.getValue())));
    }

    static double roundSlope(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double roundAlpha(double v) {
        return Math.max(0.1, Math.round(v * 10) / 10.0);
    }

    private void applySlope() {
        double value = roundSlope(slope.getValue());
        if (selected != null && selected.id().equals("leaky_relu") && selected.parameter() != value) {
            select(Activations.leakyRelu(value));
        }
    }

    private void applyAlpha() {
        double value = roundAlpha(alpha.getValue());
        if (selected != null && selected.id().equals("elu") && selected.parameter() != value) {
            select(Activations.elu(value));
        }
    }

    private void select(Activation activation) {
        if (activation != selected) {
            model.selectActivation(activation);
        }
    }

    /** The activation whose facts are on show (the hovered one during a preview). */
    public Activation shown() {
        return shown;
    }

    /** Shows {@code activation}'s facts until {@link #endPreview()}: the pointer is on its card. */
    public void preview(Activation activation) {
        if (activation == shown) {
            return;
        }
        pseudoClassStateChanged(PREVIEW, activation != selected);
        display(activation, activation == selected);
    }

    /** Back to the selected activation. */
    public void endPreview() {
        pseudoClassStateChanged(PREVIEW, false);
        display(selected, true);
    }

    private void show(Snapshot s) {
        if (s == null) {
            return;
        }
        Activation active = s.config().models().get(LabModel.SWITCHED_MODEL);
        if (active == selected) {
            return;
        }
        selected = active;
        // A new activation trains: the panel describes it, ending any preview (the next move of
        // the pointer on a card previews that card again).
        pseudoClassStateChanged(PREVIEW, false);
        display(active, true);
    }

    private void display(Activation a, boolean withParameters) {
        if (a == null) {
            return;
        }
        shown = a;
        title.setText(a.displayName() + (a == selected ? "" : "   (hovered: click to use)"));
        formula.setText("f(x) = " + a.formula());
        java.util.List<String> values = a.facts().values();
        for (int i = 0; i < values.size(); i++) {
            facts[i].setText(values.get(i));
        }
        parameters.getChildren().clear();
        if (!withParameters) {
            return;
        }
        syncing = true;
        try {
            switch (a.id()) {
                case "leaky_relu" -> {
                    slope.setValue(a.parameter());
                    parameters.getChildren().add(leakyBox);
                }
                case "elu" -> {
                    alpha.setValue(a.parameter());
                    parameters.getChildren().add(eluBox);
                }
                case "gelu", "gelu_tanh" -> {
                    geluForm.selectToggle(a == Activations.GELU_TANH ? geluTanh : geluExact);
                    parameters.getChildren().add(geluBox);
                }
                case "prelu" -> parameters.getChildren().add(preluNote);
                default -> { }
            }
        } finally {
            syncing = false;
        }
    }

    /** The text of fact {@code index} (see {@link #FACT_NAMES}) on show, for tests. */
    String factText(int index) {
        return facts[index].getText();
    }

    Slider slopeSlider() {
        return slope;
    }

    Slider alphaSlider() {
        return alpha;
    }
}
