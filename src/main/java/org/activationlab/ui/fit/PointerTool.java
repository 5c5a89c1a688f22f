package org.activationlab.ui.fit;

/** What a click on the fit chart does; exactly one is selected (see {@link FitPointer}). */
public enum PointerTool {
    /** Clicks never change anything; hovering reads out the curves' values. The default. */
    POINT("Point", "Point: hover reads out the values; clicks change nothing"),
    /** A click adds a training point; a click on a point removes it. */
    EDIT_DATA("Edit data", "Edit data: a click adds a training point, a click on a point removes it"),
    /** The next click pins a note there, then the tool before comes back. */
    NOTE("Note", "Note: click where the note goes, type, Enter");

    private final String displayName;
    private final String description;

    PointerTool(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }
}
