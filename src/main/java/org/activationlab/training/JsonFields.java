package org.activationlab.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.activationlab.engine.Echo;
import org.activationlab.engine.Setting;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object of an experiment file or a lesson, checking each value and
 * naming the field (with its path, e.g. {@code models[1].slope}) and the value in every error.
 * Remembers which fields it was asked for, so the ones nobody asked for can be reported.
 *
 * <p>One rule for every file: a field that is absent or {@code null} takes its default, and a
 * field nobody asked for is skipped with a warning naming it ({@link #reportUnknown}), so a
 * misspelt name is reported and a file of a newer version still opens.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String path;
    private final Set<String> asked = new HashSet<>();

    private JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The object {@code element}, which the file calls {@code path} ("" for the top level). */
    public static JsonFields of(JsonElement element, String path) throws ExperimentFileException {
        if (element == null || !element.isJsonObject()) {
            throw new ExperimentFileException(path.isEmpty() ? null : path, (path.isEmpty() ? "the file" : path)
                    + " must be a JSON object { … }, got " + describe(element), null);
        }
        return new JsonFields(element.getAsJsonObject(), path);
    }

    /** Where this object is in the file, e.g. {@code models[1]} ("" for the top level). */
    public String path() {
        return path;
    }

    /** The full name of a field of this object, e.g. {@code network.depth}. */
    public String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of {@code key}, or null if it is absent or {@code null}. */
    public JsonElement get(String key) {
        asked.add(key);
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : e;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** An error about field {@code key}: "{@code network.depth} {@code problem}". */
    public ExperimentFileException error(String key, String problem) {
        return new ExperimentFileException(name(key), name(key) + " " + problem, null);
    }

    /** A nested object, or null if absent. */
    public JsonFields object(String key) throws ExperimentFileException {
        JsonElement e = get(key);
        return e == null ? null : of(e, name(key));
    }

    public JsonArray array(String key) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return null;
        }
        if (!e.isJsonArray()) {
            throw error(key, "must be a list [ … ], got " + describe(e));
        }
        return e.getAsJsonArray();
    }

    public String string(String key, String fallback) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw error(key, "must be text in quotes, got " + describe(e));
        }
        return p.getAsString();
    }

    public String requiredString(String key) throws ExperimentFileException {
        String s = string(key, null);
        if (s == null) {
            throw error(key, "is missing");
        }
        return s;
    }

    /** A whole-number setting ({@link Setting.Type#INTEGER}) in the table's range. */
    public int integer(Setting setting, int fallback) throws ExperimentFileException {
        return integer(setting.key(), fallback, setting.minInt(), setting.maxInt());
    }

    /** A whole number in [min, max]. */
    public int integer(String key, int fallback, int min, int max) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        BigDecimal v = whole(name(key), e);
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            String range = max < Integer.MAX_VALUE ? min + "–" + max
                    : v.signum() > 0 && v.compareTo(BigDecimal.valueOf(min)) > 0 ? "at most " + max : "≥ " + min;
            throw error(key, "must be " + range + ", got " + literal(e));
        }
        return v.intValueExact();
    }

    /** Any whole number that fits in 64 bits. */
    public long longInteger(String key, long fallback) throws ExperimentFileException {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        try {
            return whole(name(key), e).longValueExact();
        } catch (ArithmeticException ex) {
            throw error(key, "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + ", got " + literal(e));
        }
    }

    /** A decimal setting in the table's range. */
    public double number(Setting setting, double fallback) throws ExperimentFileException {
        JsonElement e = get(setting.key());
        if (e == null) {
            return fallback;
        }
        double v = finite(name(setting.key()), e);
        if (!setting.accepts(v)) {
            throw error(setting.key(), "must be " + setting.rangeText() + ", got " + literal(e));
        }
        return v;
    }

    /** Any finite number. */
    public double number(String key, double fallback) throws ExperimentFileException {
        JsonElement e = get(key);
        return e == null ? fallback : finite(name(key), e);
    }

    /** Fields that nobody asked for, as warnings. */
    public void reportUnknown(List<String> warnings) {
        for (String key : object.keySet()) {
            if (!asked.contains(key)) {
                warnings.add("unknown field " + Echo.of(name(key)) + " skipped");
            }
        }
    }

    /** A finite number, read from its literal (exactly as written). */
    static double finite(String field, JsonElement e) throws ExperimentFileException {
        double v = Double.parseDouble(numberLiteral(field, e));
        if (!Double.isFinite(v)) {
            throw new ExperimentFileException(field, field + " must be a finite number, got " + literal(e), null);
        }
        return v;
    }

    /** A finite float, parsed directly from its literal so that it round-trips bit for bit. */
    static float finiteFloat(String field, JsonElement e) throws ExperimentFileException {
        float v = Float.parseFloat(numberLiteral(field, e));
        if (!Float.isFinite(v)) {
            throw new ExperimentFileException(field, field + " must be a finite number, got " + literal(e), null);
        }
        return v;
    }

    /** The literal of a number (the strict reader admits only JSON's number syntax). */
    private static String numberLiteral(String field, JsonElement e) throws ExperimentFileException {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            if (e instanceof JsonPrimitive p && p.isString() && looksNumeric(p.getAsString())) {
                // "0.5" in quotes: a number was meant, but the file is not what this program writes.
                throw new ExperimentFileException(field, field + " must be a number (without quotes), got "
                        + describe(e), null);
            }
            throw new ExperimentFileException(field, field + " must be a number, got " + describe(e), null);
        }
        return p.getAsString();
    }

    private static boolean looksNumeric(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.length() <= StrictJson.MAX_NUMBER_LENGTH
                && t.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");
    }

    /**
     * The exact value of a whole number. Exponents beyond ±1000 are not handed to BigDecimal
     * (whose exponent is an int): such a number is 0, too large, or not whole.
     */
    private static BigDecimal whole(String field, JsonElement e) throws ExperimentFileException {
        String text = numberLiteral(field, e);
        int ePos = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (ePos >= 0) {
            String exponent = text.substring(ePos + 1).replaceFirst("^\\+", "").replaceFirst("^(-?)0+(?=\\d)", "$1");
            boolean huge = exponent.replace("-", "").length() > 4;
            if (huge) {
                boolean zero = text.substring(0, ePos).replaceAll("[-.0]", "").isEmpty();
                if (zero) {
                    return BigDecimal.ZERO;
                }
                if (exponent.startsWith("-")) {
                    throw new ExperimentFileException(field, field + " must be a whole number, got " + literal(e), null);
                }
                // Far beyond any range: compared as such by the callers.
                return new BigDecimal(text.startsWith("-") ? "-1e1000" : "1e1000");
            }
        }
        BigDecimal v = new BigDecimal(text);
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            throw new ExperimentFileException(field, field + " must be a whole number, got " + literal(e), null);
        }
        return v;
    }

    /** A value's literal as the user wrote it, shortened. */
    static String literal(JsonElement e) {
        return e instanceof JsonPrimitive p && !p.isString() ? Echo.of(p.getAsString()) : describe(e);
    }

    /** A value as the user wrote it, for messages. */
    public static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "nothing (null)";
        }
        if (e.isJsonObject()) {
            return "an object { … }";
        }
        if (e.isJsonArray()) {
            return "a list [ … ]";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? Echo.quoted(p.getAsString()) : Echo.of(p.getAsString());
    }
}
