package org.activationlab.training.lesson;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step's "question": what a valid one reads as, and a clear message for every mistake. */
class LessonQuestionLoaderTest {

    /** Sigmoid against ReLU; QUESTION is replaced by the question's fields. */
    private static final String LESSON = """
            { "title": "Q", "summary": "A lesson with a question.",
              "config": { "models": ["sigmoid", "relu"], "network": {"depth": 3} },
              "steps": [ { "title": "One", "text": "Some text.", "watch": "Something.",
                           "question": { QUESTION } } ] }
            """;

    private static final String LOWEST = """
            "text": "Which fits better?", "answers": ["Sigmoid", "ReLU", "About the same"],
            "reveal": { "rule": "lowest_mse", "within": 2 }, "expected": "ReLU"
            """;

    private static Lesson parse(String questionFields) throws LessonFormatException {
        return LessonLoader.parse("q.json", LESSON.replace("QUESTION", questionFields));
    }

    private static void assertMessage(String expected, String questionFields) {
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> parse(questionFields));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "…', got: " + e.getMessage());
        assertEquals("q.json", e.file());
    }

    @Test
    void aValidQuestionIsReadWithItsRuleAndExpectedAnswer() throws LessonFormatException {
        LessonQuestion q = parse(LOWEST).step(0).question();
        assertEquals("Which fits better?", q.text());
        assertEquals(List.of("Sigmoid", "ReLU", "About the same"), q.answers());
        assertEquals(RevealRule.Kind.LOWEST_MSE, q.rule().kind());
        assertEquals(2, q.rule().within());
        assertEquals(1, q.expected());
        assertEquals("ReLU", q.expectedAnswer());

        RevealRule byName = parse("""
                "text": "Dead?", "answers": ["Yes", "No"], "expected": "No",
                "reveal": { "rule": "dead_share_above", "model": "relu", "value": 0.5 }
                """).step(0).question().rule();
        assertEquals(new RevealRule(RevealRule.Kind.DEAD_SHARE_ABOVE, 1, 0.5, Double.NaN), byName);
        RevealRule byIndex = parse("""
                "text": "Smaller?", "answers": ["First", "Output"], "expected": "First",
                "reveal": { "rule": "smaller_gradient", "model": 0 }
                """).step(0).question().rule();
        assertEquals(new RevealRule(RevealRule.Kind.SMALLER_GRADIENT, 0, Double.NaN, Double.NaN), byIndex);
    }

    @Test
    void aStepWithoutAQuestionHasNone() throws LessonFormatException {
        Lesson lesson = LessonLoader.parse("q.json", LESSON.replaceAll(",\\s*\"question\": \\{ QUESTION }", ""));
        assertNull(lesson.step(0).question());
    }

    @Test
    void everyBundledQuestionIsValidAndAtLeastFourLessonsAskOne() {
        LessonCatalogue catalogue = LessonLoader.load(LessonLoader.bundled());
        assertEquals(List.of(), catalogue.warnings());
        long lessonsAsking = catalogue.lessons().stream()
                .filter(l -> l.steps().stream().anyMatch(s -> s.question() != null)).count();
        assertTrue(lessonsAsking >= 4, "lessons with a question: " + lessonsAsking);
    }

    @Test
    void twoToFourAnswersOfText() {
        assertMessage("q.json: steps[0].question.answers: must list 2–4 entries, got 1",
                LOWEST.replace("[\"Sigmoid\", \"ReLU\", \"About the same\"]", "[\"Sigmoid\"]"));
        assertMessage("q.json: steps[0].question.answers: must list 2–4 entries, got 5",
                LOWEST.replace("\"About the same\"", "\"c\", \"d\", \"e\""));
        assertMessage("q.json: steps[0].question.answers: missing",
                LOWEST.replace("\"answers\": [\"Sigmoid\", \"ReLU\", \"About the same\"],", ""));
        assertMessage("q.json: steps[0].question.answers[1]: must be a text in quotes, got 7",
                LOWEST.replace("\"ReLU\", \"About", "7, \"About"));
        assertMessage("q.json: steps[0].question.answers[2]: must not be empty",
                LOWEST.replace("\"About the same\"", "\" \""));
        assertMessage("q.json: steps[0].question.answers[2]: 'ReLU' is listed twice",
                LOWEST.replace("\"About the same\"", "\"ReLU\""));
        assertMessage("q.json: steps[0].question.answers[0]: too long: 81 characters, at most 80",
                LOWEST.replace("\"Sigmoid\"", "\"" + "s".repeat(81) + "\""));
        assertMessage("q.json: steps[0].question.text: missing",
                LOWEST.replace("\"text\": \"Which fits better?\",", ""));
        LessonFormatException notObject = assertThrows(LessonFormatException.class,
                () -> LessonLoader.parse("q.json", LESSON.replace("{ QUESTION }", "\"Which?\"")));
        assertTrue(notObject.getMessage().startsWith("q.json: steps[0].question: "), notObject.getMessage());
        assertTrue(notObject.getMessage().contains("must be a JSON object"), notObject.getMessage());
    }

    @Test
    void theRuleMustBeKnownAndFitTheAnswers() {
        assertMessage("q.json: steps[0].question.reveal: missing",
                LOWEST.replace("\"reveal\": { \"rule\": \"lowest_mse\", \"within\": 2 },", ""));
        assertMessage("q.json: steps[0].question.reveal.rule: unknown rule 'best' (choose from lowest_mse, mse_below, "
                + "dead_share_above, saturated_share_above, smaller_gradient)", LOWEST.replace("lowest_mse", "best"));
        assertMessage("q.json: steps[0].question.reveal.rule: missing",
                LOWEST.replace("\"rule\": \"lowest_mse\", ", ""));
        assertMessage("q.json: steps[0].question.answers: the rule lowest_mse needs 2 answers here (one per model: "
                + "sigmoid, relu), got 3", LOWEST.replace(", \"within\": 2", ""));
        assertMessage("q.json: steps[0].question.reveal.within: must be a factor from 1 to 1e6, got 0.5",
                LOWEST.replace("\"within\": 2", "\"within\": 0.5"));
        assertMessage("q.json: steps[0].question.reveal.model: not used by lowest_mse",
                LOWEST.replace("\"within\": 2", "\"within\": 2, \"model\": 0"));
        assertMessage("q.json: steps[0].question.expected: 'Tanh' is not one of the answers",
                LOWEST.replace("\"expected\": \"ReLU\"", "\"expected\": \"Tanh\""));
        assertMessage("q.json: steps[0].question.expected: missing",
                LOWEST.replace(", \"expected\": \"ReLU\"", ""));
    }

    @Test
    void aThresholdRuleNeedsAModelOfTheStepAndASensibleValue() {
        String dead = """
                "text": "Dead?", "answers": ["Yes", "No"], "expected": "No",
                "reveal": { "rule": "dead_share_above", "model": "relu", "value": 0.5 }
                """;
        assertMessage("q.json: steps[0].question.reveal.model: 'tanh' is not one of the step's models: sigmoid, relu, "
                + "or 0–1", dead.replace("\"model\": \"relu\"", "\"model\": \"tanh\""));
        assertMessage("q.json: steps[0].question.reveal.model: must be 0–1, got 2",
                dead.replace("\"model\": \"relu\"", "\"model\": 2"));
        assertMessage("q.json: steps[0].question.reveal.model: missing",
                dead.replace("\"model\": \"relu\", ", ""));
        assertMessage("q.json: steps[0].question.reveal.value: missing",
                dead.replace(", \"value\": 0.5", ""));
        assertMessage("q.json: steps[0].question.reveal.value: must be a share between 0 and 1 (exclusive), got 1.5",
                dead.replace("0.5", "1.5"));
        assertMessage("q.json: steps[0].question.reveal.value: must be a number, got \"half\"",
                dead.replace("0.5", "\"half\""));
        assertMessage("q.json: steps[0].question.reveal.within: only lowest_mse and smaller_gradient",
                dead.replace("0.5", "0.5, \"within\": 2"));
        assertMessage("q.json: steps[0].question.answers: the rule dead_share_above needs 2 answers here (yes, no), got 3",
                dead.replace("[\"Yes\", \"No\"]", "[\"Yes\", \"No\", \"Maybe\"]"));
        assertMessage("q.json: steps[0].question.reveal.value: must be above 0, got -1.0",
                dead.replace("dead_share_above", "mse_below").replace("0.5", "-1"));
    }

    @Test
    void theModelIsThatOfTheStepAfterItsOwnConfig() throws LessonFormatException {
        // The question is checked against the step's models, after the step's own config.
        String json = LESSON.replace("\"watch\": \"Something.\",", "\"watch\": \"Something.\", \"config\": "
                + "{ \"models\": [\"tanh\"] },").replace("QUESTION", """
                "text": "Learns?", "answers": ["Yes", "No"], "expected": "Yes",
                "reveal": { "rule": "mse_below", "model": "tanh", "value": 0.1 }
                """);
        assertEquals(0, LessonLoader.parse("q.json", json).step(0).question().rule().model());
    }

    @Test
    void anUnknownFieldInAQuestionIsReported() throws LessonFormatException {
        List<String> notes = new ArrayList<>();
        LessonLoader.parse("q.json", LESSON.replace("QUESTION", LOWEST + ", \"hint\": \"x\""), notes);
        assertEquals(List.of("unknown field steps[0].question.hint skipped"), notes);
    }
}
