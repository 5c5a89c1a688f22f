package org.activationlab.ui.experiment;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.Setting;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.activationlab.ui.experiment.ExperimentFx.await;
import static org.activationlab.ui.experiment.ExperimentFx.awaitFx;
import static org.activationlab.ui.experiment.ExperimentFx.barrier;
import static org.activationlab.ui.experiment.ExperimentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Experiment drawer's controls reach the trainer, and show a config changed elsewhere. */
@ExtendWith(ApplicationExtension.class)
class ExperimentDrawerTest {

    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = ExperimentFx.show(stage, ExperimentConfig.classic());
    }

    @Stop
    void stop() {
        ExperimentFx.shutDown(view);
    }

    private void openDrawer(FxRobot robot) {
        assertNull(onFx(view::getLeft), "the drawer is hidden by default");
        robot.type(KeyCode.E);
        awaitFx("the drawer to open", () -> view.getLeft() == view.experiment().drawer());
    }

    @Test
    void eTogglesTheDrawerAndTheMenuItemFollows(FxRobot robot) {
        openDrawer(robot);
        assertTrue(onFx(() -> robot.lookup("#drawer-learning-rate").query().isVisible()));
        robot.clickOn("#drawer-hide");
        awaitFx("the drawer to close", () -> view.getLeft() == null);
        robot.clickOn("#menu-experiment");
        robot.clickOn("#menu-experiment-panel");
        awaitFx("the menu to open the drawer", () -> view.getLeft() != null);
    }

    @Test
    void typingAnEInTheSeedFieldTypesItAndKeepsTheDrawer(FxRobot robot) {
        openDrawer(robot);
        robot.clickOn("#drawer-seed");
        robot.type(KeyCode.END).type(KeyCode.E).type(KeyCode.G);
        assertTrue(onFx(() -> view.getLeft() == view.experiment().drawer()), "the drawer stays open");
        assertFalse(onFx(() -> view.model().isRacing()), "no race started");
        assertTrue(onFx(() -> robot.lookup("#drawer-seed").queryAs(javafx.scene.control.TextField.class)
                .getText()).endsWith("eg"), "the letters went into the field");
    }

    @Test
    void inANarrowWindowTheDrawerTakesTheGallerysRoom(FxRobot robot) {
        javafx.scene.Node gallery = onFx(view::getRight);
        openDrawer(robot);
        assertSame(gallery, onFx(view::getRight), "at 1280 px both fit");
        onFx(() -> stage.setWidth(ActivationLabApp.MIN_WIDTH));
        awaitFx("the gallery to step aside", () -> view.getRight() == null);
        assertTrue(onFx(() -> view.fitChart().getWidth() > 600), "the fit chart keeps its room");
        robot.type(KeyCode.E);
        awaitFx("the gallery back with the drawer closed", () -> view.getRight() == gallery);
    }

    @Test
    void learningRateOptimizerAndBatchSizeApplyWithoutRestarting(FxRobot robot) {
        openDrawer(robot);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        await(view, "two epochs", s -> s.epoch() == 2 && !s.playing());

        robot.drag("#drawer-learning-rate .thumb").moveBy(40, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        Snapshot s = barrier(view);
        double shown = onFx(() -> view.experiment().drawer().learningRateSlider().value());
        assertTrue(shown > 1e-3, "dragged right: a larger rate, " + shown);
        assertEquals(shown, s.config().optimizer().learningRate(), 1e-12);
        assertEquals(LogSlider.rate(shown), onFx(() -> ((Label) view.experiment().drawer()
                .learningRateSlider().getChildren().get(1)).getText()));
        assertEquals(2, s.epoch(), "a new learning rate keeps training where it is");

        robot.clickOn("#drawer-optimizer");
        robot.clickOn(OptimizerKind.RMSPROP.displayName());
        s = barrier(view);
        assertSame(OptimizerKind.RMSPROP, s.config().optimizer().kind());
        assertEquals(shown, s.config().optimizer().learningRate(), 1e-12, "the rate stays");

        robot.clickOn("#drawer-batch-size");
        robot.clickOn("128");
        s = barrier(view);
        assertEquals(128, s.config().batchSize());
        assertEquals(0, s.epoch(), "a new batch size restarts");
    }

    @Test
    void widthAndDepthRestartBothModelsFromNewWeights(FxRobot robot) {
        openDrawer(robot);
        robot.type(KeyCode.RIGHT);
        await(view, "an epoch", s -> s.epoch() == 1 && !s.playing());

        robot.clickOn(robot.lookup("#drawer-width .increment-arrow-button").queryParent());
        Snapshot s = barrier(view);
        assertEquals(128, s.config().network().width(), "the width arrow doubles");
        assertEquals(0, s.epoch());
        assertEquals(128, s.models().get(0).weights().get(0).length, "1 × 128 first-layer weights");

        robot.doubleClickOn("#drawer-depth .text-field").eraseText(2).write("3").type(KeyCode.ENTER);
        s = barrier(view);
        assertEquals(3, s.config().network().depth());
        assertEquals(128, s.config().network().width(), "the width edit stays");
        assertEquals(2, s.models().size());
        assertEquals(4, s.models().get(1).layers().size(), "both models restart with 3 hidden layers");

        // Not a number: the depth stays, the field shows it again, nothing is thrown.
        robot.doubleClickOn("#drawer-depth .text-field").eraseText(2).write("x").type(KeyCode.ENTER);
        assertEquals(3, barrier(view).config().network().depth());
        assertEquals("3", onFx(() -> robot.lookup("#drawer-depth .text-field")
                .queryAs(javafx.scene.control.TextField.class).getText()));
    }

    @Test
    void targetAndNoiseRegenerateTheData(FxRobot robot) {
        openDrawer(robot);
        robot.clickOn("#drawer-target");
        robot.clickOn(TargetFunction.ABS.displayName());
        Snapshot s = barrier(view);
        assertEquals(TargetFunction.ABS, s.config().data().target().orElseThrow());
        assertEquals(1000, s.config().data().size());

        robot.drag("#drawer-noise .thumb").moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        s = barrier(view);
        double noise = s.config().data().noise();
        assertTrue(noise > 0 && noise <= Setting.NOISE.max(), "noise " + noise);
        assertEquals(TargetFunction.ABS, s.config().data().target().orElseThrow(), "the target stays");
        Slider slider = view.experiment().drawer().noiseSlider();
        assertEquals(noise, onFx(slider::getValue), 0.006);
    }

    @Test
    void aBadCsvFileIsReportedInADialogAndTheDataStays(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("points.csv");
        Files.writeString(bad, "x,y\n0,1\n1,2\n2,two\n");
        Snapshot before = barrier(view);
        onFx(() -> view.experiment().loadCsv(bad.toFile()));
        awaitFx("an error dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String message = onFx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText());
        assertTrue(message.contains("line 4") && message.contains("two"), message);
        assertEquals(before.config().data(), barrier(view).config().data(), "the data is unchanged");
        robot.clickOn("OK");
    }

    @Test
    void aConfigChangedElsewhereIsShownWithoutBeingSentBack(FxRobot robot) {
        openDrawer(robot);
        Snapshot before = barrier(view);
        onFx(() -> view.model().load(before.config().withOptimizer(
                org.activationlab.engine.OptimizerSpec.of(OptimizerKind.SGD, 0.05))));
        Snapshot loaded = barrier(view);
        awaitFx("the drawer to show SGD", () ->
                view.experiment().drawer().optimizerBox().getValue() == OptimizerKind.SGD);
        assertEquals(0.05, onFx(() -> view.experiment().drawer().learningRateSlider().value()), 1e-12);
        // Showing the new values sent nothing: the trainer's config is still the loaded one.
        Snapshot after = barrier(view);
        assertSame(loaded.config().optimizer(), after.config().optimizer());
        assertNotEquals(before.config().optimizer().kind(), after.config().optimizer().kind());
        assertFalse(after.playing());
    }

    @Test
    void arrowKeysMoveAFocusedSliderInsteadOfTraining(FxRobot robot) {
        openDrawer(robot);
        Slider rate = robot.lookup("#drawer-learning-rate").queryAs(Slider.class);
        onFx(rate::requestFocus);
        awaitFx("the slider to take the focus", rate::isFocused);
        double before = onFx(rate::getValue);
        robot.type(KeyCode.RIGHT);
        awaitFx("the slider to move", () -> rate.getValue() > before);
        // No epoch was trained: the trainer acknowledges a no-op and is still at epoch 0.
        assertEquals(0, FxTestSupport.trainerBarrier(view).epoch());
        // Away from the slider, → trains one epoch again.
        onFx(view::requestFocus);
        robot.type(KeyCode.RIGHT);
        ExperimentFx.await(view, "one epoch", x -> x.epoch() == 1);
    }

    /** The drawer's widgets take their ranges, defaults and tooltips from the settings table. */
    @Test
    void theWidgetsTakeTheirRangesDefaultsAndTooltipsFromTheSettingsTable() {
        ExperimentDrawer d = view.experiment().drawer();
        onFx(() -> {
            Slider rate = d.learningRateSlider().slider();
            assertEquals(Math.log10(Setting.LEARNING_RATE.min()), rate.getMin(), 1e-12);
            assertEquals(Math.log10(Setting.LEARNING_RATE.max()), rate.getMax(), 1e-12);
            Slider scale = d.initScaleSlider().slider();
            assertEquals(Math.log10(Setting.INIT_SCALE.max()), scale.getMax(), 1e-12);
            assertTrue(Setting.INIT_SCALE.accepts(Math.pow(10, scale.getMin())), "the open end is not reachable");
            assertEquals(Setting.NOISE.min(), d.noiseSlider().getMin());
            assertEquals(Setting.NOISE.max(), d.noiseSlider().getMax());
            for (var entry : java.util.Map.of(Setting.WIDTH, d.widthSpinner(), Setting.DEPTH, d.depthSpinner()).entrySet()) {
                var factory = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                        entry.getValue().getValueFactory();
                Setting s = entry.getKey();
                assertEquals(s.minInt(), factory.getMin(), s.name());
                assertEquals(s.maxInt(), factory.getMax(), s.name());
                assertEquals(s.description(), entry.getValue().getTooltip().getText());
            }
            var bias = (javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory)
                    d.biasInitSpinner().getValueFactory();
            assertEquals(Setting.BIAS_INIT.min(), bias.getMin());
            assertEquals(Setting.BIAS_INIT.max(), bias.getMax());
            assertEquals(Setting.BIAS_INIT.description(), d.biasInitSpinner().getTooltip().getText());
            // Just outside the range is not accepted: the spinners stop at the table's ends.
            bias.setValue(Math.nextUp(Setting.BIAS_INIT.max()));
            assertEquals(Setting.BIAS_INIT.max(), bias.getValue());
            var depth = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                    d.depthSpinner().getValueFactory();
            depth.setValue(Setting.DEPTH.maxInt() + 1);
            assertEquals(Setting.DEPTH.maxInt(), depth.getValue());
            for (Integer b : ExperimentDrawer.BATCH_SIZES) {
                assertTrue(Setting.BATCH_SIZE.accepts(b), "batch size " + b);
            }
            for (Integer n : ExperimentDrawer.POINT_COUNTS) {
                assertTrue(Setting.POINTS.accepts(n), "points " + n);
            }
            return null;
        });
    }
}
