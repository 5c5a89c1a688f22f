package org.activationlab.ui;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchEvent;
import org.activationlab.training.SwitchMode;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.fit.LossChart;
import org.activationlab.ui.gallery.ActivationCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.Arrays;
import java.util.List;

import static org.activationlab.ui.FxTestSupport.awaitChartsDrawn;
import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.activationlab.ui.FxTestSupport.trainerBarrier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clicking a card or pressing its number switches the activation model, restarting it from the
 * seed's initial weights or keeping its weights, and the loss chart marks the switch.
 */
@ExtendWith(ApplicationExtension.class)
class SwitchActivationTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage);
    }

    @Stop
    void stop() {
        FxTestSupport.shutDown(view);
    }

    @Test
    void restartModeStartsTheSwitchedModelAgainFromTheSeedsInitialWeights(FxRobot robot) {
        assertSame(SwitchMode.RESTART, onFx(() -> view.model().switchModeProperty().get()), "the default mode");
        Snapshot trained = stepEpochs(robot, 3);
        assertTrue(markerPixels(3) == 0, "no marker before any switch");

        robot.interact(() -> view.revealCard(Activations.TANH));
        robot.clickOn("#card-tanh");
        Snapshot s = awaitSnapshot(view, "Tanh to become the activation model",
                x -> x.config().models().get(0) == Activations.TANH);
        assertCardActive(robot, Activations.TANH);
        assertEquals(3, s.epoch(), "the session's epoch goes on");
        ModelStats tanh = s.models().get(0);
        assertSame(Activations.TANH, tanh.activation());
        assertEquals(0, tanh.epoch(), "restarted");
        assertArrayEquals(freshRun(Activations.TANH).gridPredictions(), tanh.gridPredictions(),
                "predictions of a fresh Tanh run with the same seed");
        assertEquals(3, s.models().get(1).epoch(), "the linear model is not touched");
        assertArrayEquals(trained.models().get(1).gridPredictions(), s.models().get(1).gridPredictions());
        assertEquals(1, s.switches().size());
        assertEquals(new SwitchEvent(3, 0, Activations.RELU, Activations.TANH, SwitchMode.RESTART),
                s.switches().get(0));
        awaitChartsDrawn(view);
        assertMarkerAt(3);

        // Keys: 1 is ReLU again (its fresh run is the launch state), then, an epoch later, 9 is Tanh.
        robot.type(KeyCode.DIGIT1);
        Snapshot relu = awaitSnapshot(view, "key 1 to pick ReLU", x -> x.switches().size() == 2);
        assertSame(Activations.RELU, relu.config().models().get(0));
        assertArrayEquals(freshRun(Activations.RELU).gridPredictions(), relu.models().get(0).gridPredictions());
        assertCardActive(robot, Activations.RELU);
        stepEpochs(robot, 1);
        robot.type(KeyCode.DIGIT9);
        Snapshot viaKey = awaitSnapshot(view, "key 9 to pick Tanh", x -> x.switches().size() == 3);
        assertSame(Activations.TANH, viaKey.config().models().get(0));
        assertEquals(new SwitchEvent(4, 0, Activations.RELU, Activations.TANH, SwitchMode.RESTART),
                viaKey.switches().get(2));
        assertEquals(0, viaKey.models().get(0).epoch());
        assertArrayEquals(freshRun(Activations.TANH).gridPredictions(), viaKey.models().get(0).gridPredictions());
        assertCardActive(robot, Activations.TANH);
        awaitChartsDrawn(view);
        assertMarkerAt(3);
        assertMarkerAt(4);
    }

    @Test
    void keepModeGoesOnTrainingTheSameWeightsWithTheNewActivation(FxRobot robot) {
        // Pick "keep the weights" as a teacher would: open the choice box, click the item.
        robot.clickOn("#switch-mode");
        robot.clickOn(SwitchMode.KEEP_WEIGHTS.displayName());
        awaitSnapshotMode(SwitchMode.KEEP_WEIGHTS);
        @SuppressWarnings("unchecked")
        ChoiceBox<SwitchMode> choice = robot.lookup("#switch-mode").queryAs(ChoiceBox.class);
        assertSame(SwitchMode.KEEP_WEIGHTS, onFx(choice::getValue));

        robot.type(KeyCode.SPACE);
        awaitSnapshot(view, "training to reach epoch 5", x -> x.playing() && x.epoch() >= 5);
        robot.type(KeyCode.SPACE);
        Snapshot paused = awaitSnapshot(view, "training to pause", x -> !x.playing());
        int e = paused.epoch();
        assertEquals(e, trainerBarrier(view).epoch());
        float[] before = paused.models().get(0).gridPredictions();

        robot.interact(() -> view.revealCard(Activations.TANH));
        robot.clickOn("#card-tanh");
        Snapshot s = awaitSnapshot(view, "Tanh to become the activation model",
                x -> x.config().models().get(0) == Activations.TANH);
        assertCardActive(robot, Activations.TANH);
        ModelStats tanh = s.models().get(0);
        assertEquals(e, tanh.epoch(), "the switched model keeps its epoch count");
        assertFalse(Arrays.equals(freshRun(Activations.TANH).gridPredictions(), tanh.gridPredictions()),
                "kept weights are not the fresh initial weights");
        assertFalse(Arrays.equals(before, tanh.gridPredictions()), "the new activation changes the output");
        assertEquals(new SwitchEvent(e, 0, Activations.RELU, Activations.TANH, SwitchMode.KEEP_WEIGHTS),
                s.switches().get(0));

        robot.type(KeyCode.RIGHT);
        Snapshot next = awaitSnapshot(view, "a step", x -> x.epoch() > e && !x.playing());
        assertEquals(e + 1, next.epoch());
        assertEquals(e + 1, next.models().get(0).epoch(), "its epoch count goes on");

        // Key 1 switches back to ReLU, keeping the weights again, one epoch later.
        robot.type(KeyCode.DIGIT1);
        Snapshot back = awaitSnapshot(view, "key 1 to pick ReLU", x -> x.switches().size() == 2);
        assertSame(Activations.RELU, back.config().models().get(0));
        assertEquals(e + 1, back.models().get(0).epoch());
        assertEquals(new SwitchEvent(e + 1, 0, Activations.TANH, Activations.RELU, SwitchMode.KEEP_WEIGHTS),
                back.switches().get(1));
        // …and key 9 to Tanh.
        robot.type(KeyCode.DIGIT9);
        Snapshot viaKey = awaitSnapshot(view, "key 9 to pick Tanh", x -> x.switches().size() == 3);
        assertSame(Activations.TANH, viaKey.config().models().get(0));
        assertCardActive(robot, Activations.TANH);
        awaitChartsDrawn(view);
        assertMarkerAt(e);
        assertMarkerAt(e + 1);
    }

    @Test
    void numberKeysPickTheFirstTenCardsAndCardsShowTheirKeys(FxRobot robot) {
        List<Activation> all = Activations.all();
        KeyCode[] keys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};
        assertSame(Activations.TANH, all.get(8), "key 9");
        assertSame(Activations.LINEAR, all.get(9), "key 0");
        for (int i = 0; i < keys.length; i++) {
            Activation expected = all.get(i);
            int switches = i + 1;
            robot.type(keys[i]);
            Snapshot s = awaitSnapshot(view, "key " + keys[i].getName() + " to pick " + expected.id(),
                    x -> x.switches().size() == switches);
            assertSame(expected, s.config().models().get(0), "key " + keys[i].getName());
            assertSame(expected, s.models().get(0).activation());
            assertCardActive(robot, expected);
            String name = onFx(() -> ((Label) robot.lookup("#card-" + expected.id()).queryAs(ActivationCard.class)
                    .getChildren().get(0)).getText());
            assertEquals(keys[i].getName() + "  " + expected.displayName(), name);
        }
        for (Activation unkeyed : all.subList(10, all.size())) {
            String name = onFx(() -> ((Label) robot.lookup("#card-" + unkeyed.id()).queryAs(ActivationCard.class)
                    .getChildren().get(0)).getText());
            assertEquals(unkeyed.displayName(), name, "no key for " + unkeyed.id());
        }
    }

    /** Presses → {@code n} times and checks that exactly {@code n} more epochs were trained. */
    private Snapshot stepEpochs(FxRobot robot, int n) {
        int start = onFx(() -> view.model().snapshot().epoch());
        for (int i = 0; i < n; i++) {
            robot.type(KeyCode.RIGHT);
        }
        awaitSnapshot(view, n + " steps", x -> x.epoch() >= start + n && !x.playing());
        Snapshot ack = trainerBarrier(view);
        assertEquals(start + n, ack.epoch());
        return awaitSnapshot(view, "the view to catch up", x -> x.sequence() >= ack.sequence());
    }

    private void awaitSnapshotMode(SwitchMode mode) {
        FxTestSupport.awaitFx("switch mode " + mode, () -> view.model().switchModeProperty().get() == mode,
                () -> String.valueOf(view.model().switchModeProperty().get()));
    }

    private void assertCardActive(FxRobot robot, Activation active) {
        for (ActivationCard card : view.cards()) {
            assertEquals(card.activation() == active, onFx(card::isActive), "card " + card.activation().id());
        }
        assertTrue(onFx(() -> robot.lookup("#card-" + active.id()).queryAs(ActivationCard.class).isActive()));
    }

    /** What the app's trainer computes for a model that starts with {@code activation} now. */
    private ModelStats freshRun(Activation activation) {
        ExperimentConfig c = ExperimentConfig.classic();
        return new ModelRun("fresh", c.data(), c.network().withActivation(activation), c.optimizer(),
                c.batchSize(), c.seed()).measure();
    }

    /** Pixels of the marker colour in the loss chart's columns at {@code epoch}. */
    private int markerPixels(int epoch) {
        awaitChartsDrawn(view);
        LossChart chart = view.lossChart();
        PlotViewport v = onFx(chart::viewport);
        Color marker = onFx(() -> chart.color(ChartCanvas.ChartColor.MARKER));
        WritableImage image = FxTestSupport.snapshotOf(chart);
        FxTestSupport.dump(image, "loss-" + epoch);
        int column = (int) Math.round(v.pixelX(epoch));
        int count = 0;
        for (int x = column - 1; x <= column + 1; x++) {
            for (int y = (int) Math.ceil(v.top()) + 1; y < (int) Math.floor(v.bottom()); y++) {
                if (FxTestSupport.near(image.getPixelReader().getArgb(x, y), marker, 40)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A dashed line of the marker colour runs down the loss chart at {@code epoch}. */
    private void assertMarkerAt(int epoch) {
        PlotViewport v = onFx(view.lossChart()::viewport);
        int count = markerPixels(epoch);
        double height = v.bottom() - v.top();
        assertTrue(count > 0.3 * height, "marker pixels at epoch " + epoch + ": " + count
                + " over a plot " + height + " px high");
    }
}
