package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The initialisers' weights and biases against the distributions they name. */
class InitializerTest {

    private static List<float[]> biases(Initializer init, double biasInit, long seed) {
        ModelRun run = new ModelRun("x", Dataset.classic(),
                new NetworkSpec(2, 64, Activations.RELU, init, 1.0, biasInit),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, seed);
        return run.measure().biases();
    }

    /** PyTorch's nn.Linear draws its bias from U(±1/√fan_in) as well as its weights. */
    @Test
    void pytorchDefaultDrawsBiasesFromUniformOneOverRootFanIn() {
        int[] fanIn = {1, 64, 64};
        double[] sum = new double[3];
        double[] squares = new double[3];
        int[] count = new int[3];
        for (long seed = 1; seed <= 20; seed++) {
            List<float[]> b = biases(Initializer.PYTORCH_DEFAULT, 0, seed);
            for (int l = 0; l < 3; l++) {
                double limit = 1 / Math.sqrt(fanIn[l]);
                for (float v : b.get(l)) {
                    assertTrue(Math.abs(v) <= limit, "layer " + l + " bias " + v + " beyond ±" + limit);
                    sum[l] += v;
                    squares[l] += v * v;
                    count[l]++;
                }
            }
        }
        for (int l = 0; l < 3; l++) {
            double limit = 1 / Math.sqrt(fanIn[l]);
            double mean = sum[l] / count[l];
            double variance = squares[l] / count[l] - mean * mean;
            // U(±c): mean 0, variance c²/3; with n draws the sample mean's sd is c/√(3n).
            double sd = limit / Math.sqrt(3.0 * count[l]);
            assertEquals(0, mean, 5 * sd, "layer " + l + " mean");
            assertEquals(limit * limit / 3, variance, 0.25 * limit * limit / 3 + 5 * limit * limit / Math.sqrt(count[l]),
                    "layer " + l + " variance");
        }
        // The bias offset shifts PyTorch's draws; other initialisers keep constant biases.
        List<float[]> shifted = biases(Initializer.PYTORCH_DEFAULT, -1, 3);
        List<float[]> plain = biases(Initializer.PYTORCH_DEFAULT, 0, 3);
        assertEquals(plain.get(1)[5] - 1, shifted.get(1)[5], 1e-6);
        for (Initializer init : List.of(Initializer.GLOROT_UNIFORM, Initializer.HE_UNIFORM, Initializer.LECUN_UNIFORM)) {
            for (float[] b : biases(init, 0.25, 4)) {
                for (float v : b) {
                    assertEquals(0.25f, v, 0, init + " biases start at the bias init");
                }
            }
        }
    }
}
