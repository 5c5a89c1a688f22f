package org.activationlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.SwitchMode;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.activationlab.ui.instruments.InstrumentFx.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An experiment the trainer cannot build (here: over its memory budget) is refused, and the
 * window says so under the banner, although the load sends a second command (its speed) right
 * behind it; the running experiment stays, and the next action clears the message.
 */
class RefusedLoadTest {

    private MainView view;

    @BeforeAll
    static void start() {
        org.activationlab.ui.instruments.InstrumentFx.startToolkit();
    }

    @AfterEach
    void shutDown() throws Exception {
        if (view != null) {
            onFx(() -> {
                view.stop();
                view.model().close();
            });
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aLoadTheTrainerRefusesIsShownAndTheExperimentGoesOn() throws Exception {
        ExperimentConfig config = org.activationlab.ui.instruments.InstrumentFx.smallClassic();
        ExperimentConfig huge = config.withNetwork(new NetworkSpec(8, 512, Activations.RELU,
                Initializer.GLOROT_UNIFORM, 1, 0));
        long budget = TrainingSession.estimatedBytes(config) * 4;
        Stage stage = FxToolkit.registerPrimaryStage();
        // A loaded machine may take long to style the first window: a generous bound here only.
        view = WaitForAsyncUtils.asyncFx(() -> {
            MainView v = new MainView(new LabModel(new Trainer(config, 20, budget)));
            Scene scene = ActivationLabApp.createScene(v);
            stage.setScene(scene);
            stage.setWidth(ActivationLabApp.WIDTH);
            stage.setHeight(ActivationLabApp.HEIGHT);
            v.start();
            stage.show();
            return v;
        }).get(60, TimeUnit.SECONDS);
        LabModel model = view.model();
        onFx(() -> model.load(new ExperimentFile.Contents(huge, 7, SwitchMode.RESTART, null)));
        Node banner = onFx(() -> view.lookup("#banner"));
        FxTestSupport.await("the refused load's banner", 60_000, () -> onFx(banner::isVisible),
                () -> String.valueOf(model.snapshot().outcomes().all()));
        String text = onFx(() -> ((Label) view.lookup(".banner-text")).getText());
        assertTrue(text.startsWith("The experiment could not be loaded"), text);
        assertTrue(text.contains("MiB"), text);
        assertFalse(onFx(() -> view.lookup("#banner-reset").isVisible()), "Reset is for training problems");
        assertEquals(config.network(), onFx(() -> model.config().network()));
        assertEquals(config.network(), onFx(() -> model.snapshot().config().network()));

        onFx(model::step);
        awaitFx("the banner gone after the next action", () -> !banner.isVisible());
        assertNull(onFx(model::commandFailure));
        awaitFx("the old experiment trained on", () -> model.snapshot().epoch() == 1);
        assertEquals(Activations.RELU, onFx(() -> model.snapshot().config().models().get(0)));
    }
}
