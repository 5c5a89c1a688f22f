package org.activationlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: exit code 2, one line {@code error: …} on stderr, nothing on stdout, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("train --frobnicate", "unknown option: '--frobnicate'"),
                Arguments.of("train --epochs 0", "--epochs must be 1–1000000, got 0"),
                Arguments.of("train --epochs -3", "--epochs must be 1–1000000, got -3"),
                Arguments.of("train --epochs ten", "'ten' is not an int"),
                Arguments.of("train --lr 0", "--lr must be in [1e-7, 10], got 0"),
                Arguments.of("train --lr -0.1", "--lr must be in [1e-7, 10], got -0.1"),
                Arguments.of("train --width 0", "--width must be 1–512, got 0"),
                Arguments.of("train --width 513", "--width must be 1–512, got 513"),
                Arguments.of("train --depth 0", "--depth must be 1–8, got 0"),
                Arguments.of("train --depth 9", "--depth must be 1–8, got 9"),
                Arguments.of("train --batch 0", "--batch must be 1–1024, got 0"),
                Arguments.of("train --points 1", "--points must be 2–100000, got 1"),
                Arguments.of("train --points 100001", "--points must be 2–100000, got 100001"),
                Arguments.of("train --noise -0.5", "--noise must be in [0, 10], got -0.5"),
                Arguments.of("train --init-scale 0", "--init-scale must be in (0, 100], got 0"),
                Arguments.of("train --activation foo",
                        "unknown activation 'foo' (choose from relu, leaky_relu, "),
                Arguments.of("train --compare tanh,foo", "unknown activation 'foo' in --compare"),
                Arguments.of("train --compare relu,,tanh", "--compare has an empty entry"),
                Arguments.of("train --optimizer adagrad",
                        "unknown optimizer 'adagrad' (choose from sgd, momentum, nesterov, rmsprop, adam)"),
                Arguments.of("train --init xavier",
                        "unknown initializer 'xavier' (choose from glorot, he, lecun, pytorch)"),
                Arguments.of("train --target cos", "unknown target 'cos' (choose from sin, "),
                Arguments.of("train surplus", "unexpected argument 'surplus'"),
                Arguments.of("activations --x 1,two", "'two' is not a double"),
                Arguments.of("activations --x 1,Infinity", "--x values must be finite"),
                Arguments.of("bench --repeat 0", "--repeat must be 1–100, got 0"),
                Arguments.of("bench --epochs 0", "--epochs must be 1–10000, got 0"),
                Arguments.of("frobnicate", "unknown command 'frobnicate' (choose from train, "),
                Arguments.of("", "no command given"));
    }

    private static void assertUsageError(Cli.Result result, String expected) {
        assertEquals(2, result.exitCode(), result.out() + result.err());
        assertEquals("", result.out(), "nothing on stdout");
        assertEquals(1, result.errLines().size(), "one line on stderr:\n" + result.err());
        String line = result.errLines().get(0);
        assertTrue(line.startsWith("error: "), line);
        assertTrue(line.contains(expected), "'" + line + "' should contain '" + expected + "'");
        assertFalse(result.err().contains("at org."), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void badInputIsOneErrorLineAndExitCode2(String args, String expected) {
        assertUsageError(Cli.run(args.isEmpty() ? new String[0] : args.split(" ")), expected);
    }

    @Test
    void malformedDataFileNamesTheLine() throws IOException {
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, "x,y\n0,1\nzero,2\n3,4\n");

        assertUsageError(Cli.run("train", "--data", data.toString(), "--epochs", "1"),
                "bad.csv line 3: 'zero' is not a number");
    }

    @Test
    void missingDataFile() {
        Path missing = dir.resolve("missing.csv");

        assertUsageError(Cli.run("train", "--data", missing.toString()), missing + ": no such file");
    }

    @Test
    void dataFileWithGeneratedDataOptions() throws IOException {
        Path data = dir.resolve("ok.csv");
        Files.writeString(data, "0,1\n1,2\n");

        assertUsageError(Cli.run("train", "--data", data.toString(), "--noise", "0.1"),
                "--data cannot be combined with --noise");
    }

    @Test
    void outputInAMissingDirectoryFailsBeforeTraining() {
        Path out = dir.resolve("no-such-dir").resolve("stats.csv");

        assertUsageError(Cli.run("train", "--csv", out.toString()), "cannot write --csv " + out);
    }

    @Test
    void sameFileForBothOutputs() {
        String out = dir.resolve("o.csv").toString();

        assertUsageError(Cli.run("train", "--csv", out, "--predictions", out),
                "--csv and --predictions must name different files");
    }
}
