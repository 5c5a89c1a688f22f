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
import org.activationlab.engine.Echo;
import org.activationlab.engine.Setting;
import org.activationlab.engine.Initializer;
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
        o.add("data", DataJson.write(c.data()));

        NetworkSpec n = c.network();
        JsonObject network = new JsonObject();
        network.addProperty(Setting.DEPTH.key(), n.depth());
        network.addProperty(Setting.WIDTH.key(), n.width());
        network.addProperty(Setting.INITIALIZER.key(), n.initializer().id());
        network.addProperty(Setting.INIT_SCALE.key(), n.initScale());
        network.addProperty(Setting.BIAS_INIT.key(), n.biasInit());
        o.add("network", network);

        JsonArray models = new JsonArray();
        for (Activation a : c.models()) {
            models.add(activation(a));
        }
        o.add("models", models);

        OptimizerSpec opt = c.optimizer();
        JsonObject optimizer = new JsonObject();
        optimizer.addProperty(Setting.OPTIMIZER.key(), opt.kind().id());
        optimizer.addProperty(Setting.LEARNING_RATE.key(), opt.learningRate());
        optimizer.addProperty(Setting.MOMENTUM.key(), opt.momentum());
        optimizer.addProperty(Setting.BETA1.key(), opt.beta1());
        optimizer.addProperty(Setting.BETA2.key(), opt.beta2());
        optimizer.addProperty(Setting.RHO.key(), opt.rho());
        optimizer.addProperty(Setting.EPSILON.key(), opt.epsilon());
        o.add("optimizer", optimizer);

        o.addProperty(Setting.BATCH_SIZE.key(), c.batchSize());
        o.addProperty(Setting.SEED.key(), c.seed());
        o.addProperty(Setting.EPOCH_LIMIT.key(), c.epochLimit());
        if (Double.isInfinite(contents.epochsPerSecond())) {
            o.addProperty(Setting.SPEED.key(), SPEED_MAX);
        } else {
            o.addProperty(Setting.SPEED.key(), contents.epochsPerSecond());
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
            o.addProperty(Setting.LEAKY_SLOPE.key(), slope.getAsDouble());
        }
        OptionalDouble alpha = ActivationParameters.eluAlpha(a);
        if (alpha.isPresent()) {
            o.addProperty(Setting.ELU_ALPHA.key(), alpha.getAsDouble());
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
        ExperimentFile.Contents contents = read(top, ExperimentFile.Contents.of(ExperimentConfig.classic()),
                warnings);
        top.reportUnknown(warnings);
        return new ExperimentFile.Opened(new ExperimentFile.Contents(contents.config(),
                contents.epochsPerSecond(), contents.switchMode(), lesson), warnings);
    }

    /**
     * The settings of {@code f} over {@code base}: every setting the object gives replaces the
     * base's, the rest stay. An experiment file is read over the classic experiment, a lesson
     * step's {@code config} over the step before it. Unknown fields of the sections are reported
     * in {@code warnings}; those of {@code f} itself are left to the caller.
     */
    static ExperimentFile.Contents read(JsonFields f, ExperimentFile.Contents base, List<String> warnings)
            throws ExperimentFileException {
        ExperimentConfig b = base.config();
        JsonFields dataFields = f.object("data");
        Dataset data = dataFields == null ? b.data() : DataJson.read(dataFields, b.data());
        List<Activation> models = models(f, b.models(), warnings);
        NetworkSpec network = network(f.object("network"), b.network().withActivation(models.get(0)), warnings);
        OptimizerSpec optimizer = optimizer(f.object("optimizer"), b.optimizer(), warnings);
        int batch = f.integer(Setting.BATCH_SIZE, b.batchSize());
        long seed = f.longInteger(Setting.SEED.key(), b.seed());
        int limit = f.integer(Setting.EPOCH_LIMIT, b.epochLimit());
        double speed = speed(f, base.epochsPerSecond());
        SwitchMode mode = switchMode(f, base.switchMode());
        if (dataFields != null) {
            dataFields.reportUnknown(warnings);
        }
        try {
            ExperimentConfig config = new ExperimentConfig(data, network, models, optimizer, batch, seed, limit);
            return new ExperimentFile.Contents(config, speed, mode, base.lessonId());
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(e.getMessage(), e);
        }
    }

    private static void checkFormat(JsonFields top, List<String> warnings) throws ExperimentFileException {
        String format = top.string("format", null);
        if (format == null) {
            throw new ExperimentFileException("not an Activation Lab experiment file: it has no \"format\" field");
        }
        if (!format.equals(ExperimentFile.FORMAT)) {
            throw new ExperimentFileException("not an Activation Lab experiment file: format is "
                    + Echo.quoted(format) + ", expected \"" + ExperimentFile.FORMAT + "\"");
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

    private static List<Activation> models(JsonFields top, List<Activation> base, List<String> warnings)
            throws ExperimentFileException {
        JsonArray array = top.array("models");
        if (array == null) {
            return base;
        }
        if (array.isEmpty() || array.size() > ExperimentConfig.MAX_MODELS) {
            throw top.error("models", "must list 1–" + ExperimentConfig.MAX_MODELS + " models, got " + array.size());
        }
        List<Activation> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(activation(array.get(i), top.name("models[" + i + "]"), warnings));
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
                throw f.error("approximation", "must be \"none\" or \"tanh\", got " + Echo.quoted(approximation));
            }
            if (tanhId && approximation.equals("none")) {
                throw f.error("approximation", "\"none\" contradicts " + f.name("activation") + " "
                        + Echo.quoted(id));
            }
            result = approximation.equals("tanh") ? Activations.GELU_TANH : Activations.GELU;
        } else if (key.equals(Activations.LEAKY_RELU.id())) {
            result = ActivationParameters.leakyRelu(f.number(Setting.LEAKY_SLOPE, Setting.LEAKY_SLOPE.defaultValue()));
        } else if (key.equals(Activations.ELU.id())) {
            result = ActivationParameters.elu(f.number(Setting.ELU_ALPHA, Setting.ELU_ALPHA.defaultValue()));
        } else {
            result = known(id, f.name("activation"));
        }
        f.reportUnknown(warnings);
        return result;
    }

    private static Activation known(String id, String field) throws ExperimentFileException {
        return Activations.byId(id).orElseThrow(() -> new ExperimentFileException(field, field
                + " must be one of " + Activations.ids() + ", got " + Echo.quoted(id), null));
    }

    private static NetworkSpec network(JsonFields f, NetworkSpec base, List<String> warnings)
            throws ExperimentFileException {
        if (f == null) {
            return base;
        }
        int depth = f.integer(Setting.DEPTH, base.depth());
        int width = f.integer(Setting.WIDTH, base.width());
        String initId = f.string(Setting.INITIALIZER.key(), base.initializer().id());
        Initializer initializer = Initializer.byId(initId).orElseThrow(() -> f.error(Setting.INITIALIZER.key(),
                "must be one of " + ids(Initializer.values()) + ", got " + Echo.quoted(initId)));
        double scale = f.number(Setting.INIT_SCALE, base.initScale());
        double bias = f.number(Setting.BIAS_INIT, base.biasInit());
        f.reportUnknown(warnings);
        return new NetworkSpec(depth, width, base.activation(), initializer, scale, bias);
    }

    private static OptimizerSpec optimizer(JsonFields f, OptimizerSpec base, List<String> warnings)
            throws ExperimentFileException {
        if (f == null) {
            return base;
        }
        String kindId = f.string(Setting.OPTIMIZER.key(), base.kind().id());
        OptimizerKind kind = OptimizerKind.byId(kindId).orElseThrow(() -> f.error(Setting.OPTIMIZER.key(),
                "must be one of " + ids(OptimizerKind.values()) + ", got " + Echo.quoted(kindId)));
        // Another optimiser without a learning rate gets its own default, not the old one's rate.
        double rate = kind == base.kind() ? base.learningRate() : kind.defaultLearningRate();
        double lr = f.number(Setting.LEARNING_RATE, rate);
        double momentum = f.number(Setting.MOMENTUM, base.momentum());
        double beta1 = f.number(Setting.BETA1, base.beta1());
        double beta2 = f.number(Setting.BETA2, base.beta2());
        double rho = f.number(Setting.RHO, base.rho());
        double epsilon = f.number(Setting.EPSILON, base.epsilon());
        f.reportUnknown(warnings);
        return new OptimizerSpec(kind, lr, momentum, beta1, beta2, rho, epsilon);
    }

    private static double speed(JsonFields top, double base) throws ExperimentFileException {
        JsonElement e = top.get(Setting.SPEED.key());
        if (e instanceof JsonPrimitive p && p.isString()) {
            if (p.getAsString().strip().equalsIgnoreCase(SPEED_MAX)) {
                return Double.POSITIVE_INFINITY;
            }
            throw top.error(Setting.SPEED.key(), "must be epochs per second " + Setting.SPEED.rangeText()
                    + " or \"" + SPEED_MAX + "\", got " + JsonFields.describe(e));
        }
        if (e == null) {
            return base;
        }
        double v = JsonFields.finite(top.name(Setting.SPEED.key()), e);
        if (!Setting.SPEED.accepts(v)) {
            throw top.error(Setting.SPEED.key(), "must be " + Setting.SPEED.rangeText() + " epochs per second (or \""
                    + SPEED_MAX + "\"), got " + JsonFields.literal(e));
        }
        return v;
    }

    private static SwitchMode switchMode(JsonFields top, SwitchMode base) throws ExperimentFileException {
        String text = top.string("switch_mode", base.name().toLowerCase(Locale.ROOT));
        for (SwitchMode m : SwitchMode.values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw top.error("switch_mode", "must be one of " + ids(SwitchMode.values()) + ", got " + Echo.quoted(text));
    }

    private static String ids(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v instanceof OptimizerKind k ? k.id()
                : v instanceof Initializer i ? i.id() : v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
