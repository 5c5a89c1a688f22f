package org.activationlab.ui.files;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Setting;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.lesson.Lesson;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.WindowMode;
import org.activationlab.ui.lessons.LessonGuide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.UUID;
import java.util.prefs.Preferences;

import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File ▸ New (back to the classic experiment, out of any lesson or race) and File ▸ Quit. */
@ExtendWith(ApplicationExtension.class)
class FileNewQuitTest {

    private MainView view;
    private FileActions files;
    private LessonGuide guide;
    private Preferences node;
    private int prompts;

    @Start
    void start(Stage stage) {
        node = Preferences.userRoot().node("org/activationlab-test-" + UUID.randomUUID());
        view = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
        stage.setScene(ActivationLabApp.createScene(view));
        guide = LessonGuide.install(view, LessonGuide.loadCatalogue());
        files = new FileActions(view, new AppPreferences(node));
        new FileMenu(view, files).install();
        // The lesson and the edits below are unsaved changes; these tests throw them away.
        files.setPrompt(name -> {
            prompts++;
            return UnsavedChangesPrompt.Choice.DONT_SAVE;
        });
        view.start();
        stage.show();
        stage.toFront();
    }

    @AfterEach
    void shutDown() throws Exception {
        onFx(() -> {
            view.stop();
            view.model().close();
            return null;
        });
        node.removeNode();
    }

    private Lesson lesson(int number) {
        return guide.catalogue().lessons().get(number - 1);
    }

    @Test
    void newAfterLessonFiveGoesBackToTheClassicExperimentInChartsMode(FxRobot robot) {
        Lesson five = lesson(5);
        onFx(() -> guide.open(five));
        awaitSnapshot(view, "lesson 5's learning rate", s -> s.config().optimizer().learningRate() == 3e-2);
        assertEquals(WindowMode.LESSON, onFx(view::mode));

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        Snapshot s = awaitSnapshot(view, "the classic experiment",
                x -> x.config().equals(ExperimentConfig.classic()));
        assertEquals(1e-3, s.config().optimizer().learningRate(), 1e-15);
        assertEquals(Setting.SPEED.defaultValue(), s.epochsPerSecond());
        assertEquals(Dataset.classic(), s.config().data());
        assertEquals(0, s.epoch());
        assertEquals(WindowMode.CHARTS, onFx(view::mode));
        assertNull(onFx(guide::lesson));
        assertNull(onFx(() -> view.model().lessonIdProperty().get()));
        assertNull(onFx(files::currentFile));
        assertEquals(1, prompts, "the lesson's settings were offered for saving");
    }

    @Test
    void newEndsARaceAndUndoesAChangedLearningRateAndData() {
        onFx(() -> {
            view.model().setLearningRate(0.05);
            view.model().addPoint(1, 1);
            view.race().setRacing(true);
        });
        awaitSnapshot(view, "the race with lr 0.05", s -> s.config().models().size() > 2
                && s.config().optimizer().learningRate() == 0.05);
        assertEquals(WindowMode.RACE, onFx(view::mode));

        MenuItem item = onFx(() -> view.menu("File").getItems().stream()
                .filter(i -> "file-new".equals(i.getId())).findFirst().orElseThrow());
        onFx(item::fire);

        awaitSnapshot(view, "the classic experiment", x -> x.config().equals(ExperimentConfig.classic()));
        assertEquals(WindowMode.CHARTS, onFx(view::mode));
        assertTrue(!onFx(() -> view.race().isRacing()), "the race ended");
    }

    @Test
    void quitIsInTheFileMenuWithCtrlQAndHidesTheWindow(FxRobot robot) {
        MenuItem quit = onFx(() -> view.menu("File").getItems().stream()
                .filter(i -> "file-quit".equals(i.getId())).findFirst().orElseThrow());
        assertNotNull(quit.getAccelerator());
        assertEquals("Q", quit.getAccelerator().getName().substring(quit.getAccelerator().getName().length() - 1));
        Stage stage = (Stage) onFx(() -> view.getScene().getWindow());
        boolean[] requested = {false};
        onFx(() -> stage.setOnCloseRequest(e -> requested[0] = true));
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        FxTestSupport.await("the window to hide", () -> !onFx(stage::isShowing), () -> "still showing");
        assertTrue(requested[0], "Quit sends the same close request as the close button");
        onFx(() -> stage.setOnCloseRequest(null));
    }
}
