package org.activationlab.ui.instruments;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.gallery.ActivationInfoPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.activationlab.ui.instruments.InstrumentFx.awaitFx;
import static org.activationlab.ui.instruments.InstrumentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instruments inside the running main window: the tabs lessons refer to, the info panel
 * following the pointer over the cards, and a diverging model that pauses the training under a
 * banner while every chart keeps drawing.
 */
class InstrumentsViewTest {

    private final List<Throwable> fxErrors = Collections.synchronizedList(new ArrayList<>());
    private MainView view;

    @BeforeAll
    static void start() {
        InstrumentFx.startToolkit();
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

    private MainView show(ExperimentConfig config) {
        Stage stage = registeredStage();
        view = org.activationlab.ui.FxTestSupport.onFx(org.activationlab.ui.FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> {
            // An exception thrown while drawing a frame must fail the test, not only be printed.
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
            MainView v = new MainView(new LabModel(new Trainer(config, 200)));
            Scene scene = ActivationLabApp.createScene(v);
            stage.setScene(scene);
            stage.setWidth(ActivationLabApp.WIDTH);
            stage.setHeight(ActivationLabApp.HEIGHT);
            v.start();
            stage.show();
            stage.toFront();
            return v;
        });
        return view;
    }

    private static Stage registeredStage() {
        try {
            return FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theTabsAndTheInfoPanelAreInstalled() {
        show(InstrumentFx.smallClassic());
        List<String> titles = onFx(() -> view.instruments().getTabs().stream().map(Tab::getText).toList());
        assertEquals(List.of("Loss", "Gradient flow", "Dead units", "Saturation", "PReLU slopes", "Units"), titles);
        assertEquals(Instruments.TITLES, titles.subList(1, 6));
        Node panel = onFx(() -> view.lookup("#activation-info"));
        assertNotNull(panel);
        assertTrue(onFx(() -> panel.localToScene(panel.getBoundsInLocal()).getMinX())
                > onFx(() -> view.fitChart().localToScene(view.fitChart().getBoundsInLocal()).getMaxX()),
                "the info panel is in the gallery column, right of the charts");
    }

    @Test
    void hoveringACardShowsItsFactsUntilThePointerLeaves() {
        show(InstrumentFx.smallClassic());
        ActivationInfoPanel panel = onFx(() -> (ActivationInfoPanel) view.lookup("#activation-info"));
        Node leaky = onFx(() -> view.lookup("#card-leaky_relu"));
        FxRobot robot = new FxRobot();
        robot.moveTo(leaky);
        awaitFx("the hovered card's facts", () -> panel.shown() == Activations.LEAKY_RELU);
        assertTrue(onFx(() -> ((Label) view.lookup("#info-title")).getText()).contains("hovered"));
        robot.moveTo(view.fitChart());
        awaitFx("the selected activation's facts again", () -> panel.shown() == Activations.RELU);
        assertTrue(fxErrors.isEmpty(), fxErrors.toString());
    }

    @Test
    void aDivergingModelPausesTrainingUnderABannerAndEveryChartStillDraws() {
        // Plain SGD at lr 0.1: the linear model diverges in its first epoch, ReLU trains on.
        show(InstrumentFx.smallClassic().withOptimizer(OptimizerSpec.of(OptimizerKind.SGD, 0.1)));
        onFx(() -> view.model().play());
        Node banner = onFx(() -> view.lookup("#banner"));
        awaitFx("the divergence banner", banner::isVisible);
        String text = onFx(() -> ((Label) ((javafx.scene.layout.HBox) banner).getChildren().get(0)).getText());
        assertTrue(text.contains("Linear (no activation) diverged at epoch 1"), text);
        assertTrue(text.contains("learning rate (now 1e-01)"), text);
        assertTrue(text.endsWith("Space trains the other model on."), text);
        awaitFx("training paused", () -> !view.model().snapshot().playing());
        assertEquals(1, onFx(() -> view.model().snapshot().epoch()));
        for (int i = 0; i < view.instruments().getTabs().size(); i++) {
            int index = i;
            onFx(() -> view.instruments().getSelectionModel().select(index));
            Tab tab = onFx(() -> view.instruments().getTabs().get(index));
            ChartCanvas chart = (ChartCanvas) tab.getContent();
            awaitFx(tab.getText() + " drawn", () -> chart.redrawCount() > 0 && !chart.isDirty());
        }
        awaitFx("the fit chart drawn", () -> !view.fitChart().isDirty());
        assertTrue(fxErrors.isEmpty(), fxErrors.toString());

        onFx(() -> ((Button) view.lookup("#banner-reset")).fire());
        awaitFx("the banner gone after Reset", () -> !banner.isVisible());
        assertFalse(onFx(() -> view.model().snapshot().models().get(1).diverged()));
    }

    @Test
    void theBannerNamesTheActivationModelWhenItDiverges() {
        show(InstrumentFx.smallClassic().withOptimizer(OptimizerSpec.of(OptimizerKind.SGD, 10)));
        onFx(() -> view.model().play());
        Node banner = onFx(() -> view.lookup("#banner"));
        awaitFx("the divergence banner", banner::isVisible);
        String text = onFx(() -> ((Label) ((javafx.scene.layout.HBox) banner).getChildren().get(0)).getText());
        assertTrue(text.startsWith("The ReLU network and the Linear (no activation) both diverged at epoch 1"),
                text);
        assertFalse(text.contains("Space trains"), "every model diverged: " + text);
        assertSame(Activations.RELU, onFx(() -> view.model().snapshot().models().get(0).activation()));
        assertTrue(fxErrors.isEmpty(), fxErrors.toString());
    }
}
