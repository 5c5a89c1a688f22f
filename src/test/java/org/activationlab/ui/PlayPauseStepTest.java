package org.activationlab.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.activationlab.ui.FxTestSupport.trainerBarrier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Space plays and pauses, → trains exactly one epoch, R and the Reset button go back to epoch 0. */
@ExtendWith(ApplicationExtension.class)
class PlayPauseStepTest {

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
    void spacePlaysAndPausesAndRightStepsOneEpochAtATime(FxRobot robot) {
        Label counter = robot.lookup("#epoch-counter").queryAs(Label.class);
        Button play = robot.lookup("#play").queryAs(Button.class);

        // 10 epochs/s (picked in the speed box): slow enough that a loaded machine still pauses
        // long before the limit of 100.
        robot.clickOn("#speed");
        robot.clickOn("10 /s");
        awaitSnapshot(view, "the speed to become 10/s", s -> s.epochsPerSecond() == 10);

        robot.type(KeyCode.SPACE);
        Snapshot running = awaitSnapshot(view, "training to reach epoch 3", s -> s.playing() && s.epoch() >= 3);
        assertTrue(running.epoch() < 100, "the default speed trains 100 epochs in seconds, not at once");
        assertUiShows(counter, play);
        assertFalse(onFx(() -> robot.lookup("#hint").query().isVisible()), "the hint goes once training starts");

        robot.type(KeyCode.SPACE);
        Snapshot paused = awaitSnapshot(view, "training to pause", s -> !s.playing());
        int e = paused.epoch();
        assertTrue(e >= 3 && e < 100, "paused at " + e);
        assertUiShows(counter, play);
        assertEquals("▶ Play", onFx(play::getText));
        // Paused means paused: once the trainer has acknowledged a later command, no epoch came.
        Snapshot ack = trainerBarrier(view);
        assertEquals(e, ack.epoch(), "epochs trained after the pause");
        assertFalse(ack.playing());

        robot.type(KeyCode.RIGHT);
        Snapshot one = awaitSnapshot(view, "a step after epoch " + e, s -> s.epoch() > e && !s.playing());
        assertEquals(e + 1, one.epoch(), "one step trains one epoch");
        ack = trainerBarrier(view);
        assertEquals(e + 1, ack.epoch(), "a step trains one epoch, then pauses");
        assertFalse(ack.playing());

        robot.type(KeyCode.RIGHT);
        Snapshot two = awaitSnapshot(view, "a second step", s -> s.epoch() > e + 1 && !s.playing());
        assertEquals(e + 2, two.epoch(), "the second step trains one more epoch");
        ack = trainerBarrier(view);
        assertEquals(e + 2, ack.epoch(), "a step trains one epoch, then pauses");
        assertFalse(ack.playing());
        for (ModelStats m : ack.models()) {
            assertEquals(e + 2, m.epoch(), m.name() + " trains in lockstep");
        }
        long newest = ack.sequence();
        awaitSnapshot(view, "the view to take the newest snapshot", s -> s.sequence() >= newest);
        assertUiShows(counter, play);
    }

    @Test
    void rightStepsFromZeroToOneAndResetRestoresTheInitialWeights(FxRobot robot) {
        Snapshot launch = onFx(() -> view.model().snapshot());
        assertEquals(0, launch.epoch());
        List<float[]> initial = gridPredictions(launch);

        robot.type(KeyCode.RIGHT);
        Snapshot first = awaitSnapshot(view, "epoch 1", s -> s.epoch() >= 1 && !s.playing());
        assertEquals(1, first.epoch());
        assertEquals(1, trainerBarrier(view).epoch(), "→ trains exactly one epoch");
        assertEquals("epoch 1 / 100", onFx(() -> robot.lookup("#epoch-counter").queryAs(Label.class).getText()));
        List<float[]> afterOneEpoch = gridPredictions(first);
        assertFalse(java.util.Arrays.equals(initial.get(0), afterOneEpoch.get(0)), "training changed the model");

        robot.type(KeyCode.R);
        Snapshot reset = awaitSnapshot(view, "R to reset", s -> s.epoch() == 0 && s.sequence() > first.sequence());
        assertSamePredictions(initial, reset, "after R");
        assertEquals(1, reset.histories().get(0).mse().length(), "the loss history starts again");
        assertTrue(onFx(() -> robot.lookup("#hint").query().isVisible()), "the hint is back at epoch 0");

        // The Step button, then → : two epochs, the first equal to the first epoch before the reset.
        robot.clickOn("#step");
        Snapshot again = awaitSnapshot(view, "the Step button", s -> s.epoch() >= 1 && !s.playing());
        assertEquals(1, again.epoch());
        List<float[]> replay = gridPredictions(again);
        for (int i = 0; i < replay.size(); i++) {
            assertArrayEquals(afterOneEpoch.get(i), replay.get(i), "epoch 1 of model " + i + " repeats exactly");
        }
        robot.type(KeyCode.RIGHT);
        Snapshot two = awaitSnapshot(view, "epoch 2", s -> s.epoch() >= 2 && !s.playing());
        assertEquals(2, two.epoch());

        robot.clickOn("#reset");
        Snapshot reset2 = awaitSnapshot(view, "the Reset button", s -> s.epoch() == 0 && s.sequence() > two.sequence());
        assertSamePredictions(initial, reset2, "after the Reset button");
        assertEquals(0, trainerBarrier(view).epoch());
        assertEquals("epoch 0 / 100", onFx(() -> robot.lookup("#epoch-counter").queryAs(Label.class).getText()));
    }

    private void assertUiShows(Label counter, Button play) {
        onFx(() -> {
            Snapshot s = view.model().snapshot();
            assertEquals("epoch " + s.epoch() + " / 100", counter.getText());
            assertEquals(s.playing() ? "❚❚ Pause" : "▶ Play", play.getText());
        });
    }

    private static List<float[]> gridPredictions(Snapshot s) {
        return s.models().stream().map(ModelStats::gridPredictions).toList();
    }

    private static void assertSamePredictions(List<float[]> expected, Snapshot s, String when) {
        assertEquals(0, s.epoch());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, s.models().get(i).epoch(), "model " + i + " epoch " + when);
            assertArrayEquals(expected.get(i), s.models().get(i).gridPredictions(),
                    "model " + i + " predicts as at launch " + when);
        }
    }
}
