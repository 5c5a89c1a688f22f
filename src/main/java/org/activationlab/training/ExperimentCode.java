package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.ActivationParameters;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The experiment as code: a runnable Keras or PyTorch script that builds the same data, the same
 * networks (shape, activations and their parameters, initialisers, bias init), the same optimiser
 * with the same hyper-parameters, batch size, epochs and seed, trains every model and prints one
 * {@code final <model> mse=<value>} line per model, as {@code train} does.
 *
 * <p>What cannot be the same: the random draws. Keras and PyTorch have their own generators, so
 * the initial weights and the shuffling follow the same distributions but not the same numbers;
 * the scripts say so, and a run lands near the app's figures, not on them. Generated data without
 * noise is written as its recipe (a {@code linspace} and the formula); anything else (noisy,
 * loaded or clicked-in points) as the points themselves, so the data is exactly the app's.
 */
public final class ExperimentCode {

    /** The frameworks a script can be written for. */
    public enum Framework {
        KERAS("keras", "Keras"), PYTORCH("pytorch", "PyTorch");

        private final String id;
        private final String displayName;

        Framework(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }

        public String id() {
            return id;
        }

        public String displayName() {
            return displayName;
        }

        /** The file name a script is saved under by default, e.g. {@code activation_lab_keras.py}. */
        public String defaultFileName() {
            return "activation_lab_" + id + ".py";
        }

        public static Optional<Framework> byId(String id) {
            String key = id.strip().toLowerCase(Locale.ROOT);
            for (Framework f : values()) {
                if (f.id.equals(key) || (f == PYTORCH && key.equals("torch"))
                        || (f == KERAS && key.equals("tensorflow"))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** Points per line when the data is written out as numbers. */
    private static final int NUMBERS_PER_LINE = 8;

    private ExperimentCode() {
    }

    /**
     * The script for {@code framework}.
     *
     * @param epochs epochs to train (the app's epoch limit, or the command line's {@code --epochs})
     */
    public static String script(Framework framework, ExperimentConfig config, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        return framework == Framework.KERAS ? keras(config, epochs) : pytorch(config, epochs);
    }

    /** The epochs a script trains for: the epoch limit, or 100 when there is none. */
    public static int epochsOf(ExperimentConfig config) {
        return config.epochLimit() > 0 ? config.epochLimit() : ExperimentConfig.DEFAULT_EPOCH_LIMIT;
    }

    // ---------------------------------------------------------------------------------- Keras

    static String keras(ExperimentConfig config, int epochs) {
        NetworkSpec net = config.network();
        StringBuilder s = new StringBuilder();
        header(s, config, epochs, "Keras (TensorFlow 2)", "pip install tensorflow numpy");
        s.append("import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n");
        s.append("from tensorflow.keras import layers\n\n");
        constants(s, config, epochs);
        data(s, config.data());
        s.append("x = x.reshape(-1, 1)\ny = y.reshape(-1, 1)\n\n");

        s.append("# Every hidden layer's activation, per model; None is no activation at all.\n");
        s.append("ACTIVATIONS = {\n");
        List<String> names = config.modelNames();
        for (int i = 0; i < names.size(); i++) {
            s.append("    ").append(py(names.get(i))).append(": ").append(kerasActivation(config.models().get(i)))
                    .append(",\n");
        }
        s.append("}\n\n\n");

        s.append("def kernel_init():\n");
        s.append("    # ").append(net.initializer().displayName()).append(": U(±limit), limit = ")
                .append(net.initializer().limitFormula())
                .append(net.initScale() == 1 ? "" : " × " + num(net.initScale())).append("\n");
        s.append("    return ").append(kerasInitializer(net.initializer(), net.initScale())).append("\n\n\n");

        s.append("def make_optimizer():\n    return ").append(kerasOptimizer(config.optimizer())).append("\n\n\n");

        s.append("def build_model(activation):\n");
        s.append("    model = keras.Sequential([keras.Input(shape=(1,))])\n");
        s.append("    for _ in range(DEPTH):\n");
        s.append("        if activation == \"prelu\":\n");
        s.append("            # PReLU learns one slope per layer, starting at ")
                .append(num(Activations.PRELU_INITIAL_SLOPE)).append(".\n");
        s.append("            model.add(layers.Dense(WIDTH, kernel_initializer=kernel_init(),\n");
        s.append("                                   bias_initializer=keras.initializers.Constant(BIAS_INIT)))\n");
        s.append("            model.add(layers.PReLU(alpha_initializer=keras.initializers.Constant(")
                .append(num(Activations.PRELU_INITIAL_SLOPE)).append("),\n");
        s.append("                                   shared_axes=[1]))\n");
        s.append("        else:\n");
        s.append("            model.add(layers.Dense(WIDTH, activation=activation, kernel_initializer=kernel_init(),\n");
        s.append("                                   bias_initializer=keras.initializers.Constant(BIAS_INIT)))\n");
        s.append("    model.add(layers.Dense(1, kernel_initializer=kernel_init(),\n");
        s.append("                           bias_initializer=keras.initializers.Constant(BIAS_INIT)))\n");
        s.append("    model.compile(optimizer=make_optimizer(), loss=\"mse\")\n");
        s.append("    return model\n\n\n");

        s.append("results = {}\n");
        s.append("for name, activation in ACTIVATIONS.items():\n");
        s.append("    keras.utils.set_random_seed(SEED)  # the same initial weights for every model\n");
        s.append("    model = build_model(activation)\n");
        s.append("    model.fit(x, y, epochs=EPOCHS, batch_size=BATCH_SIZE, shuffle=True, verbose=2)\n");
        s.append("    results[name] = float(np.mean((model.predict(x, verbose=0) - y) ** 2))\n\n");
        s.append("for name, mse in results.items():\n");
        s.append("    print(f\"final {name} mse={mse:.6f}\")\n");
        return s.toString();
    }

    static String kerasActivation(Activation a) {
        String id = a.id();
        if (id.equals("leaky_relu")) {
            double slope = ActivationParameters.leakySlope(a).orElse(Activations.LEAKY_SLOPE_DEFAULT);
            return "lambda t: tf.nn.leaky_relu(t, alpha=" + num(slope) + ")";
        }
        if (id.equals("elu")) {
            double alpha = ActivationParameters.eluAlpha(a).orElse(1.0);
            return alpha == 1.0 ? "\"elu\"" : "lambda t: keras.activations.elu(t, alpha=" + num(alpha) + ")";
        }
        return switch (id) {
            case "relu", "selu", "sigmoid", "tanh", "softplus", "softmax" -> "\"" + id + "\"";
            case "prelu" -> "\"prelu\"";
            case "gelu" -> "lambda t: tf.nn.gelu(t, approximate=False)";
            case "gelu_tanh" -> "lambda t: tf.nn.gelu(t, approximate=True)";
            case "silu" -> "\"swish\"";
            case "mish" -> "lambda t: t * tf.math.tanh(tf.math.softplus(t))";
            case "linear" -> "None";
            default -> throw new IllegalArgumentException("no Keras form for activation " + id);
        };
    }

    /**
     * Keras' initialisers as variance scaling: U(±√(3·scale/fan)) has the limits of Glorot
     * (scale 1, fan_avg), He (2, fan_in), LeCun (1, fan_in) and PyTorch's default (1/3, fan_in);
     * a factor f on the limit is f² on the scale.
     */
    static String kerasInitializer(Initializer init, double factor) {
        if (factor == 1) {
            switch (init) {
                case GLOROT_UNIFORM:
                    return "keras.initializers.GlorotUniform()";
                case HE_UNIFORM:
                    return "keras.initializers.HeUniform()";
                case LECUN_UNIFORM:
                    return "keras.initializers.LecunUniform()";
                default:
                    break;
            }
        }
        String scale = switch (init) {
            case GLOROT_UNIFORM, LECUN_UNIFORM -> "1.0";
            case HE_UNIFORM -> "2.0";
            case PYTORCH_DEFAULT -> "1.0 / 3.0";
        };
        String mode = init == Initializer.GLOROT_UNIFORM ? "fan_avg" : "fan_in";
        String scaled = factor == 1 ? scale : "(" + scale + ") * " + num(factor) + " ** 2";
        return "keras.initializers.VarianceScaling(scale=" + scaled + ", mode=\"" + mode
                + "\", distribution=\"uniform\")";
    }

    static String kerasOptimizer(OptimizerSpec o) {
        String lr = num(o.learningRate());
        return switch (o.kind()) {
            case SGD -> "keras.optimizers.SGD(learning_rate=" + lr + ")";
            case MOMENTUM -> "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + num(o.momentum()) + ")";
            case NESTEROV -> "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + num(o.momentum())
                    + ", nesterov=True)";
            case RMSPROP -> "keras.optimizers.RMSprop(learning_rate=" + lr + ", rho=" + num(o.rho())
                    + ", epsilon=" + num(o.epsilon()) + ")";
            case ADAM -> "keras.optimizers.Adam(learning_rate=" + lr + ", beta_1=" + num(o.beta1())
                    + ", beta_2=" + num(o.beta2()) + ", epsilon=" + num(o.epsilon()) + ")";
        };
    }

    // -------------------------------------------------------------------------------- PyTorch

    static String pytorch(ExperimentConfig config, int epochs) {
        NetworkSpec net = config.network();
        StringBuilder s = new StringBuilder();
        header(s, config, epochs, "PyTorch", "pip install torch numpy");
        s.append("import math\n\nimport numpy as np\nimport torch\nfrom torch import nn\n\n");
        constants(s, config, epochs);
        data(s, config.data());
        s.append("X = torch.from_numpy(x).reshape(-1, 1)\nY = torch.from_numpy(y).reshape(-1, 1)\n\n");

        s.append("# Every hidden layer's activation, per model (a new module for each layer).\n");
        s.append("ACTIVATIONS = {\n");
        List<String> names = config.modelNames();
        for (int i = 0; i < names.size(); i++) {
            s.append("    ").append(py(names.get(i))).append(": lambda: ")
                    .append(torchActivation(config.models().get(i))).append(",\n");
        }
        s.append("}\n\n\n");

        s.append("def init_layer(layer):\n");
        s.append("    # ").append(net.initializer().displayName()).append(": U(±limit), limit = ")
                .append(net.initializer().limitFormula())
                .append(net.initScale() == 1 ? "" : " × " + num(net.initScale())).append("\n");
        s.append("    fan_in, fan_out = layer.in_features, layer.out_features\n");
        s.append("    limit = ").append(torchLimit(net.initializer()))
                .append(net.initScale() == 1 ? "" : " * " + num(net.initScale())).append("\n");
        s.append("    nn.init.uniform_(layer.weight, -limit, limit)\n");
        s.append("    nn.init.constant_(layer.bias, BIAS_INIT)\n\n\n");

        s.append("def build_model(make_activation):\n");
        s.append("    modules, fan_in = [], 1\n");
        s.append("    for _ in range(DEPTH):\n");
        s.append("        modules += [nn.Linear(fan_in, WIDTH), make_activation()]\n");
        s.append("        fan_in = WIDTH\n");
        s.append("    modules.append(nn.Linear(fan_in, 1))\n");
        s.append("    model = nn.Sequential(*modules)\n");
        s.append("    for module in model:\n");
        s.append("        if isinstance(module, nn.Linear):\n");
        s.append("            init_layer(module)\n");
        s.append("    return model\n\n\n");

        s.append("def make_optimizer(parameters):\n");
        s.append(torchOptimizerComment(config.optimizer()));
        s.append("    return ").append(torchOptimizer(config.optimizer())).append("\n\n\n");

        s.append("def train(make_activation):\n");
        s.append("    torch.manual_seed(SEED)  # the same initial weights for every model\n");
        s.append("    model = build_model(make_activation)\n");
        s.append("    optimizer = make_optimizer(model.parameters())\n");
        s.append("    loss_fn = nn.MSELoss()\n");
        s.append("    shuffle = torch.Generator().manual_seed(SEED)\n");
        s.append("    n = X.shape[0]\n");
        s.append("    for epoch in range(1, EPOCHS + 1):\n");
        s.append("        # As Keras' fit: reshuffle every epoch, keep the last partial batch.\n");
        s.append("        order = torch.randperm(n, generator=shuffle)\n");
        s.append("        total = 0.0\n");
        s.append("        for start in range(0, n, BATCH_SIZE):\n");
        s.append("            batch = order[start:start + BATCH_SIZE]\n");
        s.append("            optimizer.zero_grad()\n");
        s.append("            loss = loss_fn(model(X[batch]), Y[batch])\n");
        s.append("            loss.backward()\n");
        s.append("            optimizer.step()\n");
        s.append("            total += loss.item() * len(batch)\n");
        s.append("        if epoch == 1 or epoch % max(1, EPOCHS // 10) == 0 or epoch == EPOCHS:\n");
        s.append("            print(f\"Epoch {epoch}/{EPOCHS} - loss: {total / n:.4g}\")\n");
        s.append("    with torch.no_grad():\n");
        s.append("        return loss_fn(model(X), Y).item()\n\n\n");

        s.append("results = {name: train(make_activation) for name, make_activation in ACTIVATIONS.items()}\n");
        s.append("for name, mse in results.items():\n");
        s.append("    print(f\"final {name} mse={mse:.6f}\")\n");
        return s.toString();
    }

    static String torchActivation(Activation a) {
        String id = a.id();
        if (id.equals("leaky_relu")) {
            double slope = ActivationParameters.leakySlope(a).orElse(Activations.LEAKY_SLOPE_DEFAULT);
            return "nn.LeakyReLU(negative_slope=" + num(slope) + ")";
        }
        if (id.equals("elu")) {
            return "nn.ELU(alpha=" + num(ActivationParameters.eluAlpha(a).orElse(1.0)) + ")";
        }
        return switch (id) {
            case "relu" -> "nn.ReLU()";
            case "prelu" -> "nn.PReLU(num_parameters=1, init=" + num(Activations.PRELU_INITIAL_SLOPE) + ")";
            case "selu" -> "nn.SELU()";
            case "gelu" -> "nn.GELU()";
            case "gelu_tanh" -> "nn.GELU(approximate=\"tanh\")";
            case "silu" -> "nn.SiLU()";
            case "sigmoid" -> "nn.Sigmoid()";
            case "tanh" -> "nn.Tanh()";
            case "softplus" -> "nn.Softplus()";
            case "mish" -> "nn.Mish()";
            case "softmax" -> "nn.Softmax(dim=1)";
            case "linear" -> "nn.Identity()";
            default -> throw new IllegalArgumentException("no PyTorch form for activation " + id);
        };
    }

    private static String torchLimit(Initializer init) {
        return switch (init) {
            case GLOROT_UNIFORM -> "math.sqrt(6.0 / (fan_in + fan_out))";
            case HE_UNIFORM -> "math.sqrt(6.0 / fan_in)";
            case LECUN_UNIFORM -> "math.sqrt(3.0 / fan_in)";
            case PYTORCH_DEFAULT -> "1.0 / math.sqrt(fan_in)";
        };
    }

    static String torchOptimizer(OptimizerSpec o) {
        String lr = num(o.learningRate());
        return switch (o.kind()) {
            case SGD -> "torch.optim.SGD(parameters, lr=" + lr + ")";
            case MOMENTUM -> "torch.optim.SGD(parameters, lr=" + lr + ", momentum=" + num(o.momentum()) + ")";
            case NESTEROV -> "torch.optim.SGD(parameters, lr=" + lr + ", momentum=" + num(o.momentum())
                    + ", nesterov=True)";
            case RMSPROP -> "torch.optim.RMSprop(parameters, lr=" + lr + ", alpha=" + num(o.rho())
                    + ", eps=" + num(o.epsilon()) + ")";
            case ADAM -> "torch.optim.Adam(parameters, lr=" + lr + ", betas=(" + num(o.beta1()) + ", "
                    + num(o.beta2()) + "), eps=" + num(o.epsilon()) + ")";
        };
    }

    private static String torchOptimizerComment(OptimizerSpec o) {
        return switch (o.kind()) {
            case MOMENTUM, NESTEROV -> "    # PyTorch keeps lr outside its velocity; for a fixed lr the steps equal Keras'.\n";
            case RMSPROP -> "    # Keras' hyper-parameters (rho = PyTorch's alpha; PyTorch's own default is 0.99).\n";
            case ADAM -> "    # Keras' epsilon (PyTorch's own default is 1e-8).\n";
            default -> "";
        };
    }

    // -------------------------------------------------------------------------------- shared

    private static void header(StringBuilder s, ExperimentConfig config, int epochs, String framework,
                               String install) {
        NetworkSpec net = config.network();
        s.append("# Activation Lab experiment as a ").append(framework).append(" script.\n");
        s.append("# ").append(String.join(" vs ", config.modelNames())).append(" on ")
                .append(config.data().size()).append(" points of ").append(oneLine(config.data().description()))
                .append(": ").append(net.shapeText()).append(", ").append(config.optimizer().kind().displayName())
                .append(" lr=").append(num(config.optimizer().learningRate())).append(", batch ")
                .append(config.batchSize()).append(", ").append(epochs).append(" epochs, seed ")
                .append(config.seed()).append(".\n");
        s.append("# Needs: ").append(install).append("\n");
        s.append("# The settings are the app's; the random draws (initial weights, shuffling) are this\n");
        s.append("# framework's own, so the losses land near the app's figures, not on them.\n\n");
    }

    private static void constants(StringBuilder s, ExperimentConfig config, int epochs) {
        NetworkSpec net = config.network();
        s.append("SEED = ").append(config.seed()).append("\n");
        s.append("DEPTH = ").append(net.depth()).append("  # hidden layers\n");
        s.append("WIDTH = ").append(net.width()).append("  # units per hidden layer\n");
        s.append("BIAS_INIT = ").append(num(net.biasInit())).append("\n");
        s.append("BATCH_SIZE = ").append(config.batchSize()).append("\n");
        s.append("EPOCHS = ").append(epochs).append("\n\n");
    }

    /** {@code x} and {@code y} as float32 numpy arrays: the recipe, or the points themselves. */
    private static void data(StringBuilder s, Dataset data) {
        Optional<Dataset.Recipe> recipe = data.recipe().filter(r -> r.noise() == 0);
        if (recipe.isPresent()) {
            Dataset.Recipe r = recipe.get();
            s.append("# ").append(r.points()).append(" evenly spaced points of ").append(r.target().displayName())
                    .append(" on [").append(rangeText(r.minX())).append(", ").append(rangeText(r.maxX()))
                    .append("].\n");
            s.append("x = np.linspace(").append(rangeCode(r.minX())).append(", ").append(rangeCode(r.maxX()))
                    .append(", ").append(r.points()).append(")\n");
            s.append("y = ").append(targetCode(r.target())).append("\n");
            s.append("x, y = x.astype(np.float32), y.astype(np.float32)\n\n");
            return;
        }
        s.append("# The app's ").append(data.size()).append(" training points (").append(oneLine(data.description()))
                .append(data.noise() > 0 ? ", noise drawn by the app" : "").append(").\n");
        s.append("x = ").append(floatArray(data.x())).append("\n");
        s.append("y = ").append(floatArray(data.y())).append("\n\n");
    }

    static String targetCode(TargetFunction target) {
        return switch (target) {
            case SIN -> "np.sin(x)";
            case ABS -> "np.abs(x)";
            case SQUARE -> "x ** 2";
            case SQUARE_WAVE -> "np.where(np.sin(x) >= 0, 1.0, -1.0)";
            case SAWTOOTH -> "2 * (x / (2 * np.pi) - np.floor(x / (2 * np.pi) + 0.5))";
            case STEP -> "np.where(x >= 0, 1.0, 0.0)";
            case X_SIN_X -> "x * np.sin(x)";
            case GAUSSIAN_BUMP -> "np.exp(-0.5 * x ** 2)";
        };
    }

    private static String rangeCode(double v) {
        if (v == 2 * Math.PI) {
            return "2 * np.pi";
        }
        if (v == -2 * Math.PI) {
            return "-2 * np.pi";
        }
        return num(v);
    }

    private static String rangeText(double v) {
        if (Math.abs(v) == 2 * Math.PI) {
            return (v < 0 ? "-" : "") + "2π";
        }
        return num(v);
    }

    private static String floatArray(float[] values) {
        StringBuilder sb = new StringBuilder("np.array([");
        for (int i = 0; i < values.length; i++) {
            if (i % NUMBERS_PER_LINE == 0) {
                sb.append("\n    ");
            } else {
                sb.append(' ');
            }
            sb.append(Float.toString(values[i])).append(',');
        }
        return sb.append("\n], dtype=np.float32)").toString();
    }

    /** A Python literal for a number: {@code 0.001}, {@code 1e-07}, {@code 2}. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        String text = Double.toString(v);
        return text.replace("E", "e");
    }

    /** Text for a comment line: a file name with a line break must not end the comment. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u2028\\u2029\\x00-\\x1f]+", " ");
    }

    /** A Python string literal. */
    static String py(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
