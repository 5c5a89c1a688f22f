package org.activationlab.ui.gallery;

import javafx.scene.control.Label;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.ui.instruments.InstrumentFx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The Softmax card says which slice of a layer-wide function its curve is. */
class ActivationCardTest {

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
    }

    @Test
    void softmaxCardNamesTheCurveItDraws() {
        // The curve is the first output of softmax over the logits [x, 0]: eˣ / (eˣ + e⁰).
        for (double x : new double[]{-4, -1, 0, 0.5, 3}) {
            float[] out = new float[2];
            Activations.SOFTMAX.forward(new float[]{(float) x, 0f}, out, 1, 2, 0f);
            double direct = Math.exp(x) / (Math.exp(x) + 1);
            assertEquals(direct, Activations.SOFTMAX.value(x), 1e-15, "value at " + x);
            assertEquals(direct, out[0], 1e-7, "the layer's own forward pass at " + x);
        }
        ActivationCard softmax = onFx(() -> new ActivationCard(Activations.SOFTMAX, null));
        Label note = (Label) onFx(() -> softmax.lookup("#card-note-softmax"));
        assertNotNull(note, "the Softmax card has a caption for its curve");
        assertEquals("plotted: softmax([x, 0])₁ = σ(x)", onFx(note::getText));
        for (Activation a : Activations.all()) {
            if (a != Activations.SOFTMAX) {
                assertEquals("", a.plotNote(), a.id());
                ActivationCard card = onFx(() -> new ActivationCard(a, null));
                assertNull(onFx(() -> card.lookup("#card-note-" + a.id())), a.id() + " needs no caption");
            }
        }
    }
}
