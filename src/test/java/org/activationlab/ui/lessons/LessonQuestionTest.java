package org.activationlab.ui.lessons;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.training.Snapshot;
import org.activationlab.training.lesson.LessonCatalogue;
import org.activationlab.training.lesson.LessonLoader;
import org.activationlab.training.lesson.LessonQuestion;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.StringReader;
import java.util.Map;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Predict, then reveal, in the app's window: the step shows its question and answers (the Watch
 * line held back), the class's vote is marked, Space runs the step, and at the end of the run
 * the answer that came true in this run is marked.
 */
@ExtendWith(ApplicationExtension.class)
class LessonQuestionTest {

    /**
     * A small, quick lesson: ReLU against the linear network for 15 epochs. Step 1 asks whether
     * the linear network gets below an MSE of 0.001 (a straight line through a sine never can:
     * the run answers No); step 2 asks the same of a threshold every run beats (Yes).
     */
    private static final String LESSON = """
            { "title": "Quick question", "summary": "A question answered by a short run.",
              "config": { "models": ["relu", "linear"], "network": {"depth": 1, "width": 16},
                          "data": {"points": 200}, "epoch_limit": 15, "speed": "max" },
              "steps": [
                { "title": "Can a line fit a wave?", "text": "Two networks.", "watch": "The linear MSE stays high.",
                  "question": { "text": "Will the linear network get below MSE 0.001?",
                                "answers": ["Yes", "No"],
                                "reveal": { "rule": "mse_below", "model": "linear", "value": 0.001 },
                                "expected": "No" } },
                { "title": "Anything fits loosely", "text": "Same networks, fewer epochs.", "watch": "Both end low.",
                  "config": { "epoch_limit": 5 },
                  "question": { "text": "Will ReLU get below MSE 1000?",
                                "answers": ["Yes", "No"],
                                "reveal": { "rule": "mse_below", "model": "relu", "value": 1000 },
                                "expected": "Yes" } } ] }
            """;

    private MainView view;
    private LessonGuide guide;

    @Start
    void start(Stage stage) {
        view = FxTestSupport.showMainView(stage);
        Map<String, String> files = Map.of("index.json", "{ \"lessons\": [\"q.json\"] }", "q.json", LESSON);
        LessonCatalogue catalogue = LessonLoader.load(name -> files.containsKey(name) ? new StringReader(files.get(name)) : null);
        assertEquals(1, catalogue.lessons().size(), String.valueOf(catalogue.warnings()));
        guide = LessonGuide.install(view, catalogue);
    }

    @AfterEach
    void shutDown() {
        onFx(() -> FxTestSupport.shutDown(view));
    }

    private String state() {
        return onFx(() -> guide.questionState() + " / " + FxTestSupport.describe(view.model().snapshot()));
    }

    private Button answer(FxRobot robot, int number) {
        return robot.lookup("#lesson-answer-" + number).queryButton();
    }

    private boolean has(FxRobot robot, int number, String styleClass) {
        return onFx(() -> answer(robot, number).getStyleClass().contains(styleClass));
    }

    @Test
    void theStepAsksVotesRunsAndMarksTheAnswerThatCameTrue(FxRobot robot) {
        onFx(() -> guide.open(guide.catalogue().lessons().get(0)));
        awaitFx("the step's experiment, asking", () -> guide.questionState().phase() == QuestionState.Phase.ASKING
                && view.model().snapshot().config().epochLimit() == 15, this::state);
        assertEquals("Predict: Will the linear network get below MSE 0.001?",
                onFx(() -> robot.lookup("#lesson-question-text").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#lesson-question").query().isVisible()));
        assertEquals("A   Yes", onFx(() -> answer(robot, 1).getText()));
        assertEquals("B   No", onFx(() -> answer(robot, 2).getText()));
        assertFalse(onFx(() -> robot.lookup("#lesson-watch").query().isVisible()), "Watch would give the answer away");

        robot.clickOn("#lesson-answer-1");
        awaitFx("the class's vote", () -> guide.choice() == 0, this::state);
        assertTrue(has(robot, 1, "lesson-answer-chosen"));
        assertFalse(has(robot, 2, "lesson-answer-chosen"));
        assertFalse(onFx(() -> answer(robot, 1).isFocused()), "the answer must not take Space away from the window");

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        awaitFx("the run to end and the answer to be revealed", () -> guide.questionState().isRevealed(), this::state);
        Snapshot end = onFx(() -> view.model().snapshot());
        assertEquals(15, end.modelEpoch(1));
        LessonQuestion q = onFx(() -> guide.step().question());
        assertEquals(1, q.rule().answer(end.models()), "the run itself says No");
        assertEquals(1, onFx(() -> guide.questionState().trueAnswer()));
        assertTrue(has(robot, 2, "lesson-answer-true"), "No came true");
        assertTrue(onFx(() -> answer(robot, 2).getText()).startsWith("✓"));
        assertTrue(has(robot, 1, "lesson-answer-false"));
        assertTrue(has(robot, 1, "lesson-answer-chosen"), "the vote stays visible");
        String status = onFx(() -> robot.lookup("#lesson-question-status").queryAs(Label.class).getText());
        assertTrue(status.startsWith("✓ No — Linear"), status);
        assertTrue(status.contains("You predicted A, Yes."), status);
        assertTrue(onFx(() -> robot.lookup("#lesson-watch").query().isVisible()));

        // A reset goes back to the question, still with the vote; the run answers again.
        onFx(() -> view.model().reset());
        awaitFx("asking again after a reset", () -> guide.questionState().phase() == QuestionState.Phase.ASKING, this::state);
        assertFalse(has(robot, 2, "lesson-answer-true"));
        assertEquals(0, (int) onFx(guide::choice));
    }

    @Test
    void theNextStepsQuestionIsAnsweredByItsOwnRunAndAChangedExperimentAnswersNothing(FxRobot robot) {
        onFx(() -> guide.open(guide.catalogue().lessons().get(0)));
        awaitFx("step 1 asking", () -> guide.questionState().phase() == QuestionState.Phase.ASKING
                && view.model().snapshot().config().epochLimit() == 15, this::state);
        robot.press(KeyCode.N).release(KeyCode.N);
        awaitFx("step 2 asking on its own experiment", () -> guide.stepIndex() == 1
                && guide.questionState().phase() == QuestionState.Phase.ASKING
                && view.model().snapshot().config().epochLimit() == 5, this::state);
        assertEquals(-1, (int) onFx(guide::choice), "a new step starts without a vote");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        awaitFx("step 2 revealed", () -> guide.questionState().isRevealed(), this::state);
        assertEquals(0, (int) onFx(() -> guide.questionState().trueAnswer()), "ReLU's MSE is far below 1000");
        assertTrue(has(robot, 1, "lesson-answer-true"));
        String status = onFx(() -> robot.lookup("#lesson-question-status").queryAs(Label.class).getText());
        assertFalse(status.contains("You predicted"), "no vote, no prediction: " + status);

        // Switching the first network to Tanh: the step's question is no longer this run's.
        onFx(() -> view.model().selectActivation(Activations.TANH));
        awaitFx("the question is not answerable", () -> guide.questionState().phase() == QuestionState.Phase.CHANGED,
                this::state);
        assertFalse(has(robot, 1, "lesson-answer-true"));
    }
}
