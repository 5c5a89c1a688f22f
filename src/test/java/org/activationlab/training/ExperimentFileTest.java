package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.ActivationParameters;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment file: every field round-trips, and bad files are refused with a clear message. */
class ExperimentFileTest {

    @TempDir
    Path dir;

    /** Points no recipe generates (x unevenly spaced), with awkward floats. */
    private static Dataset customPoints() {
        float[] x = {-3.1f, -1.0f / 3, 0.1f, 2.7182817f, 1e-30f, 5.5f};
        float[] y = {0.123456789f, -7f, Float.MIN_VALUE, 1e20f, -0.0f, 3.3333333f};
        return new Dataset(x, y, "clicked points", null, 0);
    }

    /** Every setting away from its default. */
    private static ExperimentFile.Contents everything() {
        List<Activation> models = List.of(Activations.leakyRelu(0.2), Activations.elu(0.5),
                Activations.GELU_TANH, Activations.GELU, Activations.PRELU, Activations.SELU,
                Activations.LEAKY_RELU, Activations.ELU, Activations.MISH, Activations.LINEAR);
        NetworkSpec network = new NetworkSpec(3, 17, models.get(0), Initializer.HE_UNIFORM, 0.5, 0.125);
        OptimizerSpec optimizer = new OptimizerSpec(OptimizerKind.NESTEROV, 0.05, 0.8, 0.85, 0.995, 0.7, 1e-6);
        ExperimentConfig config = new ExperimentConfig(customPoints(), network, models, optimizer, 7,
                -1234567890123L, 0);
        return new ExperimentFile.Contents(config, Double.POSITIVE_INFINITY, SwitchMode.KEEP_WEIGHTS,
                "dying-relu");
    }

    private static ExperimentFile.Opened roundTrip(ExperimentFile.Contents contents) throws ExperimentFileException {
        return ExperimentFile.fromJson(ExperimentFile.toJson(contents));
    }

    @Test
    void everyFieldRoundTrips() throws Exception {
        ExperimentFile.Contents saved = everything();
        Path file = dir.resolve("all.json");
        ExperimentFile.write(file, saved);
        ExperimentFile.Opened opened = ExperimentFile.read(file);

        assertEquals(List.of(), opened.warnings());
        ExperimentFile.Contents read = opened.contents();
        ExperimentConfig a = saved.config();
        ExperimentConfig b = read.config();
        assertArrayEquals(a.data().x(), b.data().x());
        assertArrayEquals(a.data().y(), b.data().y());
        assertEquals("clicked points", b.data().description());
        // (the network's activation is a new Leaky ReLU instance with the same slope)
        assertEquals(a.network().withActivation(Activations.RELU), b.network().withActivation(Activations.RELU));
        assertEquals(a.optimizer(), b.optimizer());
        assertEquals(7, b.batchSize());
        assertEquals(-1234567890123L, b.seed());
        assertEquals(0, b.epochLimit());
        assertEquals(Double.POSITIVE_INFINITY, read.epochsPerSecond());
        assertEquals(SwitchMode.KEEP_WEIGHTS, read.switchMode());
        assertEquals("dying-relu", read.lessonId());
        assertEquals(a.models().size(), b.models().size());
        for (int i = 0; i < a.models().size(); i++) {
            Activation x = a.models().get(i);
            Activation y = b.models().get(i);
            assertEquals(x.id(), y.id(), "model " + i);
            assertEquals(ActivationParameters.leakySlope(x), ActivationParameters.leakySlope(y), "model " + i);
            assertEquals(ActivationParameters.eluAlpha(x), ActivationParameters.eluAlpha(y), "model " + i);
            assertEquals(x.value(-1.7), y.value(-1.7), "model " + i);
        }
        // The catalogue's own instances come back as themselves (cards and switches compare them).
        assertSame(Activations.GELU_TANH, b.models().get(2));
        assertSame(Activations.GELU, b.models().get(3));
        assertSame(Activations.PRELU, b.models().get(4));
        assertSame(Activations.LEAKY_RELU, b.models().get(6));
        assertSame(Activations.ELU, b.models().get(7));
        assertEquals(0.2, ActivationParameters.leakySlope(b.models().get(0)).getAsDouble());
        assertEquals(0.5, ActivationParameters.eluAlpha(b.models().get(1)).getAsDouble());
    }

    @Test
    void finiteSpeedDefaultsAndNoLessonRoundTrip() throws Exception {
        ExperimentFile.Contents saved = new ExperimentFile.Contents(ExperimentConfig.classic(), 5, SwitchMode.RESTART, null);
        ExperimentFile.Contents read = roundTrip(saved).contents();
        assertEquals(5.0, read.epochsPerSecond());
        assertNull(read.lessonId());
        assertEquals(SwitchMode.RESTART, read.switchMode());
        assertEquals(ExperimentConfig.classic().data(), read.config().data());
        assertEquals(List.of(Activations.RELU, Activations.LINEAR), read.config().models());
        assertTrue(ExperimentFile.toJson(saved).contains("\"lesson\": null"));
    }

    @Test
    void generatedDataIsStoredAsItsRecipeAndRegeneratesTheSamePoints() throws Exception {
        Dataset noisy = Dataset.generate(TargetFunction.X_SIN_X, 300, -3, 5, 0.25, 99);
        ExperimentConfig config = ExperimentConfig.classic().withData(noisy).withSeed(99);
        String json = ExperimentFile.toJson(ExperimentFile.Contents.of(config));

        assertTrue(json.contains("\"kind\": \"generated\""), json);
        assertTrue(json.contains("\"noise_seed\": 99"), json);
        assertFalse(json.contains("\"x\": ["), "no points for generated data");
        Dataset read = ExperimentFile.fromJson(json).config().data();
        assertArrayEquals(noisy.x(), read.x());
        assertArrayEquals(noisy.y(), read.y());
        assertEquals(TargetFunction.X_SIN_X, read.target().orElseThrow());
        assertEquals(0.25, read.noise());
    }

    @Test
    void dataThatNoRecipeReproducesIsStoredAsPointsWithItsTarget() throws Exception {
        Dataset sampled = Dataset.generate(TargetFunction.ABS, 50, -2, 2, 0.5, 7);
        // points of a known target without their recipe (as edited data are)
        Dataset generated = new Dataset(sampled.x(), sampled.y(), "edited", TargetFunction.ABS, 0.5);
        ExperimentConfig config = ExperimentConfig.classic().withData(generated).withSeed(8);
        String json = ExperimentFile.toJson(ExperimentFile.Contents.of(config));

        assertTrue(json.contains("\"kind\": \"points\""), json);
        Dataset read = ExperimentFile.fromJson(json).config().data();
        assertArrayEquals(generated.x(), read.x());
        assertArrayEquals(generated.y(), read.y());
        assertEquals(TargetFunction.ABS, read.target().orElseThrow());
        assertEquals(0.5, read.noise());
    }

    @Test
    void unknownFieldsAtTopLevelAndNestedOpenWithWarningsNamingThem() throws Exception {
        String json = ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()))
                .replace("\"seed\": 42", "\"seed\": 42, \"colour_scheme\": \"dark\"")
                .replace("\"depth\": 2", "\"depth\": 2, \"dropout\": 0.5")
                .replace("\"kind\": \"adam\"", "\"kind\": \"adam\", \"amsgrad\": true")
                .replace("\"target\": \"sin\"", "\"target\": \"sin\", \"phase\": 1")
                .replace("{\n      \"activation\": \"linear\"", "{\n      \"activation\": \"linear\", \"slope\": 0.3");

        ExperimentFile.Opened opened = ExperimentFile.fromJson(json);

        assertEquals(List.of("unknown field network.dropout skipped", "unknown field optimizer.amsgrad skipped",
                "unknown field models[1].slope skipped", "unknown field data.phase skipped",
                "unknown field colour_scheme skipped").stream().sorted().toList(),
                opened.warnings().stream().sorted().toList());
        assertEquals(2, opened.config().network().depth());
        assertSame(Activations.LINEAR, opened.config().models().get(1));
    }

    @Test
    void aNewerVersionOpensWithAWarning() throws Exception {
        String json = ExperimentFile.toJson(ExperimentFile.Contents.of(ExperimentConfig.classic()))
                .replace("\"version\": 1", "\"version\": 7");
        ExperimentFile.Opened opened = ExperimentFile.fromJson(json);
        assertEquals(1, opened.warnings().size(), opened.warnings().toString());
        assertTrue(opened.warnings().get(0).contains("version 7") && opened.warnings().get(0).contains("newer"),
                opened.warnings().get(0));
        assertEquals(64, opened.config().network().width());
    }

    @Test
    void missingSettingsTakeTheClassicExperimentsValues() throws Exception {
        ExperimentFile.Opened opened = ExperimentFile.fromJson("""
                {"format": "activation-lab-experiment", "version": 1,
                 "models": ["tanh", {"activation": "leaky_relu"}], "optimizer": {"kind": "sgd"}}""");
        ExperimentConfig c = opened.config();
        assertEquals(List.of(Activations.TANH, Activations.LEAKY_RELU), c.models());
        assertEquals(OptimizerSpec.of(OptimizerKind.SGD), c.optimizer());
        assertEquals(ExperimentConfig.classic().data(), c.data());
        assertEquals(NetworkSpec.classic(Activations.TANH), c.network());
        assertEquals(32, c.batchSize());
        assertEquals(42, c.seed());
        assertEquals(100, c.epochLimit());
        assertEquals(Trainer.DEFAULT_SPEED, opened.contents().epochsPerSecond());
        assertEquals(List.of(), opened.warnings());
    }

    @Test
    void savingOverAFileReplacesItAtomicallyAndAFailedSaveLeavesNothing() throws IOException {
        Path file = dir.resolve("e.json");
        Files.writeString(file, "old");
        ExperimentFile.write(file, ExperimentFile.Contents.of(ExperimentConfig.classic()));
        assertTrue(Files.readString(file).startsWith("{"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
        Path nowhere = dir.resolve("missing").resolve("e.json");
        AtomicOutput.OutputFileException e = assertThrows(AtomicOutput.OutputFileException.class,
                () -> ExperimentFile.write(nowhere, ExperimentFile.Contents.of(ExperimentConfig.classic())));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    /** Trains each model of {@code config} for {@code epochs} epochs as the trainer does. */
    private static List<double[]> losses(ExperimentConfig config, int epochs) {
        List<String> names = config.modelNames();
        List<ModelRun> runs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            runs.add(new ModelRun(names.get(i), config.data(), config.network().withActivation(config.models().get(i)),
                    config.optimizer(), config.batchSize(), config.seed()));
        }
        List<double[]> result = new ArrayList<>();
        for (ModelRun run : runs) {
            result.add(new double[2 * epochs]);
        }
        for (int e = 0; e < epochs; e++) {
            for (ModelRun run : runs) {
                run.trainEpoch();
            }
            for (int i = 0; i < runs.size(); i++) {
                ModelStats s = runs.get(i).measure();
                result.get(i)[2 * e] = s.trainLoss();
                result.get(i)[2 * e + 1] = s.mse();
            }
        }
        return result;
    }

    @Test
    void saveThenOpenTrainsToTheSameLossesBitForBit() throws Exception {
        Dataset noisy = Dataset.generate(TargetFunction.SQUARE_WAVE, 150, Dataset.DEFAULT_MIN_X,
                Dataset.DEFAULT_MAX_X, 0.2, 11);
        List<Activation> models = List.of(Activations.leakyRelu(0.3), Activations.elu(0.7),
                Activations.GELU_TANH, Activations.LINEAR);
        ExperimentConfig original = new ExperimentConfig(noisy,
                new NetworkSpec(2, 12, models.get(0), Initializer.LECUN_UNIFORM, 1.3, 0.05), models,
                new OptimizerSpec(OptimizerKind.RMSPROP, 0.003, 0.9, 0.9, 0.999, 0.8, 1e-6), 16, 11, 8);
        Path file = dir.resolve("repro.json");
        ExperimentFile.write(file, ExperimentFile.Contents.of(original));
        ExperimentConfig reopened = ExperimentFile.read(file).config();

        List<double[]> expected = losses(original, 8);
        List<double[]> actual = losses(reopened, 8);
        for (int m = 0; m < expected.size(); m++) {
            double[] e = expected.get(m);
            double[] a = actual.get(m);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]),
                        "model " + m + " value " + i + ": " + e[i] + " vs " + a[i]);
            }
            assertTrue(Double.isFinite(e[e.length - 1]) && e[e.length - 1] > 0, "trained: " + e[e.length - 1]);
        }
    }
}
