package org.activationlab.ui.gallery;

import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.instruments.InstrumentFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

import static org.activationlab.ui.instruments.InstrumentFx.awaitFx;
import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The info panel on its own with a real trainer: facts of the selected and the hovered
 * activation, and parameters that switch the activation model (a slider only on release).
 */
class ActivationInfoPanelTest {

    private LabModel model;
    private ActivationInfoPanel panel;

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    @BeforeEach
    void createPanel() {
        model = onFx(() -> new LabModel(new Trainer(InstrumentFx.smallClassic())));
        panel = onFx(() -> new ActivationInfoPanel(model));
    }

    @AfterEach
    void closeTrainer() {
        model.close();
    }

    private Activation active() {
        return onFx(() -> model.snapshot().config().models().get(LabModel.SWITCHED_MODEL));
    }

    /** Takes snapshots as the frame loop would, until the activation model's activation matches. */
    private void awaitActive(String what, Predicate<Activation> condition) {
        awaitFx(what, () -> {
            model.pullSnapshot();
            return condition.test(model.snapshot().config().models().get(LabModel.SWITCHED_MODEL));
        });
    }

    /** Waits until the trainer has applied every command sent so far (a no-op command's answer). */
    private Snapshot barrier() {
        Trainer trainer = model.trainer();
        long sequence = trainer.latest().sequence();
        onFx(() -> model.setSpeed(trainer.latest().epochsPerSecond()));
        awaitFx("the trainer's answer", () -> trainer.latest().sequence() > sequence);
        return trainer.latest();
    }

    @Test
    void showsTheSelectedActivationsFactsAndPreviewsAHoveredOne() {
        assertSame(Activations.RELU, onFx(panel::shown));
        assertEquals("[0, ∞)", onFx(() -> panel.factText(0)));
        assertEquals("0.40: not zero-centred", onFx(() -> panel.factText(1)));
        assertEquals("no; inactive for x < 0 (f′ = 0: no gradient at all)", onFx(() -> panel.factText(2)));
        assertEquals(Activations.RELU.facts().typicalUse(), onFx(() -> panel.factText(6)));
        onFx(() -> panel.preview(Activations.TANH));
        assertEquals("(−1, 1)", onFx(() -> panel.factText(0)));
        assertEquals("0.00: zero-centred", onFx(() -> panel.factText(1)));
        assertEquals("yes, both ends: f′ < 0.05 for |x| > 2.2", onFx(() -> panel.factText(2)));
        assertNull(onFx(() -> panel.lookup("#leaky-slope")), "no parameters while previewing");
        onFx(panel::endPreview);
        assertSame(Activations.RELU, onFx(panel::shown));
        assertEquals("[0, ∞)", onFx(() -> panel.factText(0)));
    }

    @Test
    void leakySlopePresetsAndReleasedSliderSwitchTheModel() {
        onFx(() -> model.selectActivation(Activations.LEAKY_RELU));
        awaitActive("Leaky ReLU", a -> a == Activations.LEAKY_RELU);
        Slider slider = onFx(panel::slopeSlider);
        assertNotNull(onFx(() -> panel.lookup("#leaky-slope")), "the slope slider is on show");
        assertEquals(0.01, onFx(slider::getValue), 1e-12);

        onFx(() -> ((Button) panel.lookup("#leaky-preset-2")).fire());
        awaitActive("slope 0.3", a -> a.id().equals("leaky_relu") && a.parameter() == 0.3);
        assertEquals(0.3, onFx(slider::getValue), 1e-12);

        // While the thumb is dragged nothing is sent; on release the last value is.
        onFx(() -> {
            slider.setValueChanging(true);
            slider.setValue(0.12);
            slider.setValue(0.17);
        });
        Snapshot during = barrier();
        assertEquals(0.3, during.config().models().get(0).parameter());
        assertEquals(0.3, active().parameter());
        onFx(() -> slider.setValueChanging(false));
        awaitActive("slope 0.17", a -> a.id().equals("leaky_relu") && a.parameter() == 0.17);
        assertTrue(onFx(() -> panel.factText(3)).contains("0.17"), onFx(() -> panel.factText(3)));
    }

    @Test
    void eluAlphaAndGeluFormSwitchTheModel() {
        onFx(() -> model.selectActivation(Activations.ELU));
        awaitActive("ELU", a -> a == Activations.ELU);
        onFx(() -> panel.alphaSlider().setValue(2.04));
        awaitActive("ELU α 2", a -> a.id().equals("elu") && a.parameter() == 2.0);
        assertEquals("(−2, ∞)", onFx(() -> panel.factText(0)));

        onFx(() -> model.selectActivation(Activations.GELU));
        awaitActive("GELU", a -> a == Activations.GELU);
        onFx(() -> ((ToggleButton) panel.lookup("#gelu-tanh")).fire());
        awaitActive("GELU (tanh)", a -> a == Activations.GELU_TANH);
        assertTrue(onFx(() -> ((ToggleButton) panel.lookup("#gelu-tanh")).isSelected()));
        assertTrue(ActivationCard.standsFor(Activations.GELU, Activations.GELU_TANH), "GELU's card stays lit");
        // Pressing the chosen form again keeps it chosen.
        onFx(() -> ((ToggleButton) panel.lookup("#gelu-tanh")).fire());
        assertTrue(onFx(() -> ((ToggleButton) panel.lookup("#gelu-tanh")).isSelected()));
        assertSame(Activations.GELU_TANH, barrier().config().models().get(0));
    }
}
