package org.activationlab.training.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one JSON object of a lesson file, each with its path for messages
 * ({@code steps[1].config.depth}), and rejects fields it does not know, so that a misspelt
 * {@code "learningrate"} is reported instead of silently ignored.
 */
final class JsonFields {

    private final String file;
    private final String path;
    private final JsonObject object;

    /**
     * @param path    the object's path, "" for the file's top level
     * @param element the value that should be an object
     * @param known   the field names allowed in it
     */
    JsonFields(String file, String path, JsonElement element, Set<String> known) throws LessonFormatException {
        this.file = file;
        this.path = path;
        if (element == null || !element.isJsonObject()) {
            throw new LessonFormatException(file, path.isEmpty() ? null : path,
                    "must be a JSON object { … }, got " + describe(element));
        }
        this.object = element.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw error(key, "unknown field (known fields: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The path of field {@code name} of this object. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return object.has(name) && !object.get(name).isJsonNull();
    }

    JsonElement get(String name) {
        return object.get(name);
    }

    LessonFormatException error(String name, String problem) {
        return new LessonFormatException(file, path(name), problem);
    }

    /** A text that must be there, not blank, at most {@code maxLength} characters. */
    String text(String name, int maxLength) throws LessonFormatException {
        if (!has(name)) {
            throw error(name, "missing (a text is required here)");
        }
        return optionalText(name, maxLength);
    }

    /** A text, or null if the field is absent. */
    String optionalText(String name, int maxLength) throws LessonFormatException {
        if (!has(name)) {
            return null;
        }
        JsonElement e = object.get(name);
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            throw error(name, "must be a text in quotes, got " + describe(e));
        }
        String s = e.getAsString().strip();
        if (s.isEmpty()) {
            throw error(name, "must not be empty");
        }
        if (s.length() > maxLength) {
            throw error(name, "too long: " + s.length() + " characters, at most " + maxLength
                    + " (the lesson strip shows a few lines)");
        }
        return s;
    }

    /** A finite number in [min, max] (or (min, max] if {@code minExclusive}). */
    double number(String name, double min, boolean minExclusive, double max) throws LessonFormatException {
        double v = numeric(name).doubleValue();
        boolean aboveMin = minExclusive ? v > min : v >= min;
        if (!(aboveMin && v <= max)) {
            throw error(name, "must be in " + (minExclusive ? "(" : "[") + format(min) + ", " + format(max)
                    + "], got " + format(v));
        }
        return v;
    }

    /** A whole number in [min, max]. */
    long integer(String name, long min, long max) throws LessonFormatException {
        BigDecimal v = numeric(name);
        long n;
        try {
            n = v.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw error(name, "must be a whole number, got " + v.toPlainString());
        }
        if (n < min || n > max) {
            throw error(name, "must be " + min + "–" + max + ", got " + n);
        }
        return n;
    }

    private BigDecimal numeric(String name) throws LessonFormatException {
        JsonElement e = object.get(name);
        if (!(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) {
            throw error(name, "must be a number, got " + describe(e));
        }
        try {
            return e.getAsBigDecimal();
        } catch (NumberFormatException ex) {
            throw error(name, "must be a number, got " + e);
        }
    }

    /** An array of {@code min}–{@code max} elements. */
    JsonArray array(String name, int min, int max) throws LessonFormatException {
        JsonElement e = object.get(name);
        if (e == null || !e.isJsonArray()) {
            throw error(name, (e == null ? "missing" : "must be a list [ … ], got " + describe(e)));
        }
        JsonArray a = e.getAsJsonArray();
        if (a.size() < min || a.size() > max) {
            throw error(name, "must list " + min + "–" + max + " entries, got " + a.size());
        }
        return a;
    }

    /** A short description of a JSON value for messages: its type and, if short, itself. */
    static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "nothing";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        String kind = p.isString() ? "the text " : p.isNumber() ? "the number " : "";
        String s = p.toString();
        return kind + (s.length() > 40 ? s.substring(0, 37) + "…" : s);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
