package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.LinearCollapse;
import org.activationlab.engine.ModelRun;
import org.activationlab.training.ExperimentCode.Framework;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated PyTorch script for the classic experiment, run by real PyTorch: its ReLU network
 * ends where the app's does over several seeds, its linear one on the least-squares line.
 *
 * <p>Needs a python3 with torch and numpy (Debian: {@code apt-get install python3-torch}). Without
 * one it is skipped with a message, unless {@code -Dactivationlab.requirePytorch=true} (as CI runs
 * it, after installing PyTorch), which turns the skip into a failure.
 */
@Tag("pytorch")
class PytorchScriptRunTest {

    private static final Pattern FINAL = Pattern.compile("^final (\\S+) mse=(\\S+)$", Pattern.MULTILINE);
    private static final long[] APP_SEEDS = {1, 2, 3, 4, 5};

    @TempDir
    Path dir;

    @Test
    void theClassicExperimentTrainedByPytorchLandsInTheAppsRange() throws Exception {
        String python = PythonScripts.pythonWithTorch();
        if (Boolean.getBoolean("activationlab.requirePytorch")) {
            assertNotNull(python, "no python3 with torch and numpy found (tried python3 and /usr/bin/python3)");
        }
        assumeTrue(python != null, "no python3 with torch and numpy (apt-get install python3-torch): "
                + "the PyTorch script was not run");

        ExperimentConfig classic = ExperimentConfig.classic();
        Path script = dir.resolve("classic_pytorch.py");
        Files.writeString(script, ExperimentCode.script(Framework.PYTORCH, classic, 100), StandardCharsets.UTF_8);
        PythonScripts.Result result = PythonScripts.run(List.of(python, script.toString()), dir, 15, TimeUnit.MINUTES);
        assertEquals(0, result.exitCode(), result.output());
        Map<String, Double> finals = new LinkedHashMap<>();
        Matcher m = FINAL.matcher(result.output());
        while (m.find()) {
            finals.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        assertEquals(List.of("relu", "linear"), List.copyOf(finals.keySet()), result.output());

        // The app's own range: the same experiment on seeds 1–5.
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (long seed : APP_SEEDS) {
            ModelRun run = new ModelRun("relu", classic.data(), classic.network().withActivation(Activations.RELU),
                    classic.optimizer(), classic.batchSize(), seed);
            for (int epoch = 0; epoch < 100; epoch++) {
                run.trainEpoch();
            }
            double mse = run.measure().mse();
            low = Math.min(low, mse);
            high = Math.max(high, mse);
        }
        double relu = finals.get("relu");
        // One PyTorch draw against five of the app's: a factor of 2 either side of their range.
        assertTrue(relu >= low / 2 && relu <= high * 2, "PyTorch relu mse " + relu
                + " outside the app's range over seeds 1–5 [" + low + ", " + high + "] (×½, ×2)");

        float[] x = classic.data().x();
        float[] y = classic.data().y();
        LinearCollapse.Line line = LinearCollapse.leastSquares(x, y);
        double optimum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - line.at(x[i]);
            optimum += r * r;
        }
        optimum /= x.length;
        double linear = finals.get("linear");
        assertTrue(linear >= optimum * 0.999 && linear <= optimum * 1.01,
                "PyTorch linear mse " + linear + " not within 1% of the least-squares optimum " + optimum);
    }
}
