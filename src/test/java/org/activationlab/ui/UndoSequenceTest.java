package org.activationlab.ui;

import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.classroom.ClassroomFixture;
import org.activationlab.ui.experiment.ExperimentFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.activationlab.ui.classroom.ClassroomFixture.awaitFx;
import static org.activationlab.ui.classroom.ClassroomFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y over data edits, notes and experiment settings, in sequence. */
@ExtendWith(ApplicationExtension.class)
class UndoSequenceTest {

    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private int notes() {
        return onFx(() -> app.view.pointer().annotations().annotations().size());
    }

    private void ctrl(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all);
        robot.release(keys);
        robot.release(KeyCode.CONTROL);
    }

    @Test
    void addPointAddNoteChangeLearningRateThenUndoThreeTimesAndRedo(FxRobot robot) {
        app.awaitChartsDrawn();
        Snapshot original = ExperimentFx.barrier(app.view);
        Dataset data = original.config().data();
        double rate = original.config().optimizer().learningRate();

        robot.type(KeyCode.D);
        robot.clickOn(app.fitScreenPoint(-5.0, -1.3));
        Dataset added = ExperimentFx.barrier(app.view).config().data();
        assertEquals(1001, added.size());
        app.awaitChartsDrawn();
        robot.type(KeyCode.A);
        robot.clickOn(app.fitScreenPoint(1.0, 0.5));
        awaitFx("the note editor", () -> app.view.lookup("#annotation-editor") != null
                && app.view.lookup("#annotation-editor").isFocused());
        robot.write("look");
        robot.type(KeyCode.ENTER);
        awaitFx("the note", () -> notes() == 1);
        onFx(() -> app.view.model().setLearningRate(3e-2));
        assertEquals(3e-2, ExperimentFx.barrier(app.view).config().optimizer().learningRate());
        assertEquals("Undo learning rate", onFx(() -> undoItem().getText()));

        ctrl(robot, KeyCode.Z);
        assertEquals(rate, ExperimentFx.barrier(app.view).config().optimizer().learningRate(), "lr back");
        assertEquals(1, notes());
        ctrl(robot, KeyCode.Z);
        awaitFx("the note gone", () -> notes() == 0);
        assertSame(added, ExperimentFx.barrier(app.view).config().data());
        ctrl(robot, KeyCode.Z);
        Snapshot undone = ExperimentFx.barrier(app.view);
        assertSame(data, undone.config().data(), "the original 1000 points of sin(x), target and all");
        assertEquals(rate, undone.config().optimizer().learningRate());
        assertEquals(0, notes());
        assertFalse(onFx(() -> app.view.model().history().canUndoProperty().get()));
        assertTrue(onFx(() -> undoItem().isDisable()), "nothing more to undo: the menu item is disabled");

        ctrl(robot, KeyCode.SHIFT, KeyCode.Z);
        assertSame(added, ExperimentFx.barrier(app.view).config().data(), "redo: the point is back");
        ctrl(robot, KeyCode.SHIFT, KeyCode.Z);
        awaitFx("the note back", () -> notes() == 1);
        ctrl(robot, KeyCode.Y);
        assertEquals(3e-2, ExperimentFx.barrier(app.view).config().optimizer().learningRate(), "Ctrl+Y redoes too");
        assertFalse(onFx(() -> app.view.model().history().canRedoProperty().get()));
    }

    @Test
    void drawerSettingsAndActivationSwitchesUndoFromTheMenuItem() {
        Snapshot original = ExperimentFx.barrier(app.view);
        onFx(() -> {
            app.view.model().setOptimizer(OptimizerKind.SGD);
            app.view.model().setBatchSize(64);
        });
        // Seconds apart in a teacher's hands; merged only if the same setting changes quickly.
        onFx(() -> app.view.model().setDepth(3));
        robotTypeDigit();
        Snapshot changed = ExperimentFx.await(app.view, "the switch to Tanh",
                s -> s.config().models().get(0).id().equals("tanh"));
        assertEquals(OptimizerKind.SGD, changed.config().optimizer().kind());
        assertEquals(64, changed.config().batchSize());
        assertEquals(3, changed.config().network().depth());
        for (int i = 0; i < 4; i++) {
            onFx(() -> undoItem().fire());
        }
        Snapshot back = ExperimentFx.barrier(app.view);
        assertEquals(original.config().models(), back.config().models(), "the activation switched back");
        assertEquals(original.config().optimizer(), back.config().optimizer());
        assertEquals(original.config().batchSize(), back.config().batchSize());
        assertEquals(original.config().network(), back.config().network());
    }

    private void robotTypeDigit() {
        onFx(() -> app.view.model().selectActivation(app.view.cards().get(8).activation()));
    }

    /** Typing Ctrl+Z in a text field undoes the typing, not the experiment. */
    @Test
    void ctrlZInATextFieldIsTheFieldsOwnUndo(FxRobot robot) {
        onFx(() -> app.view.model().setLearningRate(3e-2));
        ExperimentFx.barrier(app.view);
        TextField seed = onFx(() -> (TextField) app.view.lookup("#seed"));
        robot.clickOn(seed);
        robot.type(KeyCode.END);
        robot.write("9");
        ctrl(robot, KeyCode.Z);
        assertEquals(3e-2, ExperimentFx.barrier(app.view).config().optimizer().learningRate());
        assertTrue(onFx(() -> app.view.model().history().canUndoProperty().get()));
    }

    private MenuItem undoItem() {
        return app.view.menu("Experiment").getItems().stream()
                .filter(i -> "menu-undo".equals(i.getId())).findFirst().orElseThrow();
    }
}
