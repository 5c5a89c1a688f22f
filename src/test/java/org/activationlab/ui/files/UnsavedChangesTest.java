package org.activationlab.ui.files;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.activationlab.engine.Setting;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Trainer;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.files.UnsavedChangesPrompt.Choice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unsaved changes: what counts as one, the window title, and the "Save changes?" prompt before
 * New, Open and closing the window — answered by the test through the prompt strategy, and once
 * through the real dialog. Files go to a temporary folder; preferences to a node of the test's.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesTest {

    @TempDir
    Path dir;

    private MainView view;
    private LabModel model;
    private FileActions files;
    private Stage stage;
    private Preferences node;
    /** What the prompt was asked, in order. */
    private final List<String> asked = new ArrayList<>();
    /** The prompt's next answers. */
    private final List<Choice> answers = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        node = Preferences.userRoot().node("org/activationlab-test-" + UUID.randomUUID());
        model = new LabModel(new Trainer(ExperimentConfig.classic()));
        view = new MainView(model);
        stage.setScene(ActivationLabApp.createScene(view));
        files = new FileActions(view, new AppPreferences(node));
        new FileMenu(view, files).install();
        files.setPrompt(name -> {
            asked.add(name);
            if (answers.isEmpty()) {
                throw new AssertionError("asked about unsaved changes to " + name + " without reason");
            }
            return answers.remove(0);
        });
        files.setSaveAsTarget(() -> null);
        view.start();
        stage.show();
        stage.toFront();
    }

    @AfterEach
    void shutDown() throws Exception {
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                    ((Stage) w).close();
                }
            }
            stage.setOnCloseRequest(null);
            view.stop();
            model.close();
        });
        node.removeNode();
    }

    private void changeLearningRate() {
        onFx(() -> model.setLearningRate(0.05));
        awaitSnapshot(view, "lr 0.05", s -> s.config().optimizer().learningRate() == 0.05);
    }

    private boolean unsaved() {
        return onFx(files::isUnsaved);
    }

    private Path writeFile(String name, ExperimentFile.Contents contents) {
        Path file = dir.resolve(name);
        ExperimentFile.write(file, contents);
        return file;
    }

    @Test
    void aChangedSettingIsUnsavedAndShowsInTheTitle() {
        assertFalse(unsaved(), "a new window has nothing to save");
        assertEquals("Activation Lab", onFx(() -> files.titleProperty().get()));

        changeLearningRate();

        assertTrue(unsaved());
        assertEquals("\u2022 Untitled (edited) \u2014 Activation Lab", onFx(() -> files.titleProperty().get()));
    }

    @Test
    void newWithUnsavedChangesAndCancelKeepsThem() {
        changeLearningRate();
        answers.add(Choice.CANCEL);

        assertFalse(onFx(files::newExperiment), "New was cancelled");

        assertEquals(List.of("Untitled"), asked);
        assertEquals(0.05, FxTestSupport.trainerBarrier(view).config().optimizer().learningRate());
        assertEquals(0.05, onFx(() -> model.contents().config().optimizer().learningRate()));
        assertTrue(unsaved(), "still unsaved");
    }

    @Test
    void newWithDontSaveDiscardsTheChanges() {
        changeLearningRate();
        answers.add(Choice.DONT_SAVE);

        assertTrue(onFx(files::newExperiment));

        awaitSnapshot(view, "the classic experiment", s -> s.config().equals(ExperimentConfig.classic()));
        assertFalse(unsaved());
        assertEquals(List.of("Untitled"), asked);
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count(), "nothing was written");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void newWithSaveWritesTheFileThenGoesOn() throws Exception {
        changeLearningRate();
        Path target = dir.resolve("lesson-prep.json");
        onFx(() -> files.setSaveAsTarget(() -> target));
        answers.add(Choice.SAVE);

        assertTrue(onFx(files::newExperiment));

        assertTrue(Files.exists(target), "Save As wrote the file");
        assertEquals(0.05, ExperimentFile.read(target).config().optimizer().learningRate());
        awaitSnapshot(view, "the classic experiment", s -> s.config().equals(ExperimentConfig.classic()));
        assertFalse(unsaved());
        assertNull(onFx(files::currentFile), "New has no file");
    }

    @Test
    void saveThatDoesNotHappenCancelsNew() {
        changeLearningRate();
        answers.add(Choice.SAVE); // and the Save As chooser is cancelled (null)

        assertFalse(onFx(files::newExperiment));

        assertEquals(0.05, FxTestSupport.trainerBarrier(view).config().optimizer().learningRate());
        assertTrue(unsaved());
    }

    @Test
    void savingToTheOpenedFileClearsUnsavedAndTheTitleSaysItsName() throws Exception {
        Path file = writeFile("sine.json", ExperimentFile.Contents.of(ExperimentConfig.classic()));
        assertTrue(onFx(() -> files.open(file)));
        assertEquals("sine.json \u2014 Activation Lab", onFx(() -> files.titleProperty().get()));
        changeLearningRate();
        assertEquals("\u2022 sine.json (edited) \u2014 Activation Lab", onFx(() -> files.titleProperty().get()));

        assertTrue(onFx(() -> files.save()), "Save writes to the opened file, no chooser");

        assertFalse(unsaved());
        assertEquals("sine.json \u2014 Activation Lab", onFx(() -> files.titleProperty().get()));
        assertEquals(0.05, ExperimentFile.read(file).config().optimizer().learningRate());
    }

    @Test
    void openingAFileThenTrainingAndRacingLeavesNothingUnsavedSoNewDoesNotAsk() {
        ExperimentConfig short3 = ExperimentConfig.classic().withEpochLimit(3);
        Path file = writeFile("short.json", new ExperimentFile.Contents(short3, Double.POSITIVE_INFINITY,
                org.activationlab.training.SwitchMode.RESTART, null));
        assertTrue(onFx(() -> files.open(file)));
        assertFalse(unsaved(), "just opened");

        // Training to the limit and on past it moves the trainer's limit: progress, not a change.
        onFx(model::play);
        awaitSnapshot(view, "the limit", s -> s.atLimit() && !s.playing());
        onFx(model::play);
        awaitSnapshot(view, "training on past the limit", s -> s.epoch() > 3 && s.atLimit() && !s.playing());
        assertFalse(unsaved(), "training is not a change");

        // A race trains every activation for a while and goes back: not a change either.
        onFx(() -> view.race().setRacing(true));
        awaitSnapshot(view, "the race", s -> s.models().size() > 2);
        assertFalse(unsaved(), "racing is not a change");
        onFx(() -> view.race().setRacing(false));
        awaitSnapshot(view, "back to two models", s -> s.models().size() == 2);

        assertTrue(onFx(files::newExperiment), "New went ahead without asking");
        assertEquals(List.of(), asked);
    }

    @Test
    void openWithUnsavedChangesAndCancelLoadsNothing() {
        Path file = writeFile("other.json", ExperimentFile.Contents.of(
                ExperimentConfig.classic().withBatchSize(8)));
        changeLearningRate();
        answers.add(Choice.CANCEL);

        assertFalse(onFx(() -> files.open(file)));

        assertEquals(List.of("Untitled"), asked);
        assertNull(onFx(files::currentFile));
        var s = FxTestSupport.trainerBarrier(view);
        assertEquals(32, s.config().batchSize(), "the file was not loaded");
        assertEquals(0.05, s.config().optimizer().learningRate());
    }

    @Test
    void aFileThatCannotBeOpenedDoesNotAsk() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        changeLearningRate();

        assertFalse(onFx(() -> files.open(broken)));

        assertEquals(List.of(), asked, "nothing was at risk: the file does not open");
    }

    @Test
    void undoingBackToTheSavedStateIsNoLongerUnsaved() {
        changeLearningRate();
        onFx(() -> model.setBatchSize(64));
        assertTrue(unsaved());

        onFx(() -> model.history().undo());
        assertTrue(unsaved(), "the learning rate is still changed");
        onFx(() -> model.history().undo());

        assertFalse(unsaved());
        assertEquals("Activation Lab", onFx(() -> files.titleProperty().get()));
    }

    @Test
    void aSpeedChangeIsUnsavedBecauseTheFileHoldsIt() {
        onFx(() -> model.setSpeed(Setting.SPEED.defaultValue() * 2));
        assertTrue(unsaved());
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksAndCancelKeepsItOpen() {
        onFx(() -> files.guardClose(stage));
        changeLearningRate();

        // The close button: the window closes unless its close request is consumed.
        answers.add(Choice.CANCEL);
        WindowEvent closeButton = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        onFx(() -> stage.getOnCloseRequest().handle(closeButton));
        assertTrue(closeButton.isConsumed(), "Cancel refused the close request");

        answers.add(Choice.CANCEL);
        assertFalse(onFx(files::quit), "Quit asks the same question");
        assertTrue(onFx(stage::isShowing), "the window stays open");
        assertEquals(List.of("Untitled", "Untitled"), asked, "one question per close request");
        assertEquals(0.05, onFx(() -> model.contents().config().optimizer().learningRate()));

        answers.add(Choice.DONT_SAVE);
        assertTrue(onFx(files::quit), "Don't Save lets the window close");
        assertFalse(onFx(stage::isShowing));
    }

    @Test
    void closingTheWindowWithNothingChangedDoesNotAsk() {
        onFx(() -> files.guardClose(stage));
        WindowEvent closeButton = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        onFx(() -> stage.getOnCloseRequest().handle(closeButton));
        assertFalse(closeButton.isConsumed());
        assertEquals(List.of(), asked);
    }

    /** The real dialog, as the user sees it: its question and buttons; Cancel, then Don't Save. */
    @Test
    void theRealDialogAsksAndItsButtonsAnswer(FxRobot robot) {
        onFx(() -> files.setPrompt(new UnsavedChangesDialog(view)));
        changeLearningRate();

        Platform.runLater(files::newExperiment);
        DialogPane pane = awaitDialog(robot);
        assertEquals("Save changes to the untitled experiment?", onFx(pane::getHeaderText));
        assertEquals("Save changes to \u201csine.json\u201d?", UnsavedChangesDialog.header("sine.json"));
        assertEquals(List.of("Save", "Don't Save", "Cancel"),
                onFx(() -> pane.getButtonTypes().stream().map(ButtonType::getText).toList()));
        assertTrue(onFx(() -> ((Button) pane.lookupButton(UnsavedChangesDialog.SAVE)).isDefaultButton()));
        robot.clickOn(onFx(() -> pane.lookupButton(UnsavedChangesDialog.CANCEL)));
        awaitFx("the dialog to close", () -> dialogs(robot).isEmpty(), () -> "still open");
        assertEquals(0.05, FxTestSupport.trainerBarrier(view).config().optimizer().learningRate(),
                "Cancel kept the change");

        Platform.runLater(files::newExperiment);
        DialogPane again = awaitDialog(robot);
        robot.clickOn(onFx(() -> again.lookupButton(UnsavedChangesDialog.DONT_SAVE)));
        awaitSnapshot(view, "the classic experiment", s -> s.config().equals(ExperimentConfig.classic()));
        assertFalse(unsaved());
    }

    private static Set<DialogPane> dialogs(FxRobot robot) {
        return robot.lookup(".unsaved-changes").queryAllAs(DialogPane.class);
    }

    private DialogPane awaitDialog(FxRobot robot) {
        awaitFx("the unsaved-changes dialog", () -> !dialogs(robot).isEmpty(), () -> "no dialog");
        WaitForAsyncUtils.waitForFxEvents();
        return dialogs(robot).iterator().next();
    }
}
