package org.activationlab.ui.fit;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.engine.ModelRun;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.CurvePixels;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static org.activationlab.ui.FxTestSupport.awaitChartsDrawn;
import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline under the fit chart: while paused, the keys and the strip go back through the run;
 * the fit chart then draws that epoch's predictions — the very predictions a separate run of the
 * same seed stopped at that epoch makes — the loss chart shows a cursor, switches are ticks, and
 * training again (Space) returns to live.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineScrubberTest {

    private static final int TOLERANCE = 40;
    private MainView view;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage);
    }

    @Stop
    void stop() {
        FxTestSupport.shutDown(view);
    }

    private LabModel model() {
        return view.model();
    }

    /** Trains {@code n} epochs one step at a time (→), ending paused. */
    private void step(FxRobot robot, int n) {
        for (int i = 0; i < n; i++) {
            int before = onFx(() -> model().snapshot().epoch());
            robot.type(KeyCode.RIGHT);
            awaitSnapshot(view, "epoch " + (before + 1), s -> s.epoch() == before + 1 && !s.playing()
                    && s.timeline().newestEpoch() == before + 1);
        }
    }

    /** The classic experiment's model {@code model} trained alone for {@code epochs}: its grid predictions. */
    private static float[] alone(ExperimentConfig config, int model, int epochs) {
        ModelRun run = new ModelRun("m", config.data(),
                config.network().withActivation(config.models().get(model)), config.optimizer(),
                config.batchSize(), config.seed());
        for (int e = 0; e < epochs; e++) {
            run.trainEpoch();
        }
        return run.predict(config.data().gridX());
    }

    private int viewed() {
        return onFx(() -> model().viewedEpoch());
    }

    private String label() {
        return onFx(() -> view.timeline().epochText());
    }

    @Test
    void goingBackDrawsThatEpochsPredictionsAsARunStoppedThereMakesThem(FxRobot robot) {
        step(robot, 6);
        assertEquals(LabModel.LIVE, viewed());
        robot.type(KeyCode.LEFT);
        assertEquals(5, viewed(), "from live, ← shows the epoch before the newest");
        robot.type(KeyCode.LEFT);
        assertEquals(4, viewed());
        assertEquals("Epoch 4 / 6", label());
        assertEquals(6, onFx(() -> model().snapshot().epoch()), "going back changes nothing in the run");
        awaitChartsDrawn(view);

        FitChart chart = view.fitChart();
        Snapshot drawn = onFx(() -> chart.snapshot());
        ExperimentConfig config = ExperimentConfig.classic();
        float[] relu4 = alone(config, 0, 4);
        float[] linear4 = alone(config, 1, 4);
        assertArrayEquals(relu4, drawn.models().get(0).gridPredictions(), "ReLU at epoch 4");
        assertArrayEquals(linear4, drawn.models().get(1).gridPredictions(), "Linear at epoch 4");
        assertEquals((float) drawn.models().get(0).mse(), onFx(() -> model().snapshot().histories()).get(0).mse().get(4));
        assertTrue(FitChart.legendText(drawn.models().get(0), drawn.models()).endsWith("· epoch 4"));

        // On screen: the blue curve lies on epoch 4's predictions, not on the newest (epoch 6).
        PlotViewport v = onFx(chart::viewport);
        WritableImage image = FxTestSupport.snapshotOf(chart);
        Rectangle2D legend = onFx(chart::overlayArea);
        CurvePixels relu = CurvePixels.scan(image, v, onFx(() -> chart.color(ChartCanvas.ChartColor.ACTIVATION)),
                TOLERANCE, legend, 2);
        float[] gridX = config.data().gridX();
        double atEpoch4 = relu.shareNear(v, x -> CurvePixels.interpolate(gridX, relu4, x), 2.5);
        assertTrue(atEpoch4 > 0.97, "share of ReLU columns at epoch 4's predictions: " + atEpoch4);
        float[] relu6 = onFx(() -> model().snapshot().models().get(0).gridPredictions());
        double atEpoch6 = relu.shareNear(v, x -> CurvePixels.interpolate(gridX, relu6, x), 2.5);
        assertTrue(atEpoch6 < atEpoch4 - 0.1, "the curve is not the newest one: " + atEpoch6 + " vs " + atEpoch4);
        assertEquals(4, onFx(() -> view.lossChart().cursorEpoch()), "the loss chart's cursor");
    }

    @Test
    void keysStepJumpAndReturnToLive(FxRobot robot) {
        step(robot, 4);
        robot.type(KeyCode.HOME);
        assertEquals(0, viewed(), "Home: the first epoch");
        assertEquals("Epoch 0 / 4", label());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, viewed(), "→ while going back steps forward, it does not train");
        assertEquals(4, onFx(() -> model().trainer().latest().epoch()));
        robot.type(KeyCode.END);
        assertEquals(LabModel.LIVE, viewed(), "End: live");
        assertEquals(-1, onFx(() -> view.lossChart().cursorEpoch()));
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.ESCAPE);
        assertEquals(LabModel.LIVE, viewed(), "Esc: live");
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        assertEquals(2, viewed());
        robot.clickOn("#timeline-live");
        assertEquals(LabModel.LIVE, viewed(), "the Live button");
        assertTrue(onFx(() -> robot.lookup("#timeline-live").query().isDisabled()), "Live is greyed while live");
        // Stepping forward past the newest epoch goes live.
        robot.type(KeyCode.LEFT);
        assertEquals(3, viewed());
        robot.type(KeyCode.RIGHT);
        assertEquals(4, viewed());
        robot.type(KeyCode.RIGHT);
        assertEquals(LabModel.LIVE, viewed());
        // Live and paused, → trains one epoch as always.
        robot.type(KeyCode.RIGHT);
        awaitSnapshot(view, "→ to train epoch 5", s -> s.epoch() == 5);
        // A click on the strip goes back to the epoch under the pointer.
        awaitFx("the strip to draw", () -> !Double.isNaN(view.timeline().pixelOf(2)), () -> "no strip yet");
        javafx.geometry.Point2D at = onFx(() -> view.lookup("#timeline-strip")
                .localToScreen(view.timeline().pixelOf(2), view.lookup("#timeline-strip").getLayoutBounds().getHeight() / 2));
        robot.clickOn(at);
        assertEquals(2, viewed(), "a click on the strip at epoch 2");
    }

    @Test
    void switchesAreTicksAndAnEarlierEpochShowsTheActivationItHad(FxRobot robot) {
        step(robot, 2);
        robot.type(KeyCode.DIGIT5); // SELU
        awaitSnapshot(view, "the switch", s -> s.switches().size() == 1);
        step(robot, 2);
        awaitFx("the strip to draw the switch", () -> view.timeline().switchTicksDrawn() == 1,
                () -> "ticks " + view.timeline().switchTicksDrawn());
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        assertEquals(2, viewed());
        Snapshot then = onFx(() -> view.fitChart().snapshot());
        assertEquals(Activations.RELU, then.models().get(0).activation(), "before the switch: ReLU");
        robot.type(KeyCode.RIGHT);
        Snapshot after = onFx(() -> view.fitChart().snapshot());
        assertEquals(Activations.SELU, after.models().get(0).activation());
        assertEquals(1, after.models().get(0).epoch(), "restarted at the switch");
        // A switch while going back acts on the live run: the window goes live.
        robot.type(KeyCode.DIGIT1);
        awaitSnapshot(view, "the second switch", s -> s.switches().size() == 2);
        awaitFx("live after a switch", () -> model().isLive(), () -> "viewing " + viewed());
    }

    @Test
    void spaceReturnsToLiveAndTheStripIsDisabledWhileTraining(FxRobot robot) {
        step(robot, 3);
        robot.type(KeyCode.LEFT);
        assertEquals(2, viewed());
        onFx(() -> model().setSpeed(5));
        robot.type(KeyCode.SPACE);
        assertEquals(LabModel.LIVE, viewed(), "Space: live at once");
        awaitSnapshot(view, "training", Snapshot::playing);
        awaitFx("the strip disabled while training", () -> view.timeline().isDisabled(), () -> "enabled");
        assertEquals("Live · training", label());
        robot.type(KeyCode.LEFT);
        assertEquals(LabModel.LIVE, viewed(), "← does nothing while training");
        assertFalse(onFx(() -> model().viewEpoch(1)), "nor does the model go back while training");
        robot.type(KeyCode.SPACE);
        awaitSnapshot(view, "the pause", s -> !s.playing());
        awaitFx("the strip enabled when paused", () -> !view.timeline().isDisabled(), () -> "disabled");
        robot.type(KeyCode.LEFT);
        assertTrue(viewed() >= 0);
        // Reset starts a new run: live, nothing to go back to.
        robot.type(KeyCode.R);
        awaitSnapshot(view, "the reset", s -> s.epoch() == 0);
        awaitFx("live after reset", () -> model().isLive() && view.timeline().isDisabled(), () -> "viewing " + viewed());
    }
}
