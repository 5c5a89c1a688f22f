package org.activationlab.ui.experiment;

import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static org.activationlab.ui.experiment.ExperimentFx.await;
import static org.activationlab.ui.experiment.ExperimentFx.awaitFx;
import static org.activationlab.ui.experiment.ExperimentFx.barrier;
import static org.activationlab.ui.experiment.ExperimentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 3: keys typed into the drawer's controls are for the control, not shortcuts. E, click
 * Depth, type 7 or Space: no switch to the seventh activation, no training. Esc gives the keys
 * back to the charts, where 7 switches again.
 */
@ExtendWith(ApplicationExtension.class)
class EditableFocusKeysTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = ExperimentFx.show(stage, ExperimentConfig.classic());
    }

    @Stop
    void stop() {
        ExperimentFx.shutDown(view);
    }

    @Test
    void digitsAndSpaceInTheDepthSpinnerDoNotSwitchOrTrain(FxRobot robot) {
        Activation before = onFx(() -> view.model().snapshot().config().models().get(LabModel.SWITCHED_MODEL));
        robot.type(KeyCode.E);
        awaitFx("the drawer to open", () -> view.leftPanel() == view.experiment().drawer());
        robot.clickOn("#drawer-depth");
        awaitFx("the Depth spinner to have the focus",
                () -> view.getScene().getFocusOwner() instanceof Spinner<?>);
        robot.type(KeyCode.DIGIT7);
        robot.type(KeyCode.SPACE);
        Snapshot s = barrier(view);
        assertEquals(before, s.config().models().get(LabModel.SWITCHED_MODEL), "no activation switch");
        assertTrue(s.switches().isEmpty(), "no switch marked on the loss chart");
        assertFalse(s.playing(), "Space in the spinner does not start training");
        assertTrue(onFx(() -> view.leftPanel() != null), "the drawer stays open");

        robot.type(KeyCode.ESCAPE);
        awaitFx("Esc to give the focus back to the charts", () -> view.getScene().getFocusOwner() == view);
        robot.type(KeyCode.DIGIT7);
        Activation seventh = Activations.all().get(6);
        await(view, "7 to switch to " + seventh.displayName() + " from the charts",
                x -> x.config().models().get(LabModel.SWITCHED_MODEL).id().equals(seventh.id()));
    }
}
