package org.activationlab.training.lesson;

import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled lessons tell the class what it will see; these tests train the first few epochs of
 * the steps whose claims are cheapest to check, so that a change to the engine or to a lesson
 * file that breaks a claim shows up here instead of in front of a class.
 */
class LessonClaimsTest {

    @Test
    void vanishingGradientsSigmoidsFirstLayerGetsAlmostNothingRelusDoes() throws LessonFormatException {
        List<ModelRun> runs = runs("03-vanishing-gradients.json", 0);
        List<ModelStats> after = train(runs, 1);
        double[] sigmoid = gradients(after.get(0));
        double[] relu = gradients(after.get(1));
        int out = sigmoid.length - 1;
        assertTrue(sigmoid[0] < 1e-3 * sigmoid[out], "Sigmoid first/output: " + sigmoid[0] + " / " + sigmoid[out]);
        for (double g : relu) {
            assertTrue(g > 0.05 && g < 0.5, "ReLU gradients stay between 0.05 and 0.5: " + java.util.Arrays.toString(relu));
        }
    }

    @Test
    void explodingGradientsGrowEveryEpochThenDiverge() throws LessonFormatException {
        List<ModelRun> runs = runs("04-exploding-gradients.json", 0);
        ModelRun run = runs.get(0);
        double previous = 0;
        int epoch = 0;
        while (!run.diverged() && epoch < 10) {
            run.trainEpoch();
            epoch++;
            ModelStats s = run.measure();
            if (!s.diverged()) {
                double g = gradients(s)[0];
                assertTrue(g > previous, "gradient grows at epoch " + epoch + ": " + previous + " → " + g);
                previous = g;
            }
        }
        assertTrue(run.diverged(), "diverged within 10 epochs");
        assertTrue(epoch >= 3, "slow enough to watch: diverged at epoch " + epoch);
        assertTrue(previous > 1e3, "the norms blew up first: " + previous);
    }

    @Test
    void explodingGradientsBothFixesKeepTraining() throws LessonFormatException {
        for (int step : new int[] {2, 3}) {
            List<ModelRun> runs = runs("04-exploding-gradients.json", step);
            ModelStats s = train(runs, 20).get(0);
            assertFalse(s.diverged(), "step " + step);
            assertTrue(s.mse() < 0.6, "step " + step + " MSE " + s.mse());
        }
    }

    @Test
    void dyingReluBiasMinusOneKillsMostUnitsAndLeakyReluHasNone() throws LessonFormatException {
        List<ModelRun> born = runs("05-dying-relu.json", 1);
        assertTrue(born.get(0).measure().deadFraction() > 0.7);
        ModelStats relu = train(born, 5).get(0);
        assertTrue(relu.deadFraction() > 0.7, "still dead: " + relu.deadFraction());
        assertEquals(0.0, gradients(relu)[0], "no gradient reaches the first layer");

        List<ModelRun> leaky = runs("05-dying-relu.json", 2);
        assertEquals("leaky_relu", leaky.get(0).activation().id());
        assertEquals(0.0, train(leaky, 5).get(0).deadFraction());
    }

    @Test
    void saturationLargeWeightsPileUpBeyondSix() throws LessonFormatException {
        for (ModelRun run : runs("06-saturation.json", 1)) {
            LayerStats first = run.measure().layers().get(0);
            int[] h = first.histogram();
            int total = 0;
            for (int c : h) {
                total += c;
            }
            double ends = (h[0] + h[h.length - 1]) / (double) total;
            assertTrue(ends > 0.2 && ends < 0.35, run.activation().id() + ": share beyond ±6 " + ends);
        }
        for (ModelRun run : runs("06-saturation.json", 0)) {
            int[] h = run.measure().layers().get(0).histogram();
            assertEquals(0, h[0] + h[h.length - 1], "scale 1: nothing beyond ±6 at the start");
        }
    }

    private static List<ModelRun> runs(String file, int step) throws LessonFormatException {
        ExperimentConfig c = LessonLoader.read(LessonLoader.bundled(), file).step(step).settings().config();
        List<ModelRun> runs = new ArrayList<>();
        List<String> names = c.modelNames();
        for (int i = 0; i < c.models().size(); i++) {
            runs.add(new ModelRun(names.get(i), c.data(), c.network().withActivation(c.models().get(i)),
                    c.optimizer(), c.batchSize(), c.seed()));
        }
        return runs;
    }

    private static List<ModelStats> train(List<ModelRun> runs, int epochs) {
        List<ModelStats> stats = new ArrayList<>();
        for (ModelRun run : runs) {
            for (int e = 0; e < epochs && !run.diverged(); e++) {
                run.trainEpoch();
            }
            stats.add(run.measure());
        }
        return stats;
    }

    private static double[] gradients(ModelStats s) {
        return s.layers().stream().mapToDouble(LayerStats::gradientNorm).toArray();
    }
}
