package org.activationlab.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run's CSV and JSON exports hold exactly the snapshot's numbers. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RunExportTest {

    @TempDir
    Path dir;

    /** Three epochs of ReLU against PReLU on 40 points, 1 → 5 → 5 → 1. */
    private static Snapshot trained() throws Exception {
        ExperimentConfig config = ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, 40, -3, 3, 0, 0))
                .withModels(List.of(Activations.RELU, Activations.PRELU))
                .withNetwork(new NetworkSpec(2, 5, Activations.RELU,
                        org.activationlab.engine.Initializer.GLOROT_UNIFORM, 1, 0));
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            // One step at a time: a step queued while the last one is measured interrupts that
            // measuring (commands come first), and this test is about the export, not that race.
            Snapshot s = null;
            for (int i = 1; i <= 3; i++) {
                int epoch = i;
                trainer.send(new TrainerCommand.Step());
                s = trainer.await(x -> x.epoch() == epoch && !x.playing(), 10_000);
            }
            return s;
        }
    }

    @Test
    void statisticsHaveOneRowPerModelAndEpochFromTheHistories() throws Exception {
        Snapshot s = trained();
        Path file = dir.resolve("run.csv");
        RunExport.writeStatisticsCsv(s, file);
        List<String> lines = Files.readAllLines(file);

        assertEquals("epoch,model,activation,model_epoch,measured,train_loss,mse,grad_norm_1,grad_norm_2,"
                + "grad_norm_3,dead_fraction", lines.get(0));
        assertEquals(1 + 4 * 2, lines.size(), "epochs 0–3 for two models");
        for (int e = 0; e <= 3; e++) {
            for (int m = 0; m < 2; m++) {
                String[] cells = lines.get(1 + 2 * e + m).split(",", -1);
                ModelHistory h = s.histories().get(m);
                assertEquals(String.valueOf(e), cells[0]);
                assertEquals(s.models().get(m).name(), cells[1]);
                assertEquals(s.models().get(m).activation().id(), cells[2]);
                assertEquals(String.valueOf(e), cells[3]);
                assertEquals("1", cells[4]);
                assertEquals(h.mse().get(e), Float.parseFloat(cells[6]));
                for (int l = 0; l < 3; l++) {
                    assertEquals(h.gradientNorm().get(l).get(e), Float.parseFloat(cells[7 + l]));
                }
                double dead = (h.deadFraction().get(0).get(e) + (double) h.deadFraction().get(1).get(e)) / 2;
                assertEquals(dead, Double.parseDouble(cells[10]), 1e-12);
            }
        }
        // the last row is the snapshot's own statistics
        assertEquals((float) s.models().get(1).mse(), Float.parseFloat(lines.get(8).split(",")[6]));
    }

    @Test
    void predictionsHaveEveryPointAndEachModel() throws Exception {
        Snapshot s = trained();
        Path file = dir.resolve("predictions.csv");
        RunExport.writePredictionsCsv(s, file);
        List<String> lines = Files.readAllLines(file);

        assertEquals("x,target,relu,prelu", lines.get(0));
        assertEquals(41, lines.size());
        Dataset data = s.config().data();
        for (int i = 0; i < 40; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(data.x()[i], Float.parseFloat(cells[0]));
            assertEquals(data.y()[i], Float.parseFloat(cells[1]));
            assertEquals(s.models().get(0).predictions()[i], Float.parseFloat(cells[2]));
            assertEquals(s.models().get(1).predictions()[i], Float.parseFloat(cells[3]));
        }
    }

    @Test
    void weightsJsonHoldsEveryLayerAsInputsByUnits() throws Exception {
        Snapshot s = trained();
        Path file = dir.resolve("weights.json");
        RunExport.writeWeightsJson(s, file);
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();

        assertEquals(RunExport.WEIGHTS_FORMAT, root.get("format").getAsString());
        assertEquals(3, root.get("epoch").getAsInt());
        JsonArray models = root.getAsJsonArray("models");
        assertEquals(2, models.size());
        for (int m = 0; m < 2; m++) {
            ModelStats stats = s.models().get(m);
            JsonArray layers = models.get(m).getAsJsonObject().getAsJsonArray("layers");
            assertEquals(3, layers.size());
            int[][] shapes = {{1, 5}, {5, 5}, {5, 1}};
            for (int l = 0; l < 3; l++) {
                JsonObject layer = layers.get(l).getAsJsonObject();
                assertEquals(shapes[l][0], layer.get("inputs").getAsInt());
                assertEquals(shapes[l][1], layer.get("units").getAsInt());
                JsonArray rows = layer.getAsJsonArray("weights");
                float[] w = stats.weights().get(l);
                for (int i = 0; i < shapes[l][0]; i++) {
                    for (int j = 0; j < shapes[l][1]; j++) {
                        assertEquals(w[i * shapes[l][1] + j], rows.get(i).getAsJsonArray().get(j).getAsFloat());
                    }
                }
                float[] b = stats.biases().get(l);
                for (int j = 0; j < b.length; j++) {
                    assertEquals(b[j], layer.getAsJsonArray("biases").get(j).getAsFloat());
                }
            }
        }
        JsonObject preluFirst = models.get(1).getAsJsonObject().getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals(s.models().get(1).layers().get(0).learnedSlope(), preluFirst.get("learned_slope").getAsFloat());
    }
}
