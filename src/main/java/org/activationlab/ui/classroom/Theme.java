package org.activationlab.ui.classroom;

import java.util.Locale;
import java.util.Objects;

/**
 * The colour themes. A theme is only a stylesheet laid over the base one that redefines the
 * named colours on {@code .root}; the canvas charts read them through their CSS properties.
 */
public enum Theme {
    LIGHT("Light", null),
    DARK("Dark", "theme-dark.css"),
    /** Pure black on white with strong lines, for projectors that wash colours out. */
    HIGH_CONTRAST("High contrast", "theme-high-contrast.css");

    private final String displayName;
    private final String stylesheet;

    Theme(String displayName, String stylesheet) {
        this.displayName = displayName;
        this.stylesheet = stylesheet;
    }

    /** The name kept in the preferences: "light", "dark", "high-contrast". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String displayName() {
        return displayName;
    }

    /** The stylesheet's URL, or null for the light theme, which is the base stylesheet alone. */
    public String stylesheetUrl() {
        if (stylesheet == null) {
            return null;
        }
        return Objects.requireNonNull(Theme.class.getResource("/org/activationlab/ui/" + stylesheet), stylesheet).toExternalForm();
    }

    /** The theme after this one, for the key that cycles through them. */
    public Theme next() {
        Theme[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /** The theme with {@code id}, or {@code fallback} for an unknown or missing one. */
    public static Theme byId(String id, Theme fallback) {
        for (Theme t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return fallback;
    }
}
