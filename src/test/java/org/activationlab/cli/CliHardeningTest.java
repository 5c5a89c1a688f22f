package org.activationlab.cli;

import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile command lines: one clear error line and exit 2, inputs untouched, nothing left behind. */
class CliHardeningTest {

    private static final String[] SMALL = {"--epochs", "1", "--width", "2", "--depth", "1", "-q"};

    @TempDir
    Path dir;

    private Cli.Result train(String... args) {
        return Cli.run(Stream.concat(Stream.of("train"), Stream.concat(Stream.of(args), Stream.of(SMALL)))
                .toArray(String[]::new));
    }

    private static void assertRefused(Cli.Result r, String expectedStart) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: " + expectedStart), r.err());
    }

    private void assertNoTempFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps);
        }
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
        Path csv = dir.resolve("pts.csv");
        Files.writeString(csv, "x,y\n0,0\n1,1\n2,4\n");
        byte[] points = Files.readAllBytes(csv);
        Path json = dir.resolve("ok.json");
        ExperimentFile.write(json, ExperimentFile.Contents.of(ExperimentConfig.classic()));
        byte[] experiment = Files.readAllBytes(json);

        // These destroyed the input and exited 0.
        assertRefused(train("--data", csv.toString(), "--csv", csv.toString()), "--csv " + csv + " is the --data file");
        assertRefused(train("--data", csv.toString(), "--predictions", dir.resolve(".").resolve("pts.csv").toString()),
                "--predictions");
        assertRefused(train("--data", csv.toString(), "--save-experiment", csv.toString()), "--save-experiment");
        assertRefused(train("--open", json.toString(), "--predictions", json.toString()), "--predictions");
        assertRefused(train("--open", json.toString(), "--csv", json.toString()), "--csv");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, csv);
        assertRefused(train("--data", csv.toString(), "--csv", link.toString()), "--csv");
        assertArrayEquals(points, Files.readAllBytes(csv));
        assertArrayEquals(experiment, Files.readAllBytes(json));

        // Re-saving the opened experiment is legal (and atomic).
        Cli.Result resave = train("--open", json.toString(), "--save-experiment", json.toString());
        assertEquals(0, resave.exitCode(), resave.err());
        assertEquals(1, ExperimentFile.read(json).config().epochLimit());
        assertNoTempFiles();
    }

    @Test
    void argumentFilesAreNotExpanded() throws Exception {
        Path args = dir.resolve("args.txt");
        Files.writeString(args, "--epochs\n1\n");
        assertRefused(Cli.run("train", "@" + args), "unexpected argument '@" + args + "'");
        assertRefused(Cli.run("train", "@/dev/zero"), "unexpected argument '@/dev/zero'");
    }

    @Test
    void specialFilesAreRefusedAndNamedPipesDoNotBlock() throws Exception {
        assertRefused(train("--data", "/dev/zero"), "/dev/zero: not a regular file");
        assertRefused(train("--open", "/dev/zero"), "--open /dev/zero: not a regular file");
        Path pipe = dir.resolve("pipe.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> train("--data", pipe.toString()));
        assertRefused(r, pipe + ": not a regular file");
        assertRefused(train("--open", dir.toString()), "--open " + dir + ": it is a directory");
    }

    @Test
    void longValuesAreShortenedInTheErrorLine() {
        String huge = "r".repeat(100_000);
        Cli.Result activation = train("--activation", huge);
        assertRefused(activation, "unknown activation '" + "r".repeat(60) + "…'");
        assertTrue(activation.err().length() < 300, activation.err().length() + "");
        Cli.Result digits = Cli.run("train", "--epochs", "9".repeat(50_000));
        assertEquals(2, digits.exitCode());
        assertTrue(digits.err().length() < 300, digits.err().length() + "");
        Cli.Result words = Cli.run("train", "--target", "a b ".repeat(50_000));
        assertTrue(words.err().length() < ActivationLabCommand.MAX_ERROR + 20, words.err().length() + "");
    }

    @Test
    void extremeNumbersInAnOpenedFileGetAMessage() throws Exception {
        Path json = dir.resolve("e.json");
        String text = ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()));
        Files.writeString(json, text.replace("\"batch_size\": 32", "\"batch_size\": 0e-99999999999"));
        assertRefused(train("--open", json.toString()), "--open " + json + ": batch_size must be 1–1024, got 0e-99999999999");
        Files.writeString(json, text.replace("\"target\": \"sin\"", "\"target\": \"square\"")
                .replaceAll("\"x_max\": [^,]*", "\"x_max\": 1e39"));
        assertRefused(train("--open", json.toString()), "--open " + json + ": data.x_max must be in [-1000000, 1000000]");
    }
}
