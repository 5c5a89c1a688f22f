package org.activationlab.ui.gallery;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.ui.chart.ActivationPlot;

/** One activation: its name, key, formula and plot; click to switch the model to it. */
public final class ActivationCard extends VBox {

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final Activation activation;
    private final ActivationPlot plot;

    /**
     * @param key the number key that selects it ("1"…"9", "0"), or null
     */
    /**
     * Whether the card of {@code card} stands for the model's {@code active} activation: the
     * same id, or one of its forms (GELU's tanh approximation is GELU's card).
     */
    public static boolean standsFor(Activation card, Activation active) {
        return card.id().equals(active.id()) || (card == Activations.GELU && active == Activations.GELU_TANH);
    }

    public ActivationCard(Activation activation, String key) {
        this.activation = activation;
        getStyleClass().add("activation-card");
        setId("card-" + activation.id());
        Label name = new Label((key == null ? "" : key + "  ") + activation.displayName());
        name.getStyleClass().add("card-name");
        Label formula = new Label(activation.formula());
        formula.getStyleClass().add("card-formula");
        plot = new ActivationPlot(activation);
        plot.setMinHeight(40);
        plot.setPrefHeight(70);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(name, formula, plot);
        if (!activation.plotNote().isEmpty()) {
            // Softmax acts on a whole layer: say which slice of it the curve is.
            Label note = new Label(activation.plotNote());
            note.getStyleClass().addAll("card-formula", "card-plot-note");
            note.setId("card-note-" + activation.id());
            getChildren().add(note);
        }
    }

    public Activation activation() {
        return activation;
    }

    public ActivationPlot plot() {
        return plot;
    }

    public void setActive(boolean active) {
        pseudoClassStateChanged(ACTIVE, active);
    }

    public boolean isActive() {
        return getPseudoClassStates().contains(ACTIVE);
    }
}
