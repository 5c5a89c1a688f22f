package org.activationlab.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Echo;
import org.activationlab.engine.Setting;
import org.activationlab.engine.TargetFunction;

import java.util.List;

/**
 * The {@code data} section of an experiment file. Generated data is stored as its recipe
 * ({@code kind: "generated"}: target, points, x range, noise and the noise's seed), which the
 * {@link Dataset} carries; everything else (loaded from CSV, edited, clicked) as the points
 * themselves ({@code kind: "points"}).
 */
final class DataJson {

    static final String GENERATED = "generated";
    static final String POINTS = "points";

    private DataJson() {
    }

    static JsonObject write(Dataset data) {
        JsonObject o = new JsonObject();
        if (data.recipe().isPresent()) {
            Dataset.Recipe r = data.recipe().get();
            o.addProperty("kind", GENERATED);
            o.addProperty(Setting.TARGET.key(), r.target().id());
            o.addProperty(Setting.POINTS.key(), r.points());
            o.addProperty(Setting.X_MIN.key(), r.minX());
            o.addProperty(Setting.X_MAX.key(), r.maxX());
            o.addProperty(Setting.NOISE.key(), r.noise());
            if (r.noise() > 0) {
                o.addProperty(Setting.NOISE_SEED.key(), r.seed());
            }
            return o;
        }
        o.addProperty("kind", POINTS);
        o.addProperty("description", data.description());
        data.target().ifPresent(t -> o.addProperty(Setting.TARGET.key(), t.id()));
        if (data.noise() != 0) {
            o.addProperty(Setting.NOISE.key(), data.noise());
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

    /**
     * The data of {@code f}. Without a {@code kind}, or with {@code "generated"}, the settings it
     * gives change the recipe of {@code base} (or the classic recipe, if the base data are points).
     */
    static Dataset read(JsonFields f, Dataset base) throws ExperimentFileException {
        String kind = f.string("kind", GENERATED);
        if (kind.equals(GENERATED)) {
            return readGenerated(f, base.recipe().orElseGet(() -> Dataset.classic().recipe().orElseThrow()));
        }
        if (kind.equals(POINTS)) {
            return readPoints(f);
        }
        throw f.error("kind", "must be \"" + GENERATED + "\" or \"" + POINTS + "\", got " + Echo.quoted(kind));
    }

    private static Dataset readGenerated(JsonFields f, Dataset.Recipe base) throws ExperimentFileException {
        TargetFunction target = target(f, base.target());
        int points = f.integer(Setting.POINTS, base.points());
        double minX = f.number(Setting.X_MIN, base.minX());
        double maxX = f.number(Setting.X_MAX, base.maxX());
        if (!(maxX > minX)) {
            throw f.error(Setting.X_MAX.key(), "must be greater than " + f.name(Setting.X_MIN.key())
                    + ", got x_min " + Setting.format(minX) + " and x_max " + Setting.format(maxX));
        }
        double noise = f.number(Setting.NOISE, base.noise());
        long noiseSeed = f.longInteger(Setting.NOISE_SEED.key(), base.seed());
        try {
            return new Dataset.Recipe(target, points, minX, maxX, noise, noiseSeed).generate();
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(f.path(), f.path() + ": " + e.getMessage(), e);
        }
    }

    private static Dataset readPoints(JsonFields f) throws ExperimentFileException {
        float[] x = floats(f, "x");
        float[] y = floats(f, "y");
        if (x.length != y.length) {
            throw f.error("x", "and " + f.name("y") + " must have the same length, got " + x.length
                    + " and " + y.length);
        }
        String description = f.string("description", x.length + " points");
        TargetFunction target = f.has(Setting.TARGET.key()) ? target(f, null) : null;
        double noise = f.number(Setting.NOISE, 0);
        try {
            return new Dataset(x, y, Echo.of(description), target, noise);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(f.path(), f.path() + ": " + e.getMessage(), e);
        }
    }

    private static TargetFunction target(JsonFields f, TargetFunction fallback) throws ExperimentFileException {
        String id = f.string(Setting.TARGET.key(), fallback == null ? null : fallback.id());
        return TargetFunction.byId(id).orElseThrow(() -> f.error(Setting.TARGET.key(),
                "must be one of " + TargetFunction.ids() + ", got " + Echo.quoted(id)));
    }

    private static float[] floats(JsonFields f, String key) throws ExperimentFileException {
        JsonArray array = f.array(key);
        if (array == null) {
            throw f.error(key, "is missing (a list of numbers)");
        }
        if (array.size() < Dataset.MIN_POINTS || array.size() > Dataset.MAX_POINTS) {
            throw f.error(key, "must have " + Dataset.MIN_POINTS + "–" + Dataset.MAX_POINTS
                    + " points, got " + array.size());
        }
        float[] values = new float[array.size()];
        List<JsonElement> elements = array.asList();
        for (int i = 0; i < values.length; i++) {
            values[i] = JsonFields.finiteFloat(f.name(key) + "[" + i + "]", elements.get(i));
        }
        return values;
    }
}
