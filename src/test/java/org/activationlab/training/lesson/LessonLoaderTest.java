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
              "config": { "models": ["sigmoid", "relu"], "network": {"depth": 3} },
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
                ExperimentConfig config = step.settings().config();
                assertTrue(step.settings().epochsPerSecond() > 0);
                assertTrue(config.epochLimit() > 0, lesson.file() + ": every lesson stops by itself");
            }
        }
    }

    @Test
    void theVanishingGradientLessonIsEightLayersOfSigmoidAgainstRelu() throws LessonFormatException {
        Lesson lesson = LessonLoader.read(LessonLoader.bundled(), "03-vanishing-gradients.json");
        ExperimentConfig config = lesson.step(0).settings().config();
        assertEquals(8, config.network().depth());
        assertEquals(List.of(Activations.SIGMOID, Activations.RELU), config.models());
        assertEquals(OptimizerKind.SGD, config.optimizer().kind());
        assertEquals("Gradient flow", lesson.step(0).tab());
        // The last step changes the models only; the rest carries over.
        ExperimentConfig last = lesson.step(lesson.stepCount() - 1).settings().config();
        assertEquals(List.of(Activations.TANH, Activations.RELU), last.models());
        assertEquals(8, last.network().depth());
        assertEquals(0.01, last.optimizer().learningRate());
    }

    @Test
    void aStepsChangesCarryOnToLaterSteps() throws LessonFormatException {
        Lesson lesson = LessonLoader.read(LessonLoader.bundled(), "05-dying-relu.json");
        assertEquals(0.03, lesson.step(0).settings().config().optimizer().learningRate());
        assertEquals(0.0, lesson.step(0).settings().config().network().biasInit());
        assertEquals(-1.0, lesson.step(1).settings().config().network().biasInit());
        ExperimentConfig leaky = lesson.step(2).settings().config();
        assertEquals(-1.0, leaky.network().biasInit(), "bias of step 2 carries on");
        assertEquals(0.001, leaky.optimizer().learningRate());
        assertEquals(List.of(Activations.LEAKY_RELU, Activations.RELU), leaky.models());
    }

    @Test
    void settingsNotGivenAreTheClassicExperiments() throws LessonFormatException {
        Lesson lesson = LessonLoader.parse("good.json", GOOD);
        ExperimentConfig s = lesson.step(0).settings().config();
        ExperimentConfig classic = ExperimentConfig.classic();
        assertEquals(3, s.network().depth());
        assertEquals(classic.network().width(), s.network().width());
        assertEquals(classic.optimizer(), s.optimizer());
        assertEquals(classic.epochLimit(), s.epochLimit());
        assertNull(lesson.step(0).tab());
        assertEquals(classic.data(), s.data());
    }

    @Test
    void aNewOptimizerWithoutALearningRateGetsItsDefault() throws LessonFormatException {
        ExperimentConfig s = settings("\"optimizer\": {\"kind\": \"sgd\"}").config();
        assertEquals(OptimizerKind.SGD, s.optimizer().kind());
        assertEquals(OptimizerKind.SGD.defaultLearningRate(), s.optimizer().learningRate());
        assertEquals(0.5, settings("\"optimizer\": {\"kind\": \"sgd\", \"learning_rate\": 0.5}")
                .config().optimizer().learningRate());
    }

    @Test
    void speedIsANumberOrMax() throws LessonFormatException {
        assertEquals(Double.POSITIVE_INFINITY, settings("\"speed\": \"max\"").epochsPerSecond());
        assertEquals(2.5, settings("\"speed\": 2.5").epochsPerSecond());
        assertMessage("x.json: config.speed: must be epochs per second in (0, 1000] or \"max\"",
                () -> settings("\"speed\": \"fast\""));
        assertMessage("x.json: config.speed: must be in (0, 1000] epochs per second (or \"max\"), got 0",
                () -> settings("\"speed\": 0"));
    }

    @Test
    void malformedJsonNamesTheFileAndWhere() {
        LessonFormatException e = assertThrows(LessonFormatException.class,
                () -> LessonLoader.parse("broken.json", "{ \"title\": \"x\",\n  \"steps\": [ }"));
        assertTrue(e.getMessage().startsWith("broken.json: not valid JSON at line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals("broken.json", e.file());
        assertNull(e.field());
        assertMessage("x.json: the file is empty", () -> LessonLoader.parse("x.json", ""));
        assertMessage("x.json: not valid JSON at line 4, column 2: more text after the end",
                () -> LessonLoader.parse("x.json", GOOD + " {}"));
        assertMessage("x.json: not valid JSON at line 1, column 3: names need double quotes",
                () -> LessonLoader.parse("x.json", "{ title: 'lenient JSON is not accepted' }"));
        assertMessage("x.json: the file must be a JSON object", () -> LessonLoader.parse("x.json", "[1, 2]"));
    }

    @Test
    void anUnknownActivationNamesTheFileTheFieldAndTheChoices() {
        String json = GOOD.replace("\"watch\": \"Something.\" }",
                "\"watch\": \"Something.\" }, { \"title\": \"Two\", \"text\": \"t\", \"watch\": \"w\", "
                        + "\"config\": { \"models\": [\"relu\", \"leaky\"] } }");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonLoader.parse("05.json", json));
        assertEquals("05.json", e.file());
        assertEquals("steps[1].config.models[1]", e.field());
        assertTrue(e.getMessage().startsWith("05.json: steps[1].config.models[1]: must be one of relu, "
                + "leaky_relu,"), e.getMessage());
    }

    @Test
    void valuesOutOfRangeOrOfTheWrongTypeNameTheField() {
        assertMessage("x.json: config.network.depth: must be 1–8, got 9", () -> settings("\"network\": {\"depth\": 9}"));
        assertMessage("x.json: config.network.width: must be 1–512, got 0", () -> settings("\"network\": {\"width\": 0}"));
        assertMessage("x.json: config.network.depth: must be a number, got \"eight\"",
                () -> settings("\"network\": {\"depth\": \"eight\"}"));
        assertMessage("x.json: config.data.points: must be a whole number, got 10.5",
                () -> settings("\"data\": {\"points\": 10.5}"));
        assertMessage("x.json: config.optimizer.learning_rate: must be in [1e-7, 10], got 20",
                () -> settings("\"optimizer\": {\"learning_rate\": 20}"));
        assertMessage("x.json: config.batch_size: must be 1–1024, got 2000", () -> settings("\"batch_size\": 2000"));
        assertMessage("x.json: config.epoch_limit: must be 0–1000000, got -1", () -> settings("\"epoch_limit\": -1"));
        assertMessage("x.json: config.models: must list 1–16 models, got 0", () -> settings("\"models\": []"));
        assertMessage("x.json: config.optimizer.kind: must be one of sgd,", () -> settings("\"optimizer\": {\"kind\": \"adamw\"}"));
        assertMessage("x.json: config.data.target: must be one of sin,", () -> settings("\"data\": {\"target\": \"cos\"}"));
        assertMessage("x.json: config.seed: must be a whole number", () -> settings("\"seed\": 1e30"));
    }

    @Test
    void lessonModelsCanSetTheLeakySlopeAndEluAlpha() throws LessonFormatException {
        ExperimentConfig c = settings("\"models\": [{\"activation\": \"leaky_relu\", \"slope\": 0.2}, "
                + "{\"activation\": \"elu\", \"alpha\": 0.5}]").config();
        assertEquals(0.2, org.activationlab.engine.ActivationParameters.leakySlope(c.models().get(0)).getAsDouble());
        assertEquals(0.5, org.activationlab.engine.ActivationParameters.eluAlpha(c.models().get(1)).getAsDouble());
        assertMessage("x.json: config.models[0].slope: must be in [0, 1), got 1",
                () -> settings("\"models\": [{\"activation\": \"leaky_relu\", \"slope\": 1}]"));
    }

    @Test
    void oldFlatNamesAreStillReadWithANote() throws LessonFormatException {
        List<String> notes = new java.util.ArrayList<>();
        String json = GOOD.replace("\"models\": [\"sigmoid\", \"relu\"], \"network\": {\"depth\": 3}",
                "\"depth\": 3, \"learningRate\": 0.5, \"optimizer\": \"sgd\", \"batchSize\": 8, "
                        + "\"init\": \"he\", \"initScale\": 2, \"biasInit\": 0.5, \"epochs\": 7, \"points\": 50");
        ExperimentConfig c = LessonLoader.parse("x.json", json, notes).step(0).settings().config();
        assertEquals(3, c.network().depth());
        assertEquals(0.5, c.optimizer().learningRate());
        assertEquals(OptimizerKind.SGD, c.optimizer().kind());
        assertEquals(8, c.batchSize());
        assertEquals(org.activationlab.engine.Initializer.HE_UNIFORM, c.network().initializer());
        assertEquals(2, c.network().initScale());
        assertEquals(0.5, c.network().biasInit());
        assertEquals(7, c.epochLimit());
        assertEquals(50, c.data().size());
        assertEquals(9, notes.size(), notes.toString());
        assertTrue(notes.contains("config.learningRate is an old name: read as config.optimizer.learning_rate "
                + "(write that in new lesson files)"), notes.toString());
        assertMessage("x.json: config.network.depth: must be 1–8, got 9", () -> settings("\"depth\": 9"));
    }

    @Test
    void aLessonValueBeyondTheRangeOfADoubleSkipsTheLessonNamingFileAndField() {
        // 1e400 used to throw NumberFormatException out of the loader, and the app did not start.
        Map<String, String> files = Map.of(
                "index.json", "{ \"lessons\": [\"a.json\", \"b.json\", \"c.json\"] }",
                "a.json", GOOD.replace("\"network\": {\"depth\": 3}", "\"noise\": 1e400"),
                "b.json", GOOD.replace("\"network\": {\"depth\": 3}", "\"network\": {\"depth\": 1e-2147483649}"),
                "c.json", GOOD);
        LessonCatalogue catalogue = LessonLoader.load(source(files));
        assertEquals(List.of("Good"), catalogue.lessons().stream().map(Lesson::title).toList());
        assertTrue(catalogue.warnings().stream().anyMatch(w -> w.startsWith(
                "Lesson skipped: a.json: config.data.noise: must be a finite")), catalogue.warnings().toString());
        assertTrue(catalogue.warnings().stream().anyMatch(w -> w.startsWith(
                "Lesson skipped: b.json: config.network.depth: must be a whole")), catalogue.warnings().toString());
    }

    @Test
    void aMisspeltFieldIsReportedNotIgnored() throws LessonFormatException {
        List<String> notes = new java.util.ArrayList<>();
        LessonLoader.parse("x.json", GOOD.replace("\"network\": {\"depth\": 3}", "\"learningrate\": 0.1")
                .replace("\"watch\": \"Something.\"", "\"watch\": \"Something.\", \"hint\": \"x\""), notes);
        assertEquals(List.of("unknown field config.learningrate skipped", "unknown field steps[0].hint skipped"), notes);
    }

    @Test
    void aNamedPipeInALessonFolderIsSkippedWithoutBlocking(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("index.json"), "{ \"lessons\": [\"pipe.json\", \"mine.json\"] }");
        Files.writeString(folder.resolve("mine.json"), GOOD);
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.json").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        LessonCatalogue catalogue = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> LessonLoader.load(LessonLoader.directory(folder)));
        assertEquals(List.of("Good"), catalogue.lessons().stream().map(Lesson::title).toList());
        assertEquals(List.of("Lesson skipped: pipe.json: cannot be read: not a regular file (a device, a named "
                + "pipe or a socket)"), catalogue.warnings());
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
        assertEquals(List.of("Lesson skipped: b.json: config.network.depth: must be 1–8, got 30",
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

    private static org.activationlab.training.ExperimentFile.Contents settings(String configFields)
            throws LessonFormatException {
        return LessonLoader.parse("x.json", GOOD.replace("\"models\": [\"sigmoid\", \"relu\"], \"network\": {\"depth\": 3}",
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
