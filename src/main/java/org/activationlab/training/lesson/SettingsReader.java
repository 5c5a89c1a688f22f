package org.activationlab.training.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads a {@code config} object of a lesson file as changes to earlier settings. */
final class SettingsReader {

    static final Set<String> FIELDS = Set.of("target", "points", "noise", "models", "depth", "width",
            "init", "initScale", "biasInit", "optimizer", "learningRate", "batchSize", "seed", "epochs",
            "speed");
    static final int MAX_EPOCHS = 1_000_000;
    static final double MAX_SPEED = 1000;

    private SettingsReader() {
    }

    /** {@code base} with every field present in {@code config} replaced. */
    static LessonSettings read(JsonFields config, LessonSettings base) throws LessonFormatException {
        TargetFunction target = config.has("target")
                ? named(config, "target", TargetFunction::byId, TargetFunction.ids()) : base.target();
        int points = config.has("points")
                ? (int) config.integer("points", Dataset.MIN_POINTS, Dataset.MAX_POINTS) : base.points();
        double noise = config.has("noise") ? config.number("noise", 0, false, 10) : base.noise();
        List<Activation> models = config.has("models") ? models(config) : base.models();
        int depth = config.has("depth") ? (int) config.integer("depth", 1, NetworkSpec.MAX_DEPTH) : base.depth();
        int width = config.has("width") ? (int) config.integer("width", 1, NetworkSpec.MAX_WIDTH) : base.width();
        Initializer init = config.has("init")
                ? named(config, "init", Initializer::byId, "glorot, he, lecun, pytorch") : base.initializer();
        double initScale = config.has("initScale") ? config.number("initScale", 0, true, 100) : base.initScale();
        double biasInit = config.has("biasInit") ? config.number("biasInit", -100, false, 100) : base.biasInit();
        OptimizerKind optimizer = config.has("optimizer")
                ? named(config, "optimizer", OptimizerKind::byId, "sgd, momentum, nesterov, rmsprop, adam")
                : base.optimizer();
        double learningRate;
        if (config.has("learningRate")) {
            learningRate = config.number("learningRate", OptimizerSpec.MIN_LEARNING_RATE, false,
                    OptimizerSpec.MAX_LEARNING_RATE);
        } else {
            learningRate = config.has("optimizer") ? optimizer.defaultLearningRate() : base.learningRate();
        }
        int batchSize = config.has("batchSize")
                ? (int) config.integer("batchSize", 1, ModelRun.MAX_BATCH) : base.batchSize();
        long seed = config.has("seed") ? config.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE) : base.seed();
        int epochs = config.has("epochs") ? (int) config.integer("epochs", 0, MAX_EPOCHS) : base.epochs();
        double speed = config.has("speed") ? speed(config) : base.speed();
        return new LessonSettings(target, points, noise, models, depth, width, init, initScale, biasInit,
                optimizer, learningRate, batchSize, seed, epochs, speed);
    }

    private static List<Activation> models(JsonFields config) throws LessonFormatException {
        JsonArray ids = config.array("models", 1, ExperimentConfig.MAX_MODELS);
        List<Activation> models = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonElement e = ids.get(i);
            String where = "models[" + i + "]";
            if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
                throw config.error(where, "must be an activation id in quotes, got " + JsonFields.describe(e));
            }
            String id = e.getAsString();
            Optional<Activation> a = Activations.byId(id);
            if (a.isEmpty()) {
                throw config.error(where, "unknown activation '" + id + "' (choose from " + Activations.ids() + ")");
            }
            models.add(a.get());
        }
        return models;
    }

    private static double speed(JsonFields config) throws LessonFormatException {
        JsonElement e = config.get("speed");
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            if (e.getAsString().strip().toLowerCase(Locale.ROOT).equals("max")) {
                return Double.POSITIVE_INFINITY;
            }
            throw config.error("speed", "must be epochs per second or \"max\", got " + JsonFields.describe(e));
        }
        return config.number("speed", 0, true, MAX_SPEED);
    }

    private static <T> T named(JsonFields config, String name, Function<String, Optional<T>> lookup,
                               String choices) throws LessonFormatException {
        JsonElement e = config.get(name);
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            throw config.error(name, "must be a name in quotes (" + choices + "), got " + JsonFields.describe(e));
        }
        return lookup.apply(e.getAsString()).orElseThrow(() -> config.error(name,
                "unknown " + name + " '" + e.getAsString() + "' (choose from " + choices + ")"));
    }
}
