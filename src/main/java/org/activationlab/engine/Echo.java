package org.activationlab.engine;

/**
 * A value from the user's input, shortened for an error message: a message names what was wrong
 * in one readable line, however long the value (a 50 MB number, a 100 000-character name).
 */
public final class Echo {

    /** The most characters of a value a message repeats. */
    public static final int MAX = 60;

    private Echo() {
    }

    /** {@code value}, cut to {@value #MAX} characters with "…" and line breaks shown as spaces. */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        String s = value.length() > MAX + 1 ? value.substring(0, MAX) + "…" : value;
        return s.replaceAll("\\R", " ");
    }

    /** {@link #of} in double quotes. */
    public static String quoted(String value) {
        return "\"" + of(value) + "\"";
    }
}
