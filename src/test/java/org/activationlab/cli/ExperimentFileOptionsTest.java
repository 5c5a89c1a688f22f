package org.activationlab.cli;

import org.activationlab.engine.Activations;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --save-experiment} and {@code train --open}. */
class ExperimentFileOptionsTest {

    private static final String[] RUN = {"train", "--epochs", "5", "--compare", "tanh,leaky_relu",
            "--seed", "3", "--points", "80", "--width", "8", "--noise", "0.2", "--optimizer", "sgd",
            "--lr", "0.02", "--batch", "10", "--init", "he", "-q"};

    @TempDir
    Path dir;

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void aSavedExperimentTrainsAgainToTheSameNumbers() throws Exception {
        Path file = dir.resolve("run.json");
        Cli.Result first = Cli.run(with(RUN, "--save-experiment", file.toString()));
        assertEquals(0, first.exitCode(), first.err());

        ExperimentConfig saved = ExperimentFile.read(file).config();
        assertEquals(List.of(Activations.RELU, Activations.TANH, Activations.LEAKY_RELU), saved.models());
        assertEquals(5, saved.epochLimit());
        assertEquals(3, saved.seed());
        assertEquals(80, saved.data().size());
        assertEquals(0.2, saved.data().noise());
        assertEquals(10, saved.batchSize());

        Cli.Result again = Cli.run("train", "--open", file.toString(), "-q");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.err());
        assertEquals(3, first.outLines().size(), first.out());
        assertEquals(first.out(), again.out(), "same final lines, epochs taken from the file's limit");
    }

    @Test
    void optionsGivenExplicitlyOverrideTheFile() throws Exception {
        Path file = dir.resolve("run.json");
        assertEquals(0, Cli.run(with(RUN, "--save-experiment", file.toString())).exitCode());

        Cli.Result overridden = Cli.run("train", "--open", file.toString(), "--epochs", "3", "--seed", "11",
                "--lr", "0.01", "--compare", "elu", "-q");
        // Saved again, the run shows what it trained: the file's settings with the overrides, and
        // the file's data (noise drawn with the file's seed 3, not the new seed).
        Path resaved = dir.resolve("resaved.json");
        Cli.Result spelled = Cli.run("train", "--open", file.toString(), "--epochs", "3", "--seed", "11",
                "--lr", "0.01", "--compare", "elu", "-q", "--save-experiment", resaved.toString());
        assertEquals(0, overridden.exitCode(), overridden.err());
        assertEquals(overridden.out(), spelled.out());
        ExperimentConfig c = ExperimentFile.read(resaved).config();
        assertEquals(List.of(Activations.RELU, Activations.ELU), c.models());
        assertEquals(3, c.epochLimit());
        assertEquals(11, c.seed());
        assertEquals(0.01, c.optimizer().learningRate());
        assertEquals("sgd", c.optimizer().kind().id());
        assertEquals(8, c.network().width());
        Path biased = dir.resolve("biased.json");
        Cli.Result bias = Cli.run("train", "--open", file.toString(), "--epochs", "1", "--bias-init", "0.25", "-q",
                "--save-experiment", biased.toString());
        assertTrue(bias.exitCode() == 0 || bias.exitCode() == 3, bias.err());
        assertEquals(0.25, ExperimentFile.read(biased).config().network().biasInit(), "--bias-init overrides the file too");
        assertEquals(ExperimentFile.read(file).config().data(), c.data());
        assertEquals(List.of("final relu", "final elu"),
                overridden.outLines().stream().map(l -> l.substring(0, l.indexOf(" mse="))).toList());
    }

    @Test
    void unknownFieldsAreWarnedAboutOnStandardError() throws Exception {
        Path file = dir.resolve("run.json");
        assertEquals(0, Cli.run(with(RUN, "--save-experiment", file.toString())).exitCode());
        Files.writeString(file, Files.readString(file).replace("\"seed\": 3", "\"seed\": 3, \"mood\": \"happy\""));

        Cli.Result result = Cli.run("train", "--open", file.toString(), "-q", "--epochs", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("warning: " + file + ": unknown field mood skipped"), result.errLines());
    }

    @Test
    void aBadFileIsOneErrorLineNamingFileFieldAndValue() throws IOException {
        Path file = dir.resolve("bad.json");
        assertEquals(0, Cli.run(with(RUN, "--save-experiment", file.toString())).exitCode());
        Files.writeString(file, Files.readString(file).replace("\"depth\": 2", "\"depth\": 9"));

        Cli.Result result = Cli.run("train", "--open", file.toString());
        assertEquals(2, result.exitCode());
        assertEquals(List.of("error: --open " + file + ": network.depth must be 1–8, got 9"), result.errLines());
        assertEquals("", result.out());

        Cli.Result missing = Cli.run("train", "--open", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(List.of("error: --open " + dir.resolve("nope.json") + ": no such file"), missing.errLines());
    }

    @Test
    void aFailedRunLeavesNoExperimentFile() {
        Path file = dir.resolve("never.json");
        Cli.Result result = Cli.run("train", "--depth", "0", "--save-experiment", file.toString());
        assertEquals(2, result.exitCode());
        assertFalse(Files.exists(file));
        Cli.Result same = Cli.run("train", "--csv", file.toString(), "--save-experiment", file.toString());
        assertEquals(2, same.exitCode());
        assertTrue(same.err().contains("--csv and --save-experiment must name different files"), same.err());
    }
}
