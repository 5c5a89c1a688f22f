package org.activationlab.training;

import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiment files are strict JSON, and hostile values get a clear message, never an internal error. */
class StrictInputTest {

    private static final String CLASSIC = ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()));

    private static String message(String json) {
        return assertThrows(ExperimentFileException.class, () -> ExperimentFile.fromJson(json)).getMessage();
    }

    private static String with(String from, String to) {
        assertTrue(CLASSIC.contains(from), from);
        return CLASSIC.replace(from, to);
    }

    @Test
    void lenientJsonIsRefusedWithTheLineTheColumnAndWhy() {
        // All of these used to open: the reader was lenient, contrary to the documented format.
        assertEquals("not valid JSON at line 1, column 2: comments are not allowed in JSON",
                message("{// a comment\n\"format\": \"activation-lab-experiment\", \"version\": 1}"));
        assertEquals("not valid JSON at line 1, column 3: names need double quotes (\"name\"), found 'format'",
                message("{ format: \"activation-lab-experiment\", \"version\": 1}"));
        assertEquals("not valid JSON at line 1, column 12: texts need double quotes (\"text\"), not single quotes",
                message("{\"format\": 'activation-lab-experiment', \"version\": 1}"));
        assertEquals("not valid JSON at line 1, column 41: a comma before '}' (JSON allows no comma after the last entry)",
                message("{\"format\": \"activation-lab-experiment\", }"));
        assertTrue(message(with("\"batch_size\": 32", "\"batch_size\": NaN"))
                .endsWith("NaN is not a number in JSON (use a finite number)"));
        assertTrue(message(with("\"seed\": 42", "\"seed\": 42, \"seed\": 7"))
                .endsWith("the name \"seed\" appears twice in one object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch_size", "epoch_limit", "version"})
    void integersWithExtremeExponentsGetAMessageNotAnInternalError(String field) {
        String from = "\"" + field + "\": " + (field.equals("batch_size") ? "32" : field.equals("version") ? "1" : "100");
        assertTrue(message(with(from, "\"" + field + "\": 1e-2147483649")).startsWith(field + " must be a whole number"));
        assertTrue(message(with(from, "\"" + field + "\": 5e99999999999")).startsWith(field + " must be "));
        if (field.equals("epoch_limit")) {
            return; // 0 is a valid epoch limit
        }
        // 0e-99999999999 is exactly 0: a range message, as for 0.
        String zero = message(with(from, "\"" + field + "\": 0e-99999999999"));
        assertTrue(zero.startsWith(field + " must be") && zero.endsWith("got 0e-99999999999"), zero);
    }

    @Test
    void valuesAboveIntMaxGetTheRightRange() {
        assertEquals("epoch_limit must be 0–1000000, got 2147483648", message(with("\"epoch_limit\": 100", "\"epoch_limit\": 2147483648")));
        assertEquals("version must be at most 2147483647, got 2147483648", message(with("\"version\": 1", "\"version\": 2147483648")));
        assertEquals("data.points must be 2–100000, got 2147483648", message(with("\"points\": 1000", "\"points\": 2147483648")));
    }

    @Test
    void generatedXRangesThatOverflowAFloatAreRefusedClearly() {
        String square = with("\"target\": \"sin\"", "\"target\": \"square\"");
        assertEquals("data.x_max must be in [-1000000, 1000000], got 1e20",
                message(square.replaceAll("\"x_max\": [^,]*", "\"x_max\": 1e20")));
        assertEquals("data.x_min must be in [-1000000, 1000000], got -1e308",
                message(square.replaceAll("\"x_min\": [^,]*", "\"x_min\": -1e308")));
        // Inside the range every target is finite, even square at the ends.
        ExperimentFile.Opened wide = assertDoesNotThrow(square.replaceAll("\"x_min\": [^,]*", "\"x_min\": -1e6")
                .replaceAll("\"x_max\": [^,]*", "\"x_max\": 1e6"));
        assertEquals(1e12f, wide.config().data().y()[0]);
    }

    private static ExperimentFile.Opened assertDoesNotThrow(String json) {
        try {
            return ExperimentFile.fromJson(json);
        } catch (ExperimentFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void listsLongerThanAnyFileMayHaveAreRefusedBeforeATreeIsBuilt() {
        // 10 million points used to build a 2.3 GB tree before being refused.
        String data = "\"data\": {\"kind\": \"points\", \"x\": [0" + ",0".repeat(StrictJson.MAX_LIST)
                + "], \"y\": [0, 1]}";
        String m = message(CLASSIC.replaceAll("(?s)\"data\": \\{.*?\\}", java.util.regex.Matcher.quoteReplacement(data)));
        assertTrue(m.startsWith("not valid JSON at line ") && m.endsWith("data.x has more than 100000 entries, "
                + "more than any list in a file may have"), m);
    }

    @Test
    void echoedValuesAreShortened() {
        String longName = "x".repeat(100_000);
        String m = message(with("\"kind\": \"adam\"", "\"kind\": \"" + longName + "\""));
        assertTrue(m.length() < 200, m.length() + "");
        assertTrue(m.endsWith("got \"" + "x".repeat(60) + "…\""), m);
        String digits = "1".repeat(5000);
        String big = message(with("\"batch_size\": 32", "\"batch_size\": " + digits));
        assertTrue(big.length() < 200, big.length() + "");
    }

    @Test
    void specialFilesAreRefusedWithoutReadingThem(@TempDir Path dir) throws Exception {
        ExperimentFileException zero = assertThrows(ExperimentFileException.class,
                () -> ExperimentFile.read(Path.of("/dev/zero")));
        assertEquals("not a regular file (a device, a named pipe or a socket)", zero.getMessage());
        Path pipe = dir.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        ExperimentFileException fifo = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(pipe)));
        assertEquals("not a regular file (a device, a named pipe or a socket)", fifo.getMessage());
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(link));
    }

    @Test
    void aDatasetCarriesItsRecipeSoSavingDoesNotGuess() throws ExperimentFileException {
        // Noise drawn from seed 7 in an experiment of seed 42 on [-1, 3]: the old writer could not
        // guess this recipe back and stored 500 points instead.
        Dataset data = Dataset.generate(TargetFunction.ABS, 500, -1, 3, 0.25, 7);
        ExperimentConfig config = ExperimentConfig.classic().withData(data);
        String json = ExperimentFile.toJson(ExperimentFile.Contents.of(config));
        assertTrue(json.contains("\"kind\": \"generated\""), json);
        assertTrue(json.contains("\"noise_seed\": 7"), json);
        assertTrue(json.contains("\"x_min\": -1.0") && json.contains("\"x_max\": 3.0"), json);
        Dataset back = ExperimentFile.fromJson(json).config().data();
        assertEquals(data, back);
        assertEquals(data.recipe(), back.recipe());
        // Points without a recipe stay points, even if they happen to equal a recipe's.
        Dataset points = new Dataset(data.x(), data.y(), "mine");
        assertTrue(ExperimentFile.toJson(ExperimentFile.Contents.of(config.withData(points)))
                .contains("\"kind\": \"points\""));
    }
}
