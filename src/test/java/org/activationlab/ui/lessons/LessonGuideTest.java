package org.activationlab.ui.lessons;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.lesson.LessonCatalogue;
import org.activationlab.training.lesson.LessonLoader;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Picking lessons, stepping through them and closing them, in the app's own window. */
@ExtendWith(ApplicationExtension.class)
class LessonGuideTest {

    private static final long TIMEOUT_MS = 10_000;

    private MainView view;
    private LessonGuide guide;

    @Start
    void start(Stage stage) {
        view = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
        // Stand-ins for the instrument tabs that lessons name (another feature adds the real ones).
        view.addInstrument("Gradient flow", new Label("gradient flow"));
        view.addInstrument("Saturation", new Label("saturation"));
        Scene scene = ActivationLabApp.createScene(view);
        LessonCatalogue bundled = LessonLoader.load(LessonLoader.bundled());
        Map<String, String> brokenFiles = Map.of("index.json", "{ \"lessons\": [\"broken.json\"] }",
                "broken.json", "{ \"title\": \"Broken\" }");
        LessonCatalogue broken = LessonLoader.load(
                name -> brokenFiles.containsKey(name) ? new StringReader(brokenFiles.get(name)) : null);
        guide = LessonGuide.install(view, bundled.plus(broken));
        stage.setScene(scene);
        stage.setWidth(ActivationLabApp.WIDTH);
        stage.setHeight(ActivationLabApp.HEIGHT);
        view.start();
        stage.show();
        stage.toFront();
    }

    @AfterEach
    void shutDown() {
        onFx(() -> {
            view.stop();
            view.model().close();
            return null;
        });
    }

    @Test
    void pickingLessonThreeLoadsEightLayersOfSigmoidAgainstRelu(FxRobot robot) {
        robot.press(KeyCode.L).release(KeyCode.L);
        awaitFx("the picker", () -> robot.lookup("#lesson-choice-3").tryQuery().isPresent()
                && robot.lookup("#lesson-choice-3").query().isVisible());
        assertTrue(onFx(() -> robot.lookup("#lesson-picker").query().isVisible()));
        robot.clickOn("#lesson-choice-3");

        Snapshot s = awaitSnapshot("lesson 3's experiment", x -> x.config().network().depth() == 8);
        assertEquals(List.of(Activations.SIGMOID, Activations.RELU), s.config().models());
        assertEquals(32, s.config().network().width());
        assertEquals(OptimizerKind.SGD, s.config().optimizer().kind());
        assertEquals(0.01, s.config().optimizer().learningRate());
        assertEquals(100, s.config().epochLimit());
        assertEquals(20, s.epochsPerSecond());
        assertEquals(0, s.epoch());
        assertFalse(onFx(guide::isPickerShowing));
        assertEquals("step 1 of 4", text("#lesson-step-counter"));
        assertEquals("Eight layers deep", text("#lesson-step-title"));
        assertEquals("Gradient flow", onFx(() -> view.instruments().getSelectionModel().getSelectedItem().getText()));
    }

    @Test
    void nextAndBackMoveBetweenStepsAndChangeWhatThePanelShows(FxRobot robot) {
        onFx(() -> {
            guide.open(guide.catalogue().lessons().get(2));
            return null;
        });
        awaitSnapshot("lesson 3's experiment", x -> x.config().network().depth() == 8);
        String first = onFx(() -> panel().shownText());
        assertTrue(robot.lookup("#lesson-back").queryButton().isDisabled(), "no step before the first");

        robot.clickOn("#lesson-next");
        awaitFx("step 2", () -> guide.stepIndex() == 1);
        assertEquals("step 2 of 4", text("#lesson-step-counter"));
        assertNotEquals(first, onFx(() -> panel().shownText()));
        assertEquals("Why Sigmoid loses the signal", text("#lesson-step-title"));

        robot.press(KeyCode.N).release(KeyCode.N);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        awaitFx("step 4", () -> guide.stepIndex() == 3);
        assertTrue(robot.lookup("#lesson-next").queryButton().isDisabled(), "no step after the last");
        // Step 4 changes the first model to Tanh; everything else stays.
        Snapshot tanh = awaitSnapshot("Tanh against ReLU", x -> x.config().models().get(0) == Activations.TANH);
        assertEquals(8, tanh.config().network().depth());
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertEquals(3, onFx(guide::stepIndex), "Next on the last step stays there");

        robot.press(KeyCode.B).release(KeyCode.B);
        awaitFx("step 3", () -> guide.stepIndex() == 2);
        awaitSnapshot("Sigmoid again", x -> x.config().models().get(0) == Activations.SIGMOID);
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        robot.clickOn("#lesson-back");
        awaitFx("step 1", () -> guide.stepIndex() == 0);
        assertEquals(first, onFx(() -> panel().shownText()));
    }

    @Test
    void stepsWithTheSameSettingsKeepTheRunGoing(FxRobot robot) throws Exception {
        onFx(() -> {
            guide.open(guide.catalogue().lessons().get(0));
            return null;
        });
        awaitSnapshot("lesson 1", x -> x.config().models().get(1) == Activations.LINEAR);
        onFx(() -> {
            view.model().step();
            view.model().step();
            return null;
        });
        view.model().trainer().await(x -> x.epoch() == 2, TIMEOUT_MS);
        robot.clickOn("#lesson-next");
        awaitFx("step 2", () -> guide.stepIndex() == 1);
        // A command sent after the click is applied after anything the click sent.
        long before = view.model().trainer().latest().sequence();
        onFx(() -> {
            view.model().setSpeed(Trainer.DEFAULT_SPEED);
            return null;
        });
        Snapshot after = view.model().trainer().await(x -> x.sequence() > before, TIMEOUT_MS);
        assertEquals(2, after.epoch(), "the same experiment is not loaded again");
    }

    @Test
    void closingTheLessonRemovesThePanel(FxRobot robot) {
        onFx(() -> {
            guide.open(guide.catalogue().lessons().get(4));
            return null;
        });
        awaitFx("the lesson strip", () -> robot.lookup("#lesson-panel").tryQuery().isPresent());
        assertTrue(onFx(() -> isShowing(robot.lookup("#lesson-panel").query())));
        robot.clickOn("#lesson-close");
        awaitFx("no lesson", () -> guide.lesson() == null);
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty(), "the strip is gone");
        assertTrue(onFx(() -> isShowing(view.fitChart())), "the charts stay");

        // Shift+L closes too.
        onFx(() -> {
            guide.open(guide.catalogue().lessons().get(0));
            return null;
        });
        awaitFx("the lesson strip", () -> robot.lookup("#lesson-panel").tryQuery().isPresent());
        robot.press(KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT);
        awaitFx("no lesson", () -> guide.lesson() == null && robot.lookup("#lesson-panel").tryQuery().isEmpty());
    }

    @Test
    void theSoftmaxLessonShowsItsPanelInsteadOfTheChartsAndGivesThemBack(FxRobot robot) {
        onFx(() -> {
            guide.open(guide.catalogue().lessons().get(6));
            return null;
        });
        awaitFx("the softmax panel", () -> guide.softmaxPanel() != null && isShowing(guide.softmaxPanel()));
        assertFalse(onFx(() -> isShowing(view.fitChart())));
        assertFalse(onFx(() -> isShowing(view.lookup("#hint"))), "no 'Press Space' over the panel");
        SoftmaxPanel panel = onFx(guide::softmaxPanel);
        robot.clickOn("#lesson-next");
        awaitFx("step 2", () -> guide.stepIndex() == 1);
        assertSame(panel, onFx(guide::softmaxPanel));
        assertTrue(onFx(() -> isShowing(panel)), "step 2 shows the panel too");

        robot.clickOn("#lesson-next");
        awaitFx("the charts again", () -> isShowing(view.fitChart()) && !isShowing(panel));
        awaitSnapshot("softmax as a hidden activation", x -> x.config().models().get(0) == Activations.SOFTMAX);

        robot.clickOn("#lesson-back");
        awaitFx("the panel again", () -> isShowing(panel));
        robot.clickOn("#lesson-close");
        awaitFx("the charts after closing", () -> isShowing(view.fitChart()) && !isShowing(panel));
        assertTrue(onFx(() -> isShowing(view.lookup("#hint"))), "the hint is back with the idle charts");
    }

    @Test
    void theMenuListsEveryLessonAndThePickerNamesTheSkippedOne(FxRobot robot) {
        List<String> items = onFx(() -> view.menu("Lessons").getItems().stream()
                .filter(i -> i.getId() != null && i.getId().startsWith("menu-lesson-") && !i.getId().endsWith("close"))
                .map(i -> i.getText()).toList());
        assertEquals(7, items.size());
        assertEquals("3  Vanishing gradients", items.get(2));
        onFx(() -> {
            view.menu("Lessons").getItems().stream().filter(i -> "menu-lesson-6".equals(i.getId()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        awaitSnapshot("lesson 6", x -> x.config().models().get(0) == Activations.SIGMOID
                && x.config().models().get(1) == Activations.TANH);
        assertEquals("Saturation", onFx(() -> view.instruments().getSelectionModel().getSelectedItem().getText()));

        // A step naming a tab that does not exist leaves the selection alone: lesson 5 names
        // "Dead units", taken away here.
        onFx(() -> {
            view.instruments().getTabs().removeIf(t -> t.getText().equals("Dead units"));
            view.instruments().getSelectionModel().select(0);
            guide.open(guide.catalogue().lessons().get(4));
            return null;
        });
        assertEquals("Loss", onFx(() -> view.instruments().getSelectionModel().getSelectedItem().getText()));

        robot.press(KeyCode.L).release(KeyCode.L);
        awaitFx("the picker", () -> guide.isPickerShowing());
        String warnings = onFx(() -> robot.lookup(".lesson-warning").queryAll().stream()
                .map(n -> ((Label) n).getText()).reduce("", String::concat));
        assertEquals("Lesson skipped: broken.json: summary: missing (a text is required here)", warnings);
        robot.press(KeyCode.L).release(KeyCode.L);
        awaitFx("the lesson again", () -> !guide.isPickerShowing());
        assertEquals("Dying ReLU", onFx(() -> guide.lesson().title()));
    }

    private LessonPanel panel() {
        return (LessonPanel) view.lookup("#lesson-panel");
    }

    private String text(String id) {
        return onFx(() -> ((Label) view.lookup(id)).getText());
    }

    /** In the scene and visible all the way up. */
    private static boolean isShowing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Snapshot awaitSnapshot(String what, Predicate<Snapshot> condition) {
        awaitFx(what, () -> condition.test(view.model().snapshot()));
        return onFx(() -> view.model().snapshot());
    }

    private static void awaitFx(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
