package org.activationlab.training;

import org.activationlab.engine.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that cannot be opened are refused with a message naming the field and the value. */
class ExperimentFileErrorsTest {

    @TempDir
    Path dir;

    /** The classic experiment's file, with custom points so the data fields can be broken too. */
    private static String valid() {
        ExperimentConfig config = ExperimentConfig.classic()
                .withData(new Dataset(new float[] {0, 1, 2}, new float[] {0, 1, 4}, "three", null, 0));
        return ExperimentFile.toJson(ExperimentFile.Contents.of(config));
    }

    private static String validGenerated() {
        return ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()));
    }

    private static String replace(String json, String from, String to) {
        assertTrue(json.contains(from), "test setup: '" + from + "' not in\n" + json);
        return json.replace(from, to);
    }

    static Stream<Arguments> outOfRange() {
        String p = valid();
        String g = validGenerated();
        return Stream.of(
                Arguments.of(replace(p, "\"depth\": 2", "\"depth\": 0"), "network.depth must be 1–8, got 0"),
                Arguments.of(replace(p, "\"depth\": 2", "\"depth\": 9"), "network.depth must be 1–8, got 9"),
                Arguments.of(replace(p, "\"depth\": 2", "\"depth\": 2.5"), "network.depth must be a whole number, got 2.5"),
                Arguments.of(replace(p, "\"width\": 64", "\"width\": 0"), "network.width must be 1–512, got 0"),
                Arguments.of(replace(p, "\"width\": 64", "\"width\": 513"), "network.width must be 1–512, got 513"),
                Arguments.of(replace(p, "\"width\": 64", "\"width\": \"64\""), "network.width must be a number (without quotes), got \"64\""),
                Arguments.of(replace(p, "\"learning_rate\": 0.001", "\"learning_rate\": 0"),
                        "optimizer.learning_rate must be in [1e-7, 10], got 0"),
                Arguments.of(replace(p, "\"learning_rate\": 0.001", "\"learning_rate\": -0.1"),
                        "optimizer.learning_rate must be in [1e-7, 10], got -0.1"),
                Arguments.of(replace(p, "\"learning_rate\": 0.001", "\"learning_rate\": NaN"),
                        "not valid JSON at line"),
                Arguments.of(replace(p, "\"learning_rate\": 0.001", "\"learning_rate\": Infinity"),
                        "not valid JSON at line"),
                Arguments.of(replace(p, "\"learning_rate\": 0.001", "\"learning_rate\": true"),
                        "optimizer.learning_rate must be a number, got true"),
                Arguments.of(replace(p, "\"momentum\": 0.9", "\"momentum\": 1"), "optimizer.momentum must be in [0, 1), got 1"),
                Arguments.of(replace(p, "\"epsilon\": 1.0E-7", "\"epsilon\": 0"), "optimizer.epsilon must be in (0, 1], got 0"),
                Arguments.of(replace(p, "\"kind\": \"adam\"", "\"kind\": \"adagrad\""),
                        "optimizer.kind must be one of sgd, momentum, nesterov, rmsprop, adam, got \"adagrad\""),
                Arguments.of(replace(p, "\"batch_size\": 32", "\"batch_size\": 0"), "batch_size must be 1–1024, got 0"),
                Arguments.of(replace(p, "\"batch_size\": 32", "\"batch_size\": 1025"), "batch_size must be 1–1024, got 1025"),
                Arguments.of(replace(p, "\"epoch_limit\": 100", "\"epoch_limit\": -1"), "epoch_limit must be 0–1000000, got -1"),
                Arguments.of(replace(p, "\"seed\": 42", "\"seed\": 1e30"), "seed must be a whole number"),
                Arguments.of(replace(p, "\"speed\": 20.0", "\"speed\": 0"), "speed must be in (0, 1000] epochs per second (or \"max\"), got 0"),
                Arguments.of(replace(p, "\"switch_mode\": \"restart\"", "\"switch_mode\": \"sometimes\""),
                        "switch_mode must be one of restart, keep_weights, got \"sometimes\""),
                Arguments.of(replace(p, "\"initializer\": \"glorot\"", "\"initializer\": \"zeros\""),
                        "network.initializer must be one of glorot, he, lecun, pytorch, got \"zeros\""),
                Arguments.of(replace(p, "\"init_scale\": 1.0", "\"init_scale\": 0"), "network.init_scale must be in (0, 100], got 0"),
                Arguments.of(replace(p, "\"bias_init\": 0.0", "\"bias_init\": 101"), "network.bias_init must be in [-100, 100], got 101"),
                Arguments.of(replace(p, "\"activation\": \"relu\"", "\"activation\": \"relux\""),
                        "models[0].activation must be one of relu"),
                Arguments.of(replace(p, "\"activation\": \"linear\"", "\"activation\": \"leaky_relu\", \"slope\": 1"),
                        "models[1].slope must be in [0, 1), got 1"),
                Arguments.of(replace(p, "\"activation\": \"linear\"", "\"activation\": \"elu\", \"alpha\": 0"),
                        "models[1].alpha must be in (0, 10], got 0"),
                Arguments.of(replace(p, "\"activation\": \"linear\"", "\"activation\": \"gelu\", \"approximation\": \"erf\""),
                        "models[1].approximation must be \"none\" or \"tanh\", got \"erf\""),
                Arguments.of(replace(p, "\"activation\": \"linear\"", "\"kind\": \"linear\""), "models[1].activation is missing"),
                Arguments.of(p.replaceAll("(?s)\"models\": \\[.*?\\],", "\"models\": [],"), "models must list 1–16 models, got 0"),
                Arguments.of(p.replaceAll("(?s)\"models\": \\[.*?\\],", "\"models\": [" + "\"relu\",".repeat(16) + "\"tanh\"],"),
                        "models must list 1–16 models, got 17"),
                Arguments.of(replace(p, "\"network\": {", "\"network\": 3, \"old\": {"), "network must be a JSON object { … }, got 3"),
                Arguments.of(p.replaceAll("(?s)\"x\": \\[.*?\\]", "\"x\": [0, 1]"), "data.x and data.y must have the same length, got 2 and 3"),
                Arguments.of(p.replaceAll("(?s)\"x\": \\[.*?\\]", "\"x\": [0]").replaceAll("(?s)\"y\": \\[.*?\\]", "\"y\": [0]"),
                        "data.x must have 2–100000 points, got 1"),
                Arguments.of(p.replaceAll("(?s)\"y\": \\[.*?\\]", "\"y\": [0, NaN, 1]"), "not valid JSON at line"),
                Arguments.of(p.replaceAll("(?s)\"y\": \\[.*?\\]", "\"y\": [0, 1e39, 1]"), "data.y[1] must be a finite number, got 1e39"),
                Arguments.of(p.replaceAll("(?s)\"y\": \\[.*?\\]", "\"y\": [0, null, 1]"), "data.y[1] must be a number, got nothing (null)"),
                Arguments.of(p.replaceAll("(?s),\\s*\"y\": \\[.*?\\]", ""), "data.y is missing"),
                Arguments.of(replace(p, "\"kind\": \"points\"", "\"kind\": \"pictures\""),
                        "data.kind must be \"generated\" or \"points\", got \"pictures\""),
                Arguments.of(replace(g, "\"points\": 1000", "\"points\": 1"), "data.points must be 2–100000, got 1"),
                Arguments.of(replace(g, "\"noise\": 0.0", "\"noise\": -0.5"), "data.noise must be in [0, 10], got -0.5"),
                Arguments.of(replace(g, "\"target\": \"sin\"", "\"target\": \"cos\""),
                        "data.target must be one of sin, abs, square, square_wave, sawtooth, step, x_sin_x, gaussian, got \"cos\""),
                Arguments.of(replace(g, "\"x_max\": 6.283185307179586", "\"x_max\": -7"),
                        "data.x_max must be greater than data.x_min"),
                Arguments.of(replace(p, "\"version\": 1", "\"version\": 0"), "version must be ≥ 1, got 0"),
                Arguments.of(replace(p, "\"version\": 1,", ""), "version is missing"),
                Arguments.of(replace(p, "\"format\": \"activation-lab-experiment\"", "\"format\": \"activation-lab-weights\""),
                        "not an Activation Lab experiment file: format is \"activation-lab-weights\""),
                Arguments.of(replace(p, "\"format\": \"activation-lab-experiment\",", ""),
                        "not an Activation Lab experiment file: it has no \"format\" field"),
                Arguments.of(replace(p, "\"lesson\": null", "\"lesson\": 3"), "lesson must be text in quotes, got 3"));
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void outOfRangeValuesAreRefusedNamingTheFieldAndValue(String json, String expected) {
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.fromJson(json));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "…' but got '" + e.getMessage() + "'");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.35, 0.5, 0.75, 0.9, 0.99})
    void aTruncatedFileSaysItEndsTooEarly(double keep) throws IOException {
        String json = validGenerated();
        Path file = dir.resolve("cut.json");
        Files.writeString(file, json.substring(0, (int) (json.length() * keep)));
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(file));
        assertTrue(e.getMessage().matches("the file ends too early \\(is it cut off\\?\\) at line \\d+: .*"),
                e.getMessage());
    }

    @Test
    void corruptFilesAreRefusedWithAClearMessage() throws IOException {
        assertEquals("the file is empty", message("   \n"));
        assertTrue(message("{\"format\": \"activation-lab-experiment\",, }").startsWith("not valid JSON at line "),
                message("{\"format\": \"activation-lab-experiment\",, }"));
        assertEquals("the file must be a JSON object { … }, got a list [ … ]", message("[1, 2, 3]"));
        String broken = validGenerated().replace("\"seed\": 42,", "\"seed\": 42 \"speed\" 3,");
        assertTrue(message(broken).startsWith("not valid JSON at line "), message(broken));
        String trailing = validGenerated() + "{}";
        assertTrue(message(trailing).startsWith("not valid JSON at line "), message(trailing));

        Path binary = dir.resolve("picture.json");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, (byte) 0xff, (byte) 0xfe});
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(binary));
        assertTrue(e.getMessage().startsWith("not a text file (not UTF-8)"), e.getMessage());

        ExperimentFileException missing = assertThrows(ExperimentFileException.class,
                () -> ExperimentFile.read(dir.resolve("nothing-here.json")));
        assertEquals("no such file", missing.getMessage());
        ExperimentFileException directory = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(dir));
        assertEquals("it is a directory, not a file", directory.getMessage());
    }

    private static String message(String json) {
        return assertThrows(ExperimentFileException.class, () -> ExperimentFile.fromJson(json)).getMessage();
    }
}
