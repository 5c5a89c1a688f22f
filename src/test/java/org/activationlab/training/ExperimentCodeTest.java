package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentCode.Framework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The experiment as a Keras and a PyTorch script: what each says, and that Python compiles it. */
class ExperimentCodeTest {

    @TempDir
    Path dir;

    private static final ExperimentConfig CLASSIC = ExperimentConfig.classic();

    @Test
    void theClassicKerasScriptStatesEverySettingOfTheClassicExperiment() {
        String s = ExperimentCode.script(Framework.KERAS, CLASSIC, 100);
        assertTrue(s.contains("x = np.linspace(-2 * np.pi, 2 * np.pi, 1000)"), s);
        assertTrue(s.contains("y = np.sin(x)"), s);
        assertTrue(s.contains("SEED = 42\n") && s.contains("DEPTH = 2 ") && s.contains("WIDTH = 64 ")
                && s.contains("BATCH_SIZE = 32\n") && s.contains("EPOCHS = 100\n") && s.contains("BIAS_INIT = 0.0\n"), s);
        assertTrue(s.contains("\"relu\": \"relu\",") && s.contains("\"linear\": None,"), s);
        assertTrue(s.contains("keras.initializers.GlorotUniform()"), s);
        assertTrue(s.contains("keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1.0e-7)"), s);
        assertTrue(s.contains("model.fit(x, y, epochs=EPOCHS, batch_size=BATCH_SIZE, shuffle=True"), s);
        assertTrue(s.contains("print(f\"final {name} mse={mse:.6f}\")"), s);
    }

    @Test
    void theClassicPytorchScriptStatesEverySettingOfTheClassicExperiment() {
        String s = ExperimentCode.script(Framework.PYTORCH, CLASSIC, 100);
        assertTrue(s.contains("x = np.linspace(-2 * np.pi, 2 * np.pi, 1000)"), s);
        assertTrue(s.contains("\"relu\": lambda: nn.ReLU(),") && s.contains("\"linear\": lambda: nn.Identity(),"), s);
        assertTrue(s.contains("limit = math.sqrt(6.0 / (fan_in + fan_out))\n"), s);
        assertTrue(s.contains("torch.optim.Adam(parameters, lr=0.001, betas=(0.9, 0.999), eps=1.0e-7)"), s);
        assertTrue(s.contains("torch.manual_seed(SEED)"), s);
    }

    @Test
    void activationParametersReachBothScripts() {
        ExperimentConfig config = CLASSIC.withModels(List.of(Activations.leakyRelu(0.2), Activations.elu(0.5),
                Activations.PRELU, Activations.GELU_TANH, Activations.GELU));
        String keras = ExperimentCode.script(Framework.KERAS, config, 5);
        String torch = ExperimentCode.script(Framework.PYTORCH, config, 5);
        assertTrue(keras.contains("tf.nn.leaky_relu(t, alpha=0.2)"), keras);
        assertTrue(keras.contains("keras.activations.elu(t, alpha=0.5)"), keras);
        assertTrue(keras.contains("layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25)"), keras);
        assertTrue(keras.contains("\"gelu_tanh\": lambda t: tf.nn.gelu(t, approximate=True)"), keras);
        assertTrue(keras.contains("\"gelu\": lambda t: tf.nn.gelu(t, approximate=False)"), keras);
        assertTrue(torch.contains("nn.LeakyReLU(negative_slope=0.2)"), torch);
        assertTrue(torch.contains("nn.ELU(alpha=0.5)"), torch);
        assertTrue(torch.contains("nn.PReLU(num_parameters=1, init=0.25)"), torch);
        assertTrue(torch.contains("nn.GELU(approximate=\"tanh\")") && torch.contains("lambda: nn.GELU(),"), torch);
    }

    /**
     * The variance-scaling form Keras is given has U(±√(3·scale/fan)) as its limit: checked
     * against the app's own initialiser limits at a scale factor, for fans 1→64 and 64→64.
     */
    @Test
    void kerasVarianceScalingHasTheAppsLimits() {
        Pattern p = Pattern.compile("VarianceScaling\\(scale=\\((\\S+)(?: / (\\S+))?\\) \\* 1\\.5 \\*\\* 2, mode=\"(\\w+)\"");
        for (Initializer init : Initializer.values()) {
            String code = ExperimentCode.kerasInitializer(init, 1.5);
            Matcher m = p.matcher(code);
            assertTrue(m.find(), code);
            double scale = Double.parseDouble(m.group(1)) / (m.group(2) == null ? 1 : Double.parseDouble(m.group(2)));
            scale *= 1.5 * 1.5;
            for (int[] fans : new int[][] {{1, 64}, {64, 64}, {64, 1}}) {
                double fan = m.group(3).equals("fan_avg") ? (fans[0] + fans[1]) / 2.0 : fans[0];
                assertEquals(1.5 * init.limit(fans[0], fans[1]), Math.sqrt(3 * scale / fan), 1e-12,
                        init + " " + fans[0] + "→" + fans[1]);
            }
        }
    }

    @Test
    void everyOptimizerKeepsItsHyperParameters() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            OptimizerSpec spec = new OptimizerSpec(kind, 0.003, 0.8, 0.85, 0.995, 0.7, 1e-6);
            String keras = ExperimentCode.kerasOptimizer(spec);
            String torch = ExperimentCode.torchOptimizer(spec);
            assertTrue(keras.contains("learning_rate=0.003") && torch.contains("lr=0.003"), keras + torch);
            switch (kind) {
                case MOMENTUM -> assertTrue(keras.contains("momentum=0.8)") && torch.endsWith("momentum=0.8)"));
                case NESTEROV -> assertTrue(keras.contains("nesterov=True") && torch.contains("nesterov=True"));
                case RMSPROP -> assertTrue(keras.contains("rho=0.7, epsilon=1.0e-6") && torch.contains("alpha=0.7, eps=1.0e-6"));
                case ADAM -> assertTrue(keras.contains("beta_1=0.85, beta_2=0.995, epsilon=1.0e-6")
                        && torch.contains("betas=(0.85, 0.995), eps=1.0e-6"));
                case SGD -> assertFalse(keras.contains("momentum") || torch.contains("momentum"));
                default -> throw new AssertionError(kind);
            }
        }
    }

    /** Noisy, loaded or clicked-in data is written as its points, so it is exactly the app's. */
    @Test
    void dataWithoutANoiseFreeRecipeIsWrittenPointByPoint() {
        Dataset noisy = Dataset.generate(TargetFunction.X_SIN_X, 37, -3, 4, 0.3, 9);
        String s = ExperimentCode.script(Framework.PYTORCH, CLASSIC.withData(noisy), 10);
        assertFalse(s.contains("np.linspace"), s);
        assertEquals(toList(noisy.x()), numbersOf(s, "x"));
        assertEquals(toList(noisy.y()), numbersOf(s, "y"));

        Dataset clicked = new Dataset(new float[] {-1.5f, 0f, 2.25f}, new float[] {1e-8f, -3f, 7.125f}, "3 points");
        String k = ExperimentCode.script(Framework.KERAS, CLASSIC.withData(clicked), 10);
        assertEquals(toList(clicked.x()), numbersOf(k, "x"));
        assertEquals(toList(clicked.y()), numbersOf(k, "y"));
    }

    @Test
    void generatedDataKeepsItsRangeAndTarget() {
        for (TargetFunction t : TargetFunction.values()) {
            Dataset data = Dataset.generate(t, 250, -3, 5, 0, 0);
            String s = ExperimentCode.script(Framework.KERAS, CLASSIC.withData(data), 10);
            assertTrue(s.contains("x = np.linspace(-3.0, 5.0, 250)"), s);
            assertTrue(s.contains("y = " + ExperimentCode.targetCode(t) + "\n"), s);
        }
    }

    /** Every generated script is valid Python: every activation, optimiser, initialiser and kind of data. */
    @Test
    void everyScriptCompilesWithPython() throws Exception {
        String python = PythonScripts.python();
        assumeTrue(python != null, "python3 is not installed: the generated scripts' syntax was not checked");
        List<ExperimentConfig> configs = new ArrayList<>();
        configs.add(CLASSIC);
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(Activations.GELU_TANH);
        all.add(Activations.leakyRelu(0.3));
        all.add(Activations.elu(2));
        configs.add(CLASSIC.withModels(all.subList(0, 16)));
        for (OptimizerKind kind : OptimizerKind.values()) {
            configs.add(CLASSIC.withOptimizer(OptimizerSpec.of(kind)));
        }
        for (Initializer init : Initializer.values()) {
            configs.add(CLASSIC.withNetwork(new NetworkSpec(3, 8, Activations.TANH, init, 0.5, -0.25)));
        }
        configs.add(CLASSIC.withData(Dataset.generate(TargetFunction.SAWTOOTH, 50, -1, 1, 0.2, 3)));
        configs.add(CLASSIC.withData(new Dataset(new float[] {0, 1}, new float[] {1, 0}, "two \"quoted\" points")));
        List<Path> files = new ArrayList<>();
        for (ExperimentConfig config : configs) {
            for (Framework f : Framework.values()) {
                Path file = dir.resolve(f.id() + "_" + files.size() + ".py");
                Files.writeString(file, ExperimentCode.script(f, config, 3), StandardCharsets.UTF_8);
                files.add(file);
            }
        }
        List<String> command = new ArrayList<>(List.of(python, "-m", "py_compile"));
        files.forEach(p -> command.add(p.toString()));
        PythonScripts.Result result = PythonScripts.run(command, dir, 60, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode(), result.output());

        // and the check would catch a broken script
        Path broken = dir.resolve("broken.py");
        Files.writeString(broken, ExperimentCode.script(Framework.KERAS, CLASSIC, 3).replace("def build_model(activation):",
                "def build_model(activation:"));
        assertTrue(PythonScripts.run(List.of(python, "-m", "py_compile", broken.toString()), dir, 60,
                TimeUnit.SECONDS).exitCode() != 0);
    }

    @Test
    void frameworksAreFoundByTheirIds() {
        assertEquals(Framework.KERAS, Framework.byId(" Keras ").orElseThrow());
        assertEquals(Framework.PYTORCH, Framework.byId("torch").orElseThrow());
        assertTrue(Framework.byId("jax").isEmpty());
        assertEquals("activation_lab_pytorch.py", Framework.PYTORCH.defaultFileName());
    }

    private static List<Float> toList(float[] values) {
        List<Float> list = new ArrayList<>();
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    /** The numbers of {@code name = np.array([...])} in a script. */
    private static List<Float> numbersOf(String script, String name) {
        int start = script.indexOf(name + " = np.array([");
        assertTrue(start >= 0, script);
        int end = script.indexOf("]", start);
        String body = script.substring(script.indexOf('[', start) + 1, end);
        List<Float> list = new ArrayList<>();
        for (String token : body.split("[,\\s]+")) {
            if (!token.isBlank()) {
                list.add(Float.parseFloat(token));
            }
        }
        return list;
    }
}
