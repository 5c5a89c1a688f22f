package org.activationlab.training.lesson;

import org.activationlab.engine.Activations;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.training.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonLoaderTest {

    private static final String GOOD = """
            { "title": "Good", "summary": "A lesson that works.",
              "config": { "models": ["sigmoid", "relu"], "depth": 3 },
              "steps": [ { "title": "One", "text": "Some text.", "watch": "Something." } ] }
            """;

    @Test
    void everyBundledLessonParsesAndBuildsItsExperiments() {
        LessonCatalogue catalogue = LessonLoader.load(LessonLoader.bundled());
        assertEquals(List.of(), catalogue.warnings());
        assertEquals(List.of("With vs. without an activation", "Why ReLU", "Vanishing gradients",
                "Exploding gradients", "Dying ReLU", "Saturation", "Softmax"),
                catalogue.lessons().stream().map(Lesson::title).toList());
        for (Lesson lesson : catalogue.lessons()) {
            for (LessonStep step : lesson.steps()) {
                ExperimentConfig config = step.settings().toConfig();
                assertEquals(step.settings().models(), config.models(), lesson.file() + " " + step.title());
                assertTrue(step.settings().speed() > 0);
                assertTrue(config.epochLimit() > 0, lesson.file() + ": every lesson stops by itself");
            }
        }
    }

    @Test
    void theVanishingGradientLessonIsEightLayersOfSigmoidAgainstRelu() throws LessonFormatException {
        Lesson lesson = LessonLoader.read(LessonLoader.bundled(), "03-vanishing-gradients.json");
        ExperimentConfig config = lesson.step(0).settings().toConfig();
        assertEquals(8, config.network().depth());
        assertEquals(List.of(Activations.SIGMOID, Activations.RELU), config.models());
        assertEquals(OptimizerKind.SGD, config.optimizer().kind());
        assertEquals("Gradient flow", lesson.step(0).tab());
        // The last step changes the models only; the rest carries over.
        LessonSettings last = lesson.step(lesson.stepCount() - 1).settings();
        assertEquals(List.of(Activations.TANH, Activations.RELU), last.models());
        assertEquals(8, last.depth());
        assertEquals(0.01, last.learningRate());
    }

    @Test
    void aStepsChangesCarryOnToLaterSteps() throws LessonFormatException {
        Lesson lesson = LessonLoader.read(LessonLoader.bundled(), "05-dying-relu.json");
        assertEquals(0.03, lesson.step(0).settings().learningRate());
        assertEquals(0.0, lesson.step(0).settings().biasInit());
        assertEquals(-1.0, lesson.step(1).settings().biasInit());
        LessonSettings leaky = lesson.step(2).settings();
        assertEquals(-1.0, leaky.biasInit(), "bias of step 2 carries on");
        assertEquals(0.001, leaky.learningRate());
        assertEquals(List.of(Activations.LEAKY_RELU, Activations.RELU), leaky.models());
    }

    @Test
    void settingsNotGivenAreTheClassicExperiments() throws LessonFormatException {
        Lesson lesson = LessonLoader.parse("good.json", GOOD);
        LessonSettings s = lesson.step(0).settings();
        LessonSettings classic = LessonSettings.classic();
        assertEquals(3, s.depth());
        assertEquals(classic.width(), s.width());
        assertEquals(classic.optimizer(), s.optimizer());
        assertEquals(classic.epochs(), s.epochs());
        assertNull(lesson.step(0).tab());
        assertEquals(ExperimentConfig.classic().data(), classic.toConfig().data());
    }

    @Test
    void aNewOptimizerWithoutALearningRateGetsItsDefault() throws LessonFormatException {
        LessonSettings s = settings("\"optimizer\": \"sgd\"");
        assertEquals(OptimizerKind.SGD, s.optimizer());
        assertEquals(OptimizerKind.SGD.defaultLearningRate(), s.learningRate());
        assertEquals(0.5, settings("\"optimizer\": \"sgd\", \"learningRate\": 0.5").learningRate());
    }

    @Test
    void speedIsANumberOrMax() throws LessonFormatException {
        assertEquals(Double.POSITIVE_INFINITY, settings("\"speed\": \"max\"").speed());
        assertEquals(2.5, settings("\"speed\": 2.5").speed());
        assertMessage("x.json: config.speed: must be epochs per second or \"max\"", () -> settings("\"speed\": \"fast\""));
        assertMessage("x.json: config.speed: must be in (0, 1000], got 0", () -> settings("\"speed\": 0"));
    }

    @Test
    void malformedJsonNamesTheFileAndWhere() {
        LessonFormatException e = assertThrows(LessonFormatException.class,
                () -> LessonLoader.parse("broken.json", "{ \"title\": \"x\",\n  \"steps\": [ }"));
        assertTrue(e.getMessage().startsWith("broken.json: is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals("broken.json", e.file());
        assertNull(e.field());
        assertMessage("x.json: is not valid JSON", () -> LessonLoader.parse("x.json", ""));
        assertMessage("x.json: is not valid JSON", () -> LessonLoader.parse("x.json", GOOD + " {}"));
        assertMessage("x.json: is not valid JSON: unexpected text (names and texts need double quotes",
                () -> LessonLoader.parse("x.json", "{ title: 'lenient JSON is not accepted' }"));
        assertMessage("x.json: must be a JSON object", () -> LessonLoader.parse("x.json", "[1, 2]"));
    }

    @Test
    void anUnknownActivationNamesTheFileTheFieldAndTheChoices() {
        String json = GOOD.replace("\"watch\": \"Something.\" }",
                "\"watch\": \"Something.\" }, { \"title\": \"Two\", \"text\": \"t\", \"watch\": \"w\", "
                        + "\"config\": { \"models\": [\"relu\", \"leaky\"] } }");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonLoader.parse("05.json", json));
        assertEquals("05.json", e.file());
        assertEquals("steps[1].config.models[1]", e.field());
        assertTrue(e.getMessage().startsWith("05.json: steps[1].config.models[1]: unknown activation 'leaky' "
                + "(choose from relu, leaky_relu,"), e.getMessage());
    }

    @Test
    void valuesOutOfRangeOrOfTheWrongTypeNameTheField() {
        assertMessage("x.json: config.depth: must be 1–8, got 9", () -> settings("\"depth\": 9"));
        assertMessage("x.json: config.width: must be 1–512, got 0", () -> settings("\"width\": 0"));
        assertMessage("x.json: config.depth: must be a number, got the text \"eight\"",
                () -> settings("\"depth\": \"eight\""));
        assertMessage("x.json: config.points: must be a whole number, got 10.5", () -> settings("\"points\": 10.5"));
        assertMessage("x.json: config.learningRate: must be in [0.0000001, 10], got 20",
                () -> settings("\"learningRate\": 20"));
        assertMessage("x.json: config.initScale: must be in (0, 100], got 0", () -> settings("\"initScale\": 0"));
        assertMessage("x.json: config.biasInit: must be in [-100, 100], got -101", () -> settings("\"biasInit\": -101"));
        assertMessage("x.json: config.batchSize: must be 1–1024, got 2000", () -> settings("\"batchSize\": 2000"));
        assertMessage("x.json: config.epochs: must be 0–1000000, got -1", () -> settings("\"epochs\": -1"));
        assertMessage("x.json: config.models: must list 1–16 entries, got 0", () -> settings("\"models\": []"));
        assertMessage("x.json: config.optimizer: unknown optimizer 'adamw'", () -> settings("\"optimizer\": \"adamw\""));
        assertMessage("x.json: config.target: unknown target 'cos'", () -> settings("\"target\": \"cos\""));
        assertMessage("x.json: config.init: unknown init 'xavier'", () -> settings("\"init\": \"xavier\""));
        assertMessage("x.json: config.seed: must be a whole number", () -> settings("\"seed\": 1e30"));
    }

    @Test
    void aMisspeltFieldIsReportedNotIgnored() {
        assertMessage("x.json: config.learningrate: unknown field (known fields: batchSize, biasInit,",
                () -> settings("\"learningrate\": 0.1"));
        assertMessage("x.json: steps[0].hint: unknown field", () -> LessonLoader.parse("x.json",
                GOOD.replace("\"watch\": \"Something.\"", "\"watch\": \"Something.\", \"hint\": \"x\"")));
    }

    @Test
    void missingEmptyOrTooLongTextsAreReported() {
        assertMessage("x.json: steps[0].text: missing", () -> LessonLoader.parse("x.json",
                GOOD.replace("\"text\": \"Some text.\",", "")));
        assertMessage("x.json: title: must not be empty", () -> LessonLoader.parse("x.json",
                GOOD.replace("\"title\": \"Good\"", "\"title\": \"  \"")));
        assertMessage("x.json: steps[0].watch: too long: 321 characters, at most 320", () -> LessonLoader.parse("x.json",
                GOOD.replace("Something.", "w".repeat(321))));
        assertMessage("x.json: steps: must list 1–20 entries, got 0", () -> LessonLoader.parse("x.json",
                GOOD.replaceAll("\\[ \\{ \"title\": \"One\".*} ]", "[]")));
        assertMessage("x.json: steps[0].panel: unknown panel 'bars' (choose from softmax)", () -> LessonLoader.parse(
                "x.json", GOOD.replace("\"watch\": \"Something.\"", "\"watch\": \"Something.\", \"panel\": \"bars\"")));
    }

    @Test
    void aBrokenLessonIsSkippedWithAWarningAndTheOthersLoad() {
        Map<String, String> files = Map.of(
                "index.json", "{ \"lessons\": [\"a.json\", \"b.json\", \"gone.json\", \"c.json\"] }",
                "a.json", GOOD,
                "b.json", GOOD.replace("\"depth\": 3", "\"depth\": 30"),
                "c.json", GOOD.replace("\"Good\"", "\"Also good\""));
        LessonCatalogue catalogue = LessonLoader.load(source(files));
        assertEquals(List.of("Good", "Also good"), catalogue.lessons().stream().map(Lesson::title).toList());
        assertEquals(List.of("Lesson skipped: b.json: config.depth: must be 1–8, got 30",
                "Lesson skipped: gone.json: file not found"), catalogue.warnings());
    }

    @Test
    void aBrokenIndexGivesNoLessonsAndAWarning() {
        LessonCatalogue none = LessonLoader.load(source(Map.of()));
        assertEquals(List.of(), none.lessons());
        assertEquals(List.of("No lessons: index.json: file not found"), none.warnings());
        assertMessage("index.json: lessons[0]: must be the name of a .json file in the same folder",
                () -> LessonLoader.readIndex(source(Map.of("index.json", "{ \"lessons\": [\"../x.json\"] }"))));
        assertMessage("index.json: lessons[1]: 'a.json' is listed twice",
                () -> LessonLoader.readIndex(source(Map.of("index.json", "{ \"lessons\": [\"a.json\", \"a.json\"] }"))));
        assertMessage("index.json: lessons: missing",
                () -> LessonLoader.readIndex(source(Map.of("index.json", "{ }"))));
    }

    @Test
    void aFolderOfLessonsLoadsLikeTheBundledOnes(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("index.json"), "{ \"lessons\": [\"mine.json\"] }", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("mine.json"), GOOD.replace("Good", "Grüße, Übung"), StandardCharsets.UTF_8);
        LessonCatalogue catalogue = LessonLoader.load(LessonLoader.directory(folder));
        assertEquals(List.of(), catalogue.warnings());
        assertEquals("Grüße, Übung", catalogue.lessons().get(0).title());
        LessonCatalogue both = LessonLoader.load(LessonLoader.bundled()).plus(catalogue);
        assertEquals(8, both.lessons().size());
    }

    private static LessonSettings settings(String configFields) throws LessonFormatException {
        return LessonLoader.parse("x.json", GOOD.replace("\"models\": [\"sigmoid\", \"relu\"], \"depth\": 3",
                configFields)).step(0).settings();
    }

    private static LessonLoader.Source source(Map<String, String> files) {
        return name -> files.containsKey(name) ? new StringReader(files.get(name)) : null;
    }

    private static void assertMessage(String expectedStart, org.junit.jupiter.api.function.Executable action) {
        LessonFormatException e = assertThrows(LessonFormatException.class, action);
        assertTrue(e.getMessage().startsWith(expectedStart), "expected '" + expectedStart + "…', got: " + e.getMessage());
    }
}
