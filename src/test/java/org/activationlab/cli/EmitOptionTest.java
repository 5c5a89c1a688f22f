package org.activationlab.cli;

import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --emit keras|pytorch}: the experiment printed as a script, nothing trained. */
class EmitOptionTest {

    @TempDir
    Path dir;

    @Test
    void emitPrintsTheScriptForTheGivenOptionsAndTrainsNothing() {
        Cli.Result result = Cli.run("train", "--emit", "pytorch", "--activation", "tanh", "--compare", "relu",
                "--epochs", "7", "--width", "16", "--depth", "3", "--optimizer", "sgd", "--lr", "0.05",
                "--batch", "10", "--seed", "5", "--init", "he", "--target", "abs", "--points", "200");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        String s = result.out();
        assertTrue(s.startsWith("# Activation Lab experiment as a PyTorch script."), s);
        assertTrue(s.contains("\"tanh\": lambda: nn.Tanh(),") && s.contains("\"relu\": lambda: nn.ReLU(),"), s);
        assertTrue(s.contains("EPOCHS = 7\n") && s.contains("WIDTH = 16 ") && s.contains("DEPTH = 3 ")
                && s.contains("BATCH_SIZE = 10\n") && s.contains("SEED = 5\n"), s);
        assertTrue(s.contains("torch.optim.SGD(parameters, lr=0.05)"), s);
        assertTrue(s.contains("limit = math.sqrt(6.0 / fan_in)"), s);
        assertTrue(s.contains("x = np.linspace(-2 * np.pi, 2 * np.pi, 200)") && s.contains("y = np.abs(x)"), s);
        assertFalse(s.lines().anyMatch(l -> l.startsWith("final ") || l.startsWith("Epoch ")), "it trained:\n" + s);
    }

    @Test
    void emitKerasReadsAnExperimentFile() {
        Path file = dir.resolve("e.json");
        ExperimentFile.write(file, ExperimentFile.Contents.of(ExperimentConfig.classic().withEpochLimit(40)));
        Cli.Result result = Cli.run("train", "--open", file.toString(), "--emit", "keras");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("EPOCHS = 40\n"), result.out());
        assertTrue(result.out().contains("from tensorflow import keras"), result.out());
    }

    @Test
    void anUnknownFrameworkOrAnOutputFileIsRefusedInOneLine() {
        Cli.Result unknown = Cli.run("train", "--emit", "jax");
        assertEquals(2, unknown.exitCode());
        assertEquals("", unknown.out());
        assertTrue(unknown.err().contains("unknown --emit 'jax' (choose from keras, pytorch)"), unknown.err());

        Path csv = dir.resolve("run.csv");
        Cli.Result withCsv = Cli.run("train", "--emit", "keras", "--csv", csv.toString());
        assertEquals(2, withCsv.exitCode());
        assertTrue(withCsv.err().contains("cannot be combined with --csv"), withCsv.err());
        assertFalse(Files.exists(csv));
    }
}
