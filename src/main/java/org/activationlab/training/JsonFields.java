package org.activationlab.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * Reads the fields of one JSON object of a file, checking each value and naming the field (with
 * its path, e.g. {@code models[1].slope}) and the value in every error. Remembers which fields it
 * was asked for, so the ones nobody asked for can be reported as skipped.
 *
 * <p>A field that is absent or {@code null} takes its default.
 */
final class JsonFields {

    private final JsonObject object;
    private final String path;
    private final Set<String> asked = new HashSet<>();

    private JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The object {@code element}, which the file calls {@code path} ("" for the top level). */
    static JsonFields of(JsonElement element, String path) throws ExperimentFileException {
        if (element == null || !element.isJsonObject()) {
            throw new ExperimentFileException((path.isEmpty() ? "the file" : path)
                    + " must be a JSON object { … }, got " + describe(element));
        }
        return new JsonFields(element.getAsJsonObject(), path);
    }

    /** Where this object is in the file, e.g. {@code models[1]} ("" for the top level). */
    String path() {
        return path;
    }

    /** The full name of a field of this object, e.g. {@code network.depth}. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of {@code key}, or null if it is absent or {@code null}. */
    JsonElement get(String key) {
        asked.add(key);
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : e;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** A nested object, or null if absent. */
    JsonFields object(String key) throws ExperimentFileException {
        JsonElement e = get(key);
        return e == null ? null : of(e, name(key));
    }

    JsonArray array(String key) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return null;
        }
        if (!e.isJsonArray()) {
            throw new ExperimentFileException(name(key) + " must be a list [ … ], got " + describe(e));
        }
        return e.getAsJsonArray();
    }

    String string(String key, String fallback) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw new ExperimentFileException(name(key) + " must be text in quotes, got " + describe(e));
        }
        return p.getAsString();
    }

    String requiredString(String key) throws ExperimentFileException {
        String s = string(key, null);
        if (s == null) {
            throw new ExperimentFileException(name(key) + " is missing");
        }
        return s;
    }

    /** A whole number in [min, max]. */
    int integer(String key, int fallback, int min, int max) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        BigDecimal v = whole(name(key), e);
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ExperimentFileException(name(key) + " must be " + range(min, max)
                    + ", got " + e.getAsString());
        }
        return v.intValueExact();
    }

    /** Any whole number that fits in 64 bits. */
    long longInteger(String key, long fallback) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        try {
            return whole(name(key), e).longValueExact();
        } catch (ArithmeticException ex) {
            throw new ExperimentFileException(name(key) + " must be a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", got " + e.getAsString());
        }
    }

    /**
     * A finite number that {@code valid} accepts; {@code range} says which in the message,
     * e.g. "in [1e-7, 10]".
     */
    double number(String key, double fallback, DoublePredicate valid, String range)
            throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        double v = finite(name(key), e);
        if (!valid.test(v)) {
            throw new ExperimentFileException(name(key) + " must be " + range + ", got " + e.getAsString());
        }
        return v;
    }

    /** Fields that nobody asked for, as warnings. */
    void reportUnknown(List<String> warnings) {
        for (String key : object.keySet()) {
            if (!asked.contains(key)) {
                warnings.add("unknown field " + name(key) + " skipped");
            }
        }
    }

    /** A finite number, read from its literal (exactly as written, floats without double rounding). */
    static double finite(String field, JsonElement e) throws ExperimentFileException {
        return Double.parseDouble(numberLiteral(field, e));
    }

    /** A finite float, parsed directly from its literal so that it round-trips bit for bit. */
    static float finiteFloat(String field, JsonElement e) throws ExperimentFileException {
        float v = Float.parseFloat(numberLiteral(field, e));
        if (!Float.isFinite(v)) {
            throw new ExperimentFileException(field + " must be a finite number, got " + e.getAsString());
        }
        return v;
    }

    private static String numberLiteral(String field, JsonElement e) throws ExperimentFileException {
        if (!(e instanceof JsonPrimitive p) || p.isBoolean()) {
            throw new ExperimentFileException(field + " must be a number, got " + describe(e));
        }
        String text = p.getAsString().strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new ExperimentFileException(field + " must be a number, got " + describe(e));
        }
        if (!Double.isFinite(v)) {
            throw new ExperimentFileException(field + " must be a finite number, got " + text);
        }
        if (p.isString()) {
            // "0.5" in quotes: a number was meant, but the file is not what this program writes.
            throw new ExperimentFileException(field + " must be a number (without quotes), got " + describe(e));
        }
        return text;
    }

    private static BigDecimal whole(String field, JsonElement e) throws ExperimentFileException {
        String text = numberLiteral(field, e);
        BigDecimal v = new BigDecimal(text);
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            throw new ExperimentFileException(field + " must be a whole number, got " + text);
        }
        return v;
    }

    private static String range(long min, long max) {
        return max == Integer.MAX_VALUE ? "≥ " + min : min + "–" + max;
    }

    /** A value as the user wrote it, for messages. */
    static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "nothing (null)";
        }
        if (e.isJsonObject()) {
            return "an object { … }";
        }
        if (e.isJsonArray()) {
            return "a list [ … ]";
        }
        String text = e.toString();
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
