package org.activationlab.ui.files;

import org.activationlab.ui.AnimationExport;

import java.util.Locale;

/**
 * What File ▸ Export ▸ Animation makes, checked: the epochs drawn (epoch 0 is the untrained
 * start), frames per second, pixels per point and what each frame shows. The limits are those
 * of {@code export-gif}.
 */
public record AnimationSettings(int from, int to, double fps, double scale, AnimationExport.Part part) {

    public static final int MAX_EPOCH = 2000;
    public static final double MIN_FPS = 1;
    public static final double MAX_FPS = 50;

    /** A value the teacher typed that cannot be used, with the field's name in the message. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** The frames the GIF will have. */
    public int frames() {
        return to - from + 1;
    }

    /** Reads what was typed; every problem is named by its field. */
    public static AnimationSettings parse(String from, String to, String fps, double scale, AnimationExport.Part part)
            throws Invalid {
        int first = whole("From epoch", from, 0);
        int last = whole("To epoch", to, 1);
        if (last < first) {
            throw new Invalid("To epoch (" + last + ") must not be before From epoch (" + first + ")");
        }
        double rate;
        try {
            rate = Double.parseDouble(fps.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new Invalid("Frames per second must be a number from 1 to 50, got '" + shorten(fps) + "'");
        }
        if (!(rate >= MIN_FPS && rate <= MAX_FPS)) {
            throw new Invalid("Frames per second must be from 1 to 50, got " + shorten(fps.strip()));
        }
        if (scale != 1 && scale != 2) {
            throw new Invalid("Scale must be 1× or 2×");
        }
        if (part == null) {
            throw new Invalid("Choose what the frames show");
        }
        return new AnimationSettings(first, last, rate, scale, part);
    }

    private static int whole(String field, String text, int min) throws Invalid {
        String t = text.strip();
        int value;
        try {
            value = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new Invalid(field + " must be a whole number from " + min + " to " + MAX_EPOCH + ", got '"
                    + shorten(t) + "'");
        }
        if (value < min || value > MAX_EPOCH) {
            throw new Invalid(field + " must be from " + min + " to " + MAX_EPOCH + ", got " + value);
        }
        return value;
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    /** "100 frames, 5 s at 20 fps". */
    public String summary() {
        return String.format(Locale.ROOT, "%d frame%s, %.1f s at %s fps", frames(), frames() == 1 ? "" : "s",
                frames() / fps, fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps));
    }
}
