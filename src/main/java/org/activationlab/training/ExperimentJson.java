package org.activationlab.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.activationlab.engine.Activation;
import org.activationlab.engine.ActivationParameters;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The mapping between an experiment and the JSON tree of its file (the schema is described on
 * {@link ExperimentFile}). Reading checks every value and names the field in errors; fields it
 * does not know are skipped with a warning, and a missing setting takes the classic experiment's
 * value.
 */
final class ExperimentJson {

    static final String SPEED_MAX = "max";

    private ExperimentJson() {
    }

    static JsonObject write(ExperimentFile.Contents contents) {
        ExperimentConfig c = contents.config();
        JsonObject o = new JsonObject();
        o.addProperty("format", ExperimentFile.FORMAT);
        o.addProperty("version", ExperimentFile.VERSION);
        o.add("lesson", contents.lessonId() == null ? JsonNull.INSTANCE : new JsonPrimitive(contents.lessonId()));
        o.add("data", DataJson.write(c.data(), c.seed()));

        NetworkSpec n = c.network();
        JsonObject network = new JsonObject();
        network.addProperty("depth", n.depth());
        network.addProperty("width", n.width());
        network.addProperty("initializer", n.initializer().id());
        network.addProperty("init_scale", n.initScale());
        network.addProperty("bias_init", n.biasInit());
        o.add("network", network);

        JsonArray models = new JsonArray();
        for (Activation a : c.models()) {
            models.add(activation(a));
        }
        o.add("models", models);

        OptimizerSpec opt = c.optimizer();
        JsonObject optimizer = new JsonObject();
        optimizer.addProperty("kind", opt.kind().id());
        optimizer.addProperty("learning_rate", opt.learningRate());
        optimizer.addProperty("momentum", opt.momentum());
        optimizer.addProperty("beta1", opt.beta1());
        optimizer.addProperty("beta2", opt.beta2());
        optimizer.addProperty("rho", opt.rho());
        optimizer.addProperty("epsilon", opt.epsilon());
        o.add("optimizer", optimizer);

        o.addProperty("batch_size", c.batchSize());
        o.addProperty("seed", c.seed());
        o.addProperty("epoch_limit", c.epochLimit());
        if (Double.isInfinite(contents.epochsPerSecond())) {
            o.addProperty("speed", SPEED_MAX);
        } else {
            o.addProperty("speed", contents.epochsPerSecond());
        }
        o.addProperty("switch_mode", contents.switchMode().name().toLowerCase(Locale.ROOT));
        return o;
    }

    private static JsonObject activation(Activation a) {
        JsonObject o = new JsonObject();
        boolean gelu = a == Activations.GELU || a == Activations.GELU_TANH;
        o.addProperty("activation", gelu ? Activations.GELU.id() : a.id());
        OptionalDouble slope = ActivationParameters.leakySlope(a);
        if (slope.isPresent()) {
            o.addProperty("slope", slope.getAsDouble());
        }
        OptionalDouble alpha = ActivationParameters.eluAlpha(a);
        if (alpha.isPresent()) {
            o.addProperty("alpha", alpha.getAsDouble());
        }
        if (gelu) {
            o.addProperty("approximation", a == Activations.GELU_TANH ? "tanh" : "none");
        }
        return o;
    }

    static ExperimentFile.Opened read(JsonElement root) throws ExperimentFileException {
        List<String> warnings = new ArrayList<>();
        JsonFields top = JsonFields.of(root, "");
        checkFormat(top, warnings);
        String lesson = top.string("lesson", null);

        ExperimentConfig classic = ExperimentConfig.classic();
        JsonFields dataFields = top.object("data");
        Dataset data = dataFields == null ? classic.data() : DataJson.read(dataFields);
        List<Activation> models = models(top, warnings);
        NetworkSpec network = network(top.object("network"), models.get(0), warnings);
        OptimizerSpec optimizer = optimizer(top.object("optimizer"), warnings);
        int batch = top.integer("batch_size", classic.batchSize(), 1, ModelRun.MAX_BATCH);
        long seed = top.longInteger("seed", classic.seed());
        int limit = top.integer("epoch_limit", classic.epochLimit(), 0, Integer.MAX_VALUE);
        double speed = speed(top);
        SwitchMode mode = switchMode(top);
        if (dataFields != null) {
            dataFields.reportUnknown(warnings);
        }
        top.reportUnknown(warnings);
        ExperimentConfig config;
        try {
            config = new ExperimentConfig(data, network, models, optimizer, batch, seed, limit);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(e.getMessage(), e);
        }
        return new ExperimentFile.Opened(new ExperimentFile.Contents(config, speed, mode, lesson), warnings);
    }

    private static void checkFormat(JsonFields top, List<String> warnings) throws ExperimentFileException {
        String format = top.string("format", null);
        if (format == null) {
            throw new ExperimentFileException("not an Activation Lab experiment file: it has no \"format\" field");
        }
        if (!format.equals(ExperimentFile.FORMAT)) {
            throw new ExperimentFileException("not an Activation Lab experiment file: format is \""
                    + format + "\", expected \"" + ExperimentFile.FORMAT + "\"");
        }
        if (!top.has("version")) {
            throw new ExperimentFileException("version is missing");
        }
        int version = top.integer("version", ExperimentFile.VERSION, 1, Integer.MAX_VALUE);
        if (version > ExperimentFile.VERSION) {
            warnings.add("the file is version " + version + " of the format, written by a newer "
                    + "Activation Lab; this one reads version " + ExperimentFile.VERSION
                    + " and opened the settings it knows");
        }
    }

    private static List<Activation> models(JsonFields top, List<String> warnings) throws ExperimentFileException {
        JsonArray array = top.array("models");
        if (array == null) {
            return ExperimentConfig.classic().models();
        }
        if (array.isEmpty() || array.size() > ExperimentConfig.MAX_MODELS) {
            throw new ExperimentFileException("models must list 1–" + ExperimentConfig.MAX_MODELS
                    + " models, got " + array.size());
        }
        List<Activation> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(activation(array.get(i), "models[" + i + "]", warnings));
        }
        return list;
    }

    /** A model: {@code {"activation": "leaky_relu", "slope": 0.2}}, or just {@code "relu"}. */
    static Activation activation(JsonElement e, String path, List<String> warnings)
            throws ExperimentFileException {
        if (e instanceof JsonPrimitive p && p.isString()) {
            return known(p.getAsString(), path);
        }
        JsonFields f = JsonFields.of(e, path);
        String id = f.requiredString("activation");
        String key = id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        Activation result;
        if (key.equals(Activations.GELU.id()) || key.equals(Activations.GELU_TANH.id())) {
            boolean tanhId = key.equals(Activations.GELU_TANH.id());
            String approximation = f.string("approximation", tanhId ? "tanh" : "none");
            if (!approximation.equals("none") && !approximation.equals("tanh")) {
                throw new ExperimentFileException(f.name("approximation")
                        + " must be \"none\" or \"tanh\", got \"" + approximation + "\"");
            }
            if (tanhId && approximation.equals("none")) {
                throw new ExperimentFileException(f.name("approximation") + " \"none\" contradicts "
                        + f.name("activation") + " \"" + id + "\"");
            }
            result = approximation.equals("tanh") ? Activations.GELU_TANH : Activations.GELU;
        } else if (key.equals(Activations.LEAKY_RELU.id())) {
            result = ActivationParameters.leakyRelu(f.number("slope", Activations.LEAKY_SLOPE_DEFAULT,
                    v -> v >= 0 && v < 1, "in [0, 1)"));
        } else if (key.equals(Activations.ELU.id())) {
            result = ActivationParameters.elu(f.number("alpha", 1.0, v -> v > 0 && v <= 10, "in (0, 10]"));
        } else {
            result = known(id, f.name("activation"));
        }
        f.reportUnknown(warnings);
        return result;
    }

    private static Activation known(String id, String field) throws ExperimentFileException {
        return Activations.byId(id).orElseThrow(() -> new ExperimentFileException(field
                + " must be one of " + Activations.ids() + ", got \"" + id + "\""));
    }

    private static NetworkSpec network(JsonFields f, Activation first, List<String> warnings)
            throws ExperimentFileException {
        NetworkSpec classic = NetworkSpec.classic(first);
        if (f == null) {
            return classic;
        }
        int depth = f.integer("depth", classic.depth(), 1, NetworkSpec.MAX_DEPTH);
        int width = f.integer("width", classic.width(), 1, NetworkSpec.MAX_WIDTH);
        String initId = f.string("initializer", classic.initializer().id());
        Initializer initializer = Initializer.byId(initId).orElseThrow(() -> new ExperimentFileException(
                f.name("initializer") + " must be one of " + ids(Initializer.values()) + ", got \"" + initId + "\""));
        double scale = f.number("init_scale", classic.initScale(), v -> v > 0 && v <= 100, "in (0, 100]");
        double bias = f.number("bias_init", classic.biasInit(), v -> Math.abs(v) <= 100, "in [-100, 100]");
        f.reportUnknown(warnings);
        return new NetworkSpec(depth, width, first, initializer, scale, bias);
    }

    private static OptimizerSpec optimizer(JsonFields f, List<String> warnings) throws ExperimentFileException {
        OptimizerSpec classic = ExperimentConfig.classic().optimizer();
        if (f == null) {
            return classic;
        }
        String kindId = f.string("kind", classic.kind().id());
        OptimizerKind kind = OptimizerKind.byId(kindId).orElseThrow(() -> new ExperimentFileException(
                f.name("kind") + " must be one of " + ids(OptimizerKind.values()) + ", got \"" + kindId + "\""));
        OptimizerSpec d = OptimizerSpec.of(kind);
        double lr = f.number("learning_rate", d.learningRate(), v -> v >= OptimizerSpec.MIN_LEARNING_RATE
                && v <= OptimizerSpec.MAX_LEARNING_RATE, "in [1e-7, 10]");
        double momentum = fraction(f, "momentum", d.momentum());
        double beta1 = fraction(f, "beta1", d.beta1());
        double beta2 = fraction(f, "beta2", d.beta2());
        double rho = fraction(f, "rho", d.rho());
        double epsilon = f.number("epsilon", d.epsilon(), v -> v > 0, "> 0");
        f.reportUnknown(warnings);
        return new OptimizerSpec(kind, lr, momentum, beta1, beta2, rho, epsilon);
    }

    private static double fraction(JsonFields f, String key, double fallback) throws ExperimentFileException {
        return f.number(key, fallback, v -> v >= 0 && v < 1, "in [0, 1)");
    }

    private static double speed(JsonFields top) throws ExperimentFileException {
        JsonElement e = top.get("speed");
        if (e instanceof JsonPrimitive p && p.isString() && p.getAsString().equals(SPEED_MAX)) {
            return Double.POSITIVE_INFINITY;
        }
        return top.number("speed", Trainer.DEFAULT_SPEED, v -> v > 0,
                "> 0 epochs per second (or \"" + SPEED_MAX + "\")");
    }

    private static SwitchMode switchMode(JsonFields top) throws ExperimentFileException {
        String text = top.string("switch_mode", SwitchMode.RESTART.name().toLowerCase(Locale.ROOT));
        for (SwitchMode m : SwitchMode.values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new ExperimentFileException("switch_mode must be one of " + ids(SwitchMode.values())
                + ", got \"" + text + "\"");
    }

    private static String ids(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v instanceof OptimizerKind k ? k.id()
                : v instanceof Initializer i ? i.id() : v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
