package org.activationlab.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;

import java.util.List;
import java.util.Optional;

/**
 * The {@code data} section of an experiment file. Generated data is stored as its recipe
 * ({@code kind: "generated"}: target, points, x range, noise and the noise's seed), everything else
 * (loaded from CSV, edited, clicked) as the points themselves ({@code kind: "points"}).
 *
 * <p>A dataset does not remember how it was generated, so the writer finds the recipe by
 * generating the candidates (the default and the data's own x range; for noisy data the
 * experiment's seed and 0) and keeping one only if it gives exactly the same points. Whatever it
 * writes therefore reproduces the data bit for bit; when no recipe does, the points are stored.
 */
final class DataJson {

    static final String GENERATED = "generated";
    static final String POINTS = "points";

    private DataJson() {
    }

    /** How generated data was made. */
    record Recipe(TargetFunction target, int points, double minX, double maxX, double noise,
                  long noiseSeed) {
        Dataset generate() {
            return Dataset.generate(target, points, minX, maxX, noise, noiseSeed);
        }
    }

    /** The recipe that generates exactly {@code data}, if there is one. */
    static Optional<Recipe> recipeOf(Dataset data, long experimentSeed) {
        Optional<TargetFunction> target = data.target();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        double[][] ranges = {{Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X}, {data.minX(), data.maxX()}};
        long[] seeds = data.noise() > 0 ? new long[] {experimentSeed, 0} : new long[] {0};
        for (double[] range : ranges) {
            for (long seed : seeds) {
                Recipe recipe = new Recipe(target.get(), data.size(), range[0], range[1], data.noise(), seed);
                try {
                    if (recipe.generate().equals(data)) {
                        return Optional.of(recipe);
                    }
                } catch (IllegalArgumentException notThisOne) {
                    // e.g. noise beyond what generate() accepts: store the points instead
                }
            }
        }
        return Optional.empty();
    }

    static JsonObject write(Dataset data, long experimentSeed) {
        JsonObject o = new JsonObject();
        Optional<Recipe> recipe = recipeOf(data, experimentSeed);
        if (recipe.isPresent()) {
            Recipe r = recipe.get();
            o.addProperty("kind", GENERATED);
            o.addProperty("target", r.target().id());
            o.addProperty("points", r.points());
            o.addProperty("x_min", r.minX());
            o.addProperty("x_max", r.maxX());
            o.addProperty("noise", r.noise());
            if (r.noise() > 0) {
                o.addProperty("noise_seed", r.noiseSeed());
            }
            return o;
        }
        o.addProperty("kind", POINTS);
        o.addProperty("description", data.description());
        data.target().ifPresent(t -> o.addProperty("target", t.id()));
        if (data.noise() != 0) {
            o.addProperty("noise", data.noise());
        }
        o.add("x", floats(data.x()));
        o.add("y", floats(data.y()));
        return o;
    }

    private static JsonArray floats(float[] values) {
        JsonArray array = new JsonArray(values.length);
        for (float v : values) {
            array.add(v);
        }
        return array;
    }

    static Dataset read(JsonFields f) throws ExperimentFileException {
        String kind = f.string("kind", GENERATED);
        if (kind.equals(GENERATED)) {
            return readGenerated(f);
        }
        if (kind.equals(POINTS)) {
            return readPoints(f);
        }
        throw new ExperimentFileException(f.name("kind") + " must be \"" + GENERATED + "\" or \""
                + POINTS + "\", got \"" + kind + "\"");
    }

    private static Dataset readGenerated(JsonFields f) throws ExperimentFileException {
        TargetFunction target = target(f, TargetFunction.SIN);
        int points = f.integer("points", 1000, Dataset.MIN_POINTS, Dataset.MAX_POINTS);
        double minX = f.number("x_min", Dataset.DEFAULT_MIN_X, v -> true, "a finite number");
        double maxX = f.number("x_max", Dataset.DEFAULT_MAX_X, v -> true, "a finite number");
        if (!(maxX > minX)) {
            throw new ExperimentFileException(f.name("x_max") + " must be greater than "
                    + f.name("x_min") + ", got x_min " + minX + " and x_max " + maxX);
        }
        double noise = noise(f);
        long noiseSeed = f.longInteger("noise_seed", 0);
        return new Recipe(target, points, minX, maxX, noise, noiseSeed).generate();
    }

    private static Dataset readPoints(JsonFields f) throws ExperimentFileException {
        float[] x = floats(f, "x");
        float[] y = floats(f, "y");
        if (x.length != y.length) {
            throw new ExperimentFileException(f.name("x") + " and " + f.name("y")
                    + " must have the same length, got " + x.length + " and " + y.length);
        }
        String description = f.string("description", x.length + " points");
        TargetFunction target = f.has("target") ? target(f, null) : null;
        double noise = noise(f);
        try {
            return new Dataset(x, y, description, target, noise);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(f.path() + ": " + e.getMessage(), e);
        }
    }

    private static TargetFunction target(JsonFields f, TargetFunction fallback) throws ExperimentFileException {
        String id = f.string("target", fallback == null ? null : fallback.id());
        return TargetFunction.byId(id).orElseThrow(() -> new ExperimentFileException(f.name("target")
                + " must be one of " + TargetFunction.ids() + ", got \"" + id + "\""));
    }

    private static double noise(JsonFields f) throws ExperimentFileException {
        return f.number("noise", 0, v -> v >= 0 && v <= 10, "in [0, 10]");
    }

    private static float[] floats(JsonFields f, String key) throws ExperimentFileException {
        JsonArray array = f.array(key);
        if (array == null) {
            throw new ExperimentFileException(f.name(key) + " is missing (a list of numbers)");
        }
        if (array.size() < Dataset.MIN_POINTS || array.size() > Dataset.MAX_POINTS) {
            throw new ExperimentFileException(f.name(key) + " must have " + Dataset.MIN_POINTS + "–"
                    + Dataset.MAX_POINTS + " points, got " + array.size());
        }
        float[] values = new float[array.size()];
        List<JsonElement> elements = array.asList();
        for (int i = 0; i < values.length; i++) {
            values[i] = JsonFields.finiteFloat(f.name(key) + "[" + i + "]", elements.get(i));
        }
        return values;
    }
}
